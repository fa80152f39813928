using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="TaskShape"/>: a task as DescribeTasks, RunTask and StopTask answer it. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class TaskShapeWriter
{
    private static readonly JsonEncodedText Attachments = JsonEncodedText.Encode("attachments");
    private static readonly JsonEncodedText AvailabilityZone = JsonEncodedText.Encode("availabilityZone");
    private static readonly JsonEncodedText CapacityProviderName = JsonEncodedText.Encode("capacityProviderName");
    private static readonly JsonEncodedText ClusterArn = JsonEncodedText.Encode("clusterArn");
    private static readonly JsonEncodedText Connectivity = JsonEncodedText.Encode("connectivity");
    private static readonly JsonEncodedText ConnectivityAt = JsonEncodedText.Encode("connectivityAt");
    private static readonly JsonEncodedText Containers = JsonEncodedText.Encode("containers");
    private static readonly JsonEncodedText Cpu = JsonEncodedText.Encode("cpu");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
    private static readonly JsonEncodedText DesiredStatus = JsonEncodedText.Encode("desiredStatus");
    private static readonly JsonEncodedText EnableExecuteCommand = JsonEncodedText.Encode("enableExecuteCommand");
    private static readonly JsonEncodedText ExecutionStoppedAt = JsonEncodedText.Encode("executionStoppedAt");
    private static readonly JsonEncodedText Group = JsonEncodedText.Encode("group");
    private static readonly JsonEncodedText HealthStatus = JsonEncodedText.Encode("healthStatus");
    private static readonly JsonEncodedText LastStatus = JsonEncodedText.Encode("lastStatus");
    private static readonly JsonEncodedText LaunchType = JsonEncodedText.Encode("launchType");
    private static readonly JsonEncodedText Memory = JsonEncodedText.Encode("memory");
    private static readonly JsonEncodedText Overrides = JsonEncodedText.Encode("overrides");
    private static readonly JsonEncodedText PlatformVersion = JsonEncodedText.Encode("platformVersion");
    private static readonly JsonEncodedText PlatformFamily = JsonEncodedText.Encode("platformFamily");
    private static readonly JsonEncodedText PullStartedAt = JsonEncodedText.Encode("pullStartedAt");
    private static readonly JsonEncodedText PullStoppedAt = JsonEncodedText.Encode("pullStoppedAt");
    private static readonly JsonEncodedText StartedAt = JsonEncodedText.Encode("startedAt");
    private static readonly JsonEncodedText StartedBy = JsonEncodedText.Encode("startedBy");
    private static readonly JsonEncodedText StopCode = JsonEncodedText.Encode("stopCode");
    private static readonly JsonEncodedText StoppedAt = JsonEncodedText.Encode("stoppedAt");
    private static readonly JsonEncodedText StoppedReason = JsonEncodedText.Encode("stoppedReason");
    private static readonly JsonEncodedText StoppingAt = JsonEncodedText.Encode("stoppingAt");
    private static readonly JsonEncodedText Tags = JsonEncodedText.Encode("tags");
    private static readonly JsonEncodedText TaskArn = JsonEncodedText.Encode("taskArn");
    private static readonly JsonEncodedText TaskDefinitionArn = JsonEncodedText.Encode("taskDefinitionArn");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText EphemeralStorage = JsonEncodedText.Encode("ephemeralStorage");

    public static void Write(Utf8JsonWriter writer, TaskShape value)
    {
        writer.WriteStartObject();
        writer.Member(Attachments, value.Attachments, AttachmentShapeWriter.Write);
        writer.Member(AvailabilityZone, value.AvailabilityZone);
        writer.Member(CapacityProviderName, value.CapacityProviderName);
        writer.Member(ClusterArn, value.ClusterArn);
        writer.Member(Connectivity, value.Connectivity);
        writer.Member(ConnectivityAt, value.ConnectivityAt);
        writer.Member(Containers, value.Containers, ContainerShapeWriter.Write);
        writer.Member(Cpu, value.Cpu);
        writer.Member(CreatedAt, value.CreatedAt);
        writer.Member(DesiredStatus, value.DesiredStatus);
        writer.Member(EnableExecuteCommand, value.EnableExecuteCommand);
        writer.Member(ExecutionStoppedAt, value.ExecutionStoppedAt);
        writer.Member(Group, value.Group);
        writer.Member(HealthStatus, value.HealthStatus);
        writer.Member(LastStatus, value.LastStatus);
        writer.Member(LaunchType, value.LaunchType);
        writer.Member(Memory, value.Memory);
        writer.Member(Overrides, value.Overrides, TaskOverrideShapeWriter.Write);
        writer.Member(PlatformVersion, value.PlatformVersion);
        writer.Member(PlatformFamily, value.PlatformFamily);
        writer.Member(PullStartedAt, value.PullStartedAt);
        writer.Member(PullStoppedAt, value.PullStoppedAt);
        writer.Member(StartedAt, value.StartedAt);
        writer.Member(StartedBy, value.StartedBy);
        writer.Member(StopCode, value.StopCode);
        writer.Member(StoppedAt, value.StoppedAt);
        writer.Member(StoppedReason, value.StoppedReason);
        writer.Member(StoppingAt, value.StoppingAt);
        writer.Member(Tags, value.Tags, TagShapeWriter.Write);
        writer.Member(TaskArn, value.TaskArn);
        writer.Member(TaskDefinitionArn, value.TaskDefinitionArn);
        writer.Member(Version, value.Version);
        writer.Member(EphemeralStorage, value.EphemeralStorage, EphemeralStorageShapeWriter.Write);
        writer.WriteEndObject();
    }
}
