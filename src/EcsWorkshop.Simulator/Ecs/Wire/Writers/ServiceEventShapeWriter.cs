using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="ServiceEventShape"/>: one event of a service. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class ServiceEventShapeWriter
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");

    public static void Write(Utf8JsonWriter writer, ServiceEventShape value)
    {
        writer.WriteStartObject();
        writer.Member(Id, value.Id);
        writer.Member(CreatedAt, value.CreatedAt);
        writer.Member(Message, value.Message);
        writer.WriteEndObject();
    }
}
