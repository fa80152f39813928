using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="DeploymentConfigurationShape"/>: a service's deployment configuration. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class DeploymentConfigurationShapeWriter
{
    private static readonly JsonEncodedText DeploymentCircuitBreaker = JsonEncodedText.Encode("deploymentCircuitBreaker");
    private static readonly JsonEncodedText MaximumPercent = JsonEncodedText.Encode("maximumPercent");
    private static readonly JsonEncodedText MinimumHealthyPercent = JsonEncodedText.Encode("minimumHealthyPercent");

    public static void Write(Utf8JsonWriter writer, DeploymentConfigurationShape value)
    {
        writer.WriteStartObject();
        writer.Member(DeploymentCircuitBreaker, value.DeploymentCircuitBreaker, DeploymentCircuitBreakerShapeWriter.Write);
        writer.Member(MaximumPercent, value.MaximumPercent);
        writer.Member(MinimumHealthyPercent, value.MinimumHealthyPercent);
        writer.WriteEndObject();
    }
}
