using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="ContainerShape"/>: a container of a task. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class ContainerShapeWriter
{
    private static readonly JsonEncodedText ContainerArn = JsonEncodedText.Encode("containerArn");
    private static readonly JsonEncodedText TaskArn = JsonEncodedText.Encode("taskArn");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Image = JsonEncodedText.Encode("image");
    private static readonly JsonEncodedText ImageDigest = JsonEncodedText.Encode("imageDigest");
    private static readonly JsonEncodedText RuntimeId = JsonEncodedText.Encode("runtimeId");
    private static readonly JsonEncodedText LastStatus = JsonEncodedText.Encode("lastStatus");
    private static readonly JsonEncodedText ExitCode = JsonEncodedText.Encode("exitCode");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText NetworkBindings = JsonEncodedText.Encode("networkBindings");
    private static readonly JsonEncodedText NetworkInterfaces = JsonEncodedText.Encode("networkInterfaces");
    private static readonly JsonEncodedText HealthStatus = JsonEncodedText.Encode("healthStatus");
    private static readonly JsonEncodedText ManagedAgents = JsonEncodedText.Encode("managedAgents");
    private static readonly JsonEncodedText Cpu = JsonEncodedText.Encode("cpu");
    private static readonly JsonEncodedText Memory = JsonEncodedText.Encode("memory");
    private static readonly JsonEncodedText MemoryReservation = JsonEncodedText.Encode("memoryReservation");

    public static void Write(Utf8JsonWriter writer, ContainerShape value)
    {
        writer.WriteStartObject();
        writer.Member(ContainerArn, value.ContainerArn);
        writer.Member(TaskArn, value.TaskArn);
        writer.Member(Name, value.Name);
        writer.Member(Image, value.Image);
        writer.Member(ImageDigest, value.ImageDigest);
        writer.Member(RuntimeId, value.RuntimeId);
        writer.Member(LastStatus, value.LastStatus);
        writer.Member(ExitCode, value.ExitCode);
        writer.Member(Reason, value.Reason);
        writer.Member(NetworkBindings, value.NetworkBindings, NetworkBindingShapeWriter.Write);
        writer.Member(NetworkInterfaces, value.NetworkInterfaces, NetworkInterfaceShapeWriter.Write);
        writer.Member(HealthStatus, value.HealthStatus);
        writer.Member(ManagedAgents, value.ManagedAgents, ManagedAgentShapeWriter.Write);
        writer.Member(Cpu, value.Cpu);
        writer.Member(Memory, value.Memory);
        writer.Member(MemoryReservation, value.MemoryReservation);
        writer.WriteEndObject();
    }
}
