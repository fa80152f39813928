using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="ServiceShape"/>: a service as DescribeServices, CreateService, UpdateService and DeleteService answer it. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class ServiceShapeWriter
{
    private static readonly JsonEncodedText ServiceArn = JsonEncodedText.Encode("serviceArn");
    private static readonly JsonEncodedText ServiceName = JsonEncodedText.Encode("serviceName");
    private static readonly JsonEncodedText ClusterArn = JsonEncodedText.Encode("clusterArn");
    private static readonly JsonEncodedText LoadBalancers = JsonEncodedText.Encode("loadBalancers");
    private static readonly JsonEncodedText ServiceRegistries = JsonEncodedText.Encode("serviceRegistries");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText DesiredCount = JsonEncodedText.Encode("desiredCount");
    private static readonly JsonEncodedText RunningCount = JsonEncodedText.Encode("runningCount");
    private static readonly JsonEncodedText PendingCount = JsonEncodedText.Encode("pendingCount");
    private static readonly JsonEncodedText LaunchType = JsonEncodedText.Encode("launchType");
    private static readonly JsonEncodedText CapacityProviderStrategy = JsonEncodedText.Encode("capacityProviderStrategy");
    private static readonly JsonEncodedText PlatformVersion = JsonEncodedText.Encode("platformVersion");
    private static readonly JsonEncodedText PlatformFamily = JsonEncodedText.Encode("platformFamily");
    private static readonly JsonEncodedText TaskDefinition = JsonEncodedText.Encode("taskDefinition");
    private static readonly JsonEncodedText DeploymentConfiguration = JsonEncodedText.Encode("deploymentConfiguration");
    private static readonly JsonEncodedText Deployments = JsonEncodedText.Encode("deployments");
    private static readonly JsonEncodedText RoleArn = JsonEncodedText.Encode("roleArn");
    private static readonly JsonEncodedText Events = JsonEncodedText.Encode("events");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
    private static readonly JsonEncodedText PlacementConstraints = JsonEncodedText.Encode("placementConstraints");
    private static readonly JsonEncodedText PlacementStrategy = JsonEncodedText.Encode("placementStrategy");
    private static readonly JsonEncodedText NetworkConfiguration = JsonEncodedText.Encode("networkConfiguration");
    private static readonly JsonEncodedText HealthCheckGracePeriodSeconds = JsonEncodedText.Encode("healthCheckGracePeriodSeconds");
    private static readonly JsonEncodedText SchedulingStrategy = JsonEncodedText.Encode("schedulingStrategy");
    private static readonly JsonEncodedText DeploymentController = JsonEncodedText.Encode("deploymentController");
    private static readonly JsonEncodedText Tags = JsonEncodedText.Encode("tags");
    private static readonly JsonEncodedText CreatedBy = JsonEncodedText.Encode("createdBy");
    private static readonly JsonEncodedText EnableECSManagedTags = JsonEncodedText.Encode("enableECSManagedTags");
    private static readonly JsonEncodedText PropagateTags = JsonEncodedText.Encode("propagateTags");
    private static readonly JsonEncodedText EnableExecuteCommand = JsonEncodedText.Encode("enableExecuteCommand");

    public static void Write(Utf8JsonWriter writer, ServiceShape value)
    {
        writer.WriteStartObject();
        writer.Member(ServiceArn, value.ServiceArn);
        writer.Member(ServiceName, value.ServiceName);
        writer.Member(ClusterArn, value.ClusterArn);
        writer.Member(LoadBalancers, value.LoadBalancers, LoadBalancerShapeWriter.Write);
        writer.Member(ServiceRegistries, value.ServiceRegistries, AwsJson.Options);
        writer.Member(Status, value.Status);
        writer.Member(DesiredCount, value.DesiredCount);
        writer.Member(RunningCount, value.RunningCount);
        writer.Member(PendingCount, value.PendingCount);
        writer.Member(LaunchType, value.LaunchType);
        writer.Member(CapacityProviderStrategy, value.CapacityProviderStrategy, CapacityProviderStrategyItemShapeWriter.Write);
        writer.Member(PlatformVersion, value.PlatformVersion);
        writer.Member(PlatformFamily, value.PlatformFamily);
        writer.Member(TaskDefinition, value.TaskDefinition);
        writer.Member(DeploymentConfiguration, value.DeploymentConfiguration, DeploymentConfigurationShapeWriter.Write);
        writer.Member(Deployments, value.Deployments, DeploymentShapeWriter.Write);
        writer.Member(RoleArn, value.RoleArn);
        writer.Member(Events, value.Events, ServiceEventShapeWriter.Write);
        writer.Member(CreatedAt, value.CreatedAt);
        writer.Member(PlacementConstraints, value.PlacementConstraints, AwsJson.Options);
        writer.Member(PlacementStrategy, value.PlacementStrategy, AwsJson.Options);
        writer.Member(NetworkConfiguration, value.NetworkConfiguration, NetworkConfigurationShapeWriter.Write);
        writer.Member(HealthCheckGracePeriodSeconds, value.HealthCheckGracePeriodSeconds);
        writer.Member(SchedulingStrategy, value.SchedulingStrategy);
        writer.Member(DeploymentController, value.DeploymentController, DeploymentControllerShapeWriter.Write);
        writer.Member(Tags, value.Tags, TagShapeWriter.Write);
        writer.Member(CreatedBy, value.CreatedBy);
        writer.Member(EnableECSManagedTags, value.EnableECSManagedTags);
        writer.Member(PropagateTags, value.PropagateTags);
        writer.Member(EnableExecuteCommand, value.EnableExecuteCommand);
        writer.WriteEndObject();
    }
}
