using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="DeploymentControllerShape"/>: a service's deployment controller. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class DeploymentControllerShapeWriter
{
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");

    public static void Write(Utf8JsonWriter writer, DeploymentControllerShape value)
    {
        writer.WriteStartObject();
        writer.Member(Type, value.Type);
        writer.WriteEndObject();
    }
}
