using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="ListTasksResponse"/>: the answer of ListTasks. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class ListTasksAnswerWriter
{
    private static readonly JsonEncodedText TaskArns = JsonEncodedText.Encode("taskArns");
    private static readonly JsonEncodedText NextToken = JsonEncodedText.Encode("nextToken");

    public static void Write(Utf8JsonWriter writer, ListTasksResponse value)
    {
        writer.WriteStartObject();
        writer.Member(TaskArns, value.TaskArns);
        writer.Member(NextToken, value.NextToken);
        writer.WriteEndObject();
    }
}
