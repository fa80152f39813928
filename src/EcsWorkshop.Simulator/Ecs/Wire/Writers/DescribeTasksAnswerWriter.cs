using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="DescribeTasksResponse"/>: the answer of DescribeTasks. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class DescribeTasksAnswerWriter
{
    private static readonly JsonEncodedText Tasks = JsonEncodedText.Encode("tasks");
    private static readonly JsonEncodedText Failures = JsonEncodedText.Encode("failures");

    public static void Write(Utf8JsonWriter writer, DescribeTasksResponse value)
    {
        writer.WriteStartObject();
        writer.Member(Tasks, value.Tasks, TaskShapeWriter.Write);
        writer.Member(Failures, value.Failures, FailureShapeWriter.Write);
        writer.WriteEndObject();
    }
}
