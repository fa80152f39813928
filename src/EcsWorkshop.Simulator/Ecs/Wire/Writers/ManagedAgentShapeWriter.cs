using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="ManagedAgentShape"/>: a container's managed agent. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class ManagedAgentShapeWriter
{
    private static readonly JsonEncodedText LastStartedAt = JsonEncodedText.Encode("lastStartedAt");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText LastStatus = JsonEncodedText.Encode("lastStatus");

    public static void Write(Utf8JsonWriter writer, ManagedAgentShape value)
    {
        writer.WriteStartObject();
        writer.Member(LastStartedAt, value.LastStartedAt);
        writer.Member(Name, value.Name);
        writer.Member(Reason, value.Reason);
        writer.Member(LastStatus, value.LastStatus);
        writer.WriteEndObject();
    }
}
