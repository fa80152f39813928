using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="ContainerOverrideShape"/>: a container's overrides. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class ContainerOverrideShapeWriter
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Command = JsonEncodedText.Encode("command");
    private static readonly JsonEncodedText Environment = JsonEncodedText.Encode("environment");
    private static readonly JsonEncodedText Cpu = JsonEncodedText.Encode("cpu");
    private static readonly JsonEncodedText Memory = JsonEncodedText.Encode("memory");
    private static readonly JsonEncodedText MemoryReservation = JsonEncodedText.Encode("memoryReservation");

    public static void Write(Utf8JsonWriter writer, ContainerOverrideShape value)
    {
        writer.WriteStartObject();
        writer.Member(Name, value.Name);
        writer.Member(Command, value.Command);
        writer.Member(Environment, value.Environment, KeyValuePairShapeWriter.Write);
        writer.Member(Cpu, value.Cpu);
        writer.Member(Memory, value.Memory);
        writer.Member(MemoryReservation, value.MemoryReservation);
        writer.WriteEndObject();
    }
}
