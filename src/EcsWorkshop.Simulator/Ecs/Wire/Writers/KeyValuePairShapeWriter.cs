using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="KeyValuePairShape"/>: a name and a value. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class KeyValuePairShapeWriter
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");

    public static void Write(Utf8JsonWriter writer, KeyValuePairShape value)
    {
        writer.WriteStartObject();
        writer.Member(Name, value.Name);
        writer.Member(Value, value.Value);
        writer.WriteEndObject();
    }
}
