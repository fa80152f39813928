using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed class ServiceShape
{
    public string? ServiceArn { get; set; }
    public string? ServiceName { get; set; }
    public string? ClusterArn { get; set; }
    public List<LoadBalancerShape> LoadBalancers { get; set; } = [];
    public List<object> ServiceRegistries { get; set; } = [];
    public string? Status { get; set; }
    public int DesiredCount { get; set; }
    public int RunningCount { get; set; }
    public int PendingCount { get; set; }
    public string? LaunchType { get; set; }
    public List<CapacityProviderStrategyItemShape>? CapacityProviderStrategy { get; set; }
    public string? PlatformVersion { get; set; }
    public string? PlatformFamily { get; set; }
    public string? TaskDefinition { get; set; }
    public DeploymentConfigurationShape? DeploymentConfiguration { get; set; }
    public List<DeploymentShape> Deployments { get; set; } = [];
    public string? RoleArn { get; set; }
    public List<ServiceEventShape> Events { get; set; } = [];
    public DateTimeOffset? CreatedAt { get; set; }
    public List<object> PlacementConstraints { get; set; } = [];
    public List<object> PlacementStrategy { get; set; } = [];
    public NetworkConfigurationShape? NetworkConfiguration { get; set; }
    public int? HealthCheckGracePeriodSeconds { get; set; }
    public string? SchedulingStrategy { get; set; }
    public DeploymentControllerShape? DeploymentController { get; set; }
    public List<TagShape>? Tags { get; set; }
    public string? CreatedBy { get; set; }

    [JsonPropertyName("enableECSManagedTags")]
    public bool EnableECSManagedTags { get; set; }

    public string? PropagateTags { get; set; }
    public bool EnableExecuteCommand { get; set; }
}

public sealed class DeploymentShape
{
    public string? Id { get; set; }
    public string? Status { get; set; }
    public string? TaskDefinition { get; set; }
    public int DesiredCount { get; set; }
    public int PendingCount { get; set; }
    public int RunningCount { get; set; }
    public int FailedTasks { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public List<CapacityProviderStrategyItemShape>? CapacityProviderStrategy { get; set; }
    public string? LaunchType { get; set; }
    public string? PlatformVersion { get; set; }
    public string? PlatformFamily { get; set; }
    public NetworkConfigurationShape? NetworkConfiguration { get; set; }
    public string? RolloutState { get; set; }
    public string? RolloutStateReason { get; set; }
}

public sealed class ServiceEventShape
{
    public string? Id { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? Message { get; set; }
}

public sealed class DeploymentConfigurationShape
{
    public DeploymentCircuitBreakerShape? DeploymentCircuitBreaker { get; set; }
    public int? MaximumPercent { get; set; }
    public int? MinimumHealthyPercent { get; set; }
}

public sealed class DeploymentCircuitBreakerShape
{
    public bool? Enable { get; set; }
    public bool? Rollback { get; set; }
}

public sealed class DeploymentControllerShape
{
    public string? Type { get; set; }
}

public sealed class CreateServiceRequest
{
    public string? Cluster { get; set; }
    public string? ServiceName { get; set; }
    public string? TaskDefinition { get; set; }
    public List<JsonElement>? LoadBalancers { get; set; }
    public List<JsonElement>? ServiceRegistries { get; set; }
    public int? DesiredCount { get; set; }
    public string? ClientToken { get; set; }
    public string? LaunchType { get; set; }
    public List<CapacityProviderStrategyItemShape>? CapacityProviderStrategy { get; set; }
    public string? PlatformVersion { get; set; }
    public string? Role { get; set; }
    public DeploymentConfigurationShape? DeploymentConfiguration { get; set; }
    public List<JsonElement>? PlacementConstraints { get; set; }
    public List<JsonElement>? PlacementStrategy { get; set; }
    public NetworkConfigurationShape? NetworkConfiguration { get; set; }
    public int? HealthCheckGracePeriodSeconds { get; set; }
    public string? SchedulingStrategy { get; set; }
    public DeploymentControllerShape? DeploymentController { get; set; }
    public List<TagShape>? Tags { get; set; }

    [JsonPropertyName("enableECSManagedTags")]
    public bool? EnableECSManagedTags { get; set; }

    public string? PropagateTags { get; set; }
    public bool? EnableExecuteCommand { get; set; }
    public JsonElement? ServiceConnectConfiguration { get; set; }
    public List<JsonElement>? VolumeConfigurations { get; set; }
}

public sealed class CreateServiceResponse
{
    public ServiceShape? Service { get; set; }
}

public sealed class UpdateServiceRequest
{
    public string? Cluster { get; set; }
    public string? Service { get; set; }
    public int? DesiredCount { get; set; }
    public string? TaskDefinition { get; set; }
    public List<CapacityProviderStrategyItemShape>? CapacityProviderStrategy { get; set; }
    public DeploymentConfigurationShape? DeploymentConfiguration { get; set; }
    public NetworkConfigurationShape? NetworkConfiguration { get; set; }
    public List<JsonElement>? PlacementConstraints { get; set; }
    public List<JsonElement>? PlacementStrategy { get; set; }
    public string? PlatformVersion { get; set; }
    public bool? ForceNewDeployment { get; set; }
    public int? HealthCheckGracePeriodSeconds { get; set; }
    public bool? EnableExecuteCommand { get; set; }

    [JsonPropertyName("enableECSManagedTags")]
    public bool? EnableECSManagedTags { get; set; }

    public List<JsonElement>? LoadBalancers { get; set; }
    public string? PropagateTags { get; set; }
    public List<JsonElement>? ServiceRegistries { get; set; }
    public JsonElement? ServiceConnectConfiguration { get; set; }
    public List<JsonElement>? VolumeConfigurations { get; set; }
}

public sealed class UpdateServiceResponse
{
    public ServiceShape? Service { get; set; }
}

public sealed class DeleteServiceRequest
{
    public string? Cluster { get; set; }
    public string? Service { get; set; }
    public bool? Force { get; set; }
}

public sealed class DeleteServiceResponse
{
    public ServiceShape? Service { get; set; }
}

public sealed class DescribeServicesRequest
{
    public string? Cluster { get; set; }
    public List<string>? Services { get; set; }
    public List<string>? Include { get; set; }
}

public sealed class DescribeServicesResponse
{
    public List<ServiceShape> Services { get; set; } = [];
    public List<FailureShape> Failures { get; set; } = [];
}

public sealed class ListServicesRequest
{
    public string? Cluster { get; set; }
    public string? NextToken { get; set; }
    public int? MaxResults { get; set; }
    public string? LaunchType { get; set; }
    public string? SchedulingStrategy { get; set; }
}

public sealed class ListServicesResponse
{
    public List<string> ServiceArns { get; set; } = [];
    public string? NextToken { get; set; }
}

/// <summary>A service's load balancer (Application Load Balancer form: a target group).</summary>
public sealed class LoadBalancerShape
{
    public string? TargetGroupArn { get; set; }

    public string? ContainerName { get; set; }

    public int? ContainerPort { get; set; }
}
