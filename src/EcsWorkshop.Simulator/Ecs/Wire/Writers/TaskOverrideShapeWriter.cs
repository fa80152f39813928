using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="TaskOverrideShape"/>: a task's overrides, as RunTask was sent them. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class TaskOverrideShapeWriter
{
    private static readonly JsonEncodedText ContainerOverrides = JsonEncodedText.Encode("containerOverrides");
    private static readonly JsonEncodedText Cpu = JsonEncodedText.Encode("cpu");
    private static readonly JsonEncodedText InferenceAcceleratorOverrides = JsonEncodedText.Encode("inferenceAcceleratorOverrides");
    private static readonly JsonEncodedText ExecutionRoleArn = JsonEncodedText.Encode("executionRoleArn");
    private static readonly JsonEncodedText Memory = JsonEncodedText.Encode("memory");
    private static readonly JsonEncodedText TaskRoleArn = JsonEncodedText.Encode("taskRoleArn");

    public static void Write(Utf8JsonWriter writer, TaskOverrideShape value)
    {
        writer.WriteStartObject();
        writer.Member(ContainerOverrides, value.ContainerOverrides, ContainerOverrideShapeWriter.Write);
        writer.Member(Cpu, value.Cpu);
        writer.Member(InferenceAcceleratorOverrides, value.InferenceAcceleratorOverrides, InferenceAcceleratorOverrideShapeWriter.Write);
        writer.Member(ExecutionRoleArn, value.ExecutionRoleArn);
        writer.Member(Memory, value.Memory);
        writer.Member(TaskRoleArn, value.TaskRoleArn);
        writer.WriteEndObject();
    }
}
