using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="DeploymentCircuitBreakerShape"/>: a deployment's circuit breaker setting. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class DeploymentCircuitBreakerShapeWriter
{
    private static readonly JsonEncodedText Enable = JsonEncodedText.Encode("enable");
    private static readonly JsonEncodedText Rollback = JsonEncodedText.Encode("rollback");

    public static void Write(Utf8JsonWriter writer, DeploymentCircuitBreakerShape value)
    {
        writer.WriteStartObject();
        writer.Member(Enable, value.Enable);
        writer.Member(Rollback, value.Rollback);
        writer.WriteEndObject();
    }
}
