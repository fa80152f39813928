using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="TagShape"/>: a tag. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class TagShapeWriter
{
    private static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");

    public static void Write(Utf8JsonWriter writer, TagShape value)
    {
        writer.WriteStartObject();
        writer.Member(Key, value.Key);
        writer.Member(Value, value.Value);
        writer.WriteEndObject();
    }
}
