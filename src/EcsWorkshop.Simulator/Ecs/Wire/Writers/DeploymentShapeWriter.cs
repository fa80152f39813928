using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="DeploymentShape"/>: one deployment of a service. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class DeploymentShapeWriter
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText TaskDefinition = JsonEncodedText.Encode("taskDefinition");
    private static readonly JsonEncodedText DesiredCount = JsonEncodedText.Encode("desiredCount");
    private static readonly JsonEncodedText PendingCount = JsonEncodedText.Encode("pendingCount");
    private static readonly JsonEncodedText RunningCount = JsonEncodedText.Encode("runningCount");
    private static readonly JsonEncodedText FailedTasks = JsonEncodedText.Encode("failedTasks");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
    private static readonly JsonEncodedText UpdatedAt = JsonEncodedText.Encode("updatedAt");
    private static readonly JsonEncodedText CapacityProviderStrategy = JsonEncodedText.Encode("capacityProviderStrategy");
    private static readonly JsonEncodedText LaunchType = JsonEncodedText.Encode("launchType");
    private static readonly JsonEncodedText PlatformVersion = JsonEncodedText.Encode("platformVersion");
    private static readonly JsonEncodedText PlatformFamily = JsonEncodedText.Encode("platformFamily");
    private static readonly JsonEncodedText NetworkConfiguration = JsonEncodedText.Encode("networkConfiguration");
    private static readonly JsonEncodedText RolloutState = JsonEncodedText.Encode("rolloutState");
    private static readonly JsonEncodedText RolloutStateReason = JsonEncodedText.Encode("rolloutStateReason");

    public static void Write(Utf8JsonWriter writer, DeploymentShape value)
    {
        writer.WriteStartObject();
        writer.Member(Id, value.Id);
        writer.Member(Status, value.Status);
        writer.Member(TaskDefinition, value.TaskDefinition);
        writer.Member(DesiredCount, value.DesiredCount);
        writer.Member(PendingCount, value.PendingCount);
        writer.Member(RunningCount, value.RunningCount);
        writer.Member(FailedTasks, value.FailedTasks);
        writer.Member(CreatedAt, value.CreatedAt);
        writer.Member(UpdatedAt, value.UpdatedAt);
        writer.Member(CapacityProviderStrategy, value.CapacityProviderStrategy, CapacityProviderStrategyItemShapeWriter.Write);
        writer.Member(LaunchType, value.LaunchType);
        writer.Member(PlatformVersion, value.PlatformVersion);
        writer.Member(PlatformFamily, value.PlatformFamily);
        writer.Member(NetworkConfiguration, value.NetworkConfiguration, NetworkConfigurationShapeWriter.Write);
        writer.Member(RolloutState, value.RolloutState);
        writer.Member(RolloutStateReason, value.RolloutStateReason);
        writer.WriteEndObject();
    }
}
