using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="FailureShape"/>: a failure entry of a Describe answer. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class FailureShapeWriter
{
    private static readonly JsonEncodedText Arn = JsonEncodedText.Encode("arn");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");

    public static void Write(Utf8JsonWriter writer, FailureShape value)
    {
        writer.WriteStartObject();
        writer.Member(Arn, value.Arn);
        writer.Member(Reason, value.Reason);
        writer.Member(Detail, value.Detail);
        writer.WriteEndObject();
    }
}
