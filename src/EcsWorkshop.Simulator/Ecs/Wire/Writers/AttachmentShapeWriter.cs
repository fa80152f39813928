using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="AttachmentShape"/>: a task's attachment (its elastic network interface). Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class AttachmentShapeWriter
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Details = JsonEncodedText.Encode("details");

    public static void Write(Utf8JsonWriter writer, AttachmentShape value)
    {
        writer.WriteStartObject();
        writer.Member(Id, value.Id);
        writer.Member(Type, value.Type);
        writer.Member(Status, value.Status);
        writer.Member(Details, value.Details, KeyValuePairShapeWriter.Write);
        writer.WriteEndObject();
    }
}
