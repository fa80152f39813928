using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="EphemeralStorageShape"/>: a task's ephemeral storage. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class EphemeralStorageShapeWriter
{
    private static readonly JsonEncodedText SizeInGiB = JsonEncodedText.Encode("sizeInGiB");

    public static void Write(Utf8JsonWriter writer, EphemeralStorageShape value)
    {
        writer.WriteStartObject();
        writer.Member(SizeInGiB, value.SizeInGiB);
        writer.WriteEndObject();
    }
}
