using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="DescribeServicesResponse"/>: the answer of DescribeServices. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class DescribeServicesAnswerWriter
{
    private static readonly JsonEncodedText Services = JsonEncodedText.Encode("services");
    private static readonly JsonEncodedText Failures = JsonEncodedText.Encode("failures");

    public static void Write(Utf8JsonWriter writer, DescribeServicesResponse value)
    {
        writer.WriteStartObject();
        writer.Member(Services, value.Services, ServiceShapeWriter.Write);
        writer.Member(Failures, value.Failures, FailureShapeWriter.Write);
        writer.WriteEndObject();
    }
}
