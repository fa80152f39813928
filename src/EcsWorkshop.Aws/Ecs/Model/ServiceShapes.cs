using System.Text.Json.Serialization;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Ecs.Model;

/// <summary>Stops a failing deployment (and rolls back when asked).</summary>
public sealed record DeploymentCircuitBreaker(bool Enable, bool Rollback);

/// <summary>How a rolling update may go: tasks kept running and extra tasks allowed, in percent of the desired count.</summary>
public sealed record DeploymentConfiguration
{
    public DeploymentCircuitBreaker? DeploymentCircuitBreaker { get; init; }
    public int? MaximumPercent { get; init; }
    public int? MinimumHealthyPercent { get; init; }
}

/// <summary>Who deploys: <c>ECS</c> (rolling update), <c>CODE_DEPLOY</c> or <c>EXTERNAL</c>.</summary>
public sealed record DeploymentController(string Type);

/// <summary>A load balancer target group a service registers its tasks in.</summary>
public sealed record LoadBalancer
{
    public string? TargetGroupArn { get; init; }
    public string? LoadBalancerName { get; init; }
    public string? ContainerName { get; init; }
    public int? ContainerPort { get; init; }
}

/// <summary>One deployment of a service (<c>PRIMARY</c> is the newest).</summary>
public sealed record Deployment
{
    public string? Id { get; init; }
    public string? Status { get; init; }
    public string? TaskDefinition { get; init; }
    public int? DesiredCount { get; init; }
    public int? PendingCount { get; init; }
    public int? RunningCount { get; init; }
    public int? FailedTasks { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? CreatedAt { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? UpdatedAt { get; init; }
    public string? LaunchType { get; init; }
    public string? PlatformVersion { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }
    /// <summary><c>IN_PROGRESS</c>, <c>COMPLETED</c> or <c>FAILED</c>.</summary>
    public string? RolloutState { get; init; }
    public string? RolloutStateReason { get; init; }
}

/// <summary>A line of the service's event log (newest first).</summary>
public sealed record ServiceEvent
{
    public string? Id { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? CreatedAt { get; init; }
    public string? Message { get; init; }
}

/// <summary>An ECS service.</summary>
public sealed record Service
{
    public string? ServiceArn { get; init; }
    public string? ServiceName { get; init; }
    public string? ClusterArn { get; init; }
    public IReadOnlyList<LoadBalancer>? LoadBalancers { get; init; }
    /// <summary><c>ACTIVE</c>, <c>DRAINING</c> or <c>INACTIVE</c>.</summary>
    public string? Status { get; init; }
    public int? DesiredCount { get; init; }
    public int? RunningCount { get; init; }
    public int? PendingCount { get; init; }
    public string? LaunchType { get; init; }
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }
    public string? PlatformVersion { get; init; }
    public string? PlatformFamily { get; init; }
    public string? TaskDefinition { get; init; }
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }
    public IReadOnlyList<Deployment>? Deployments { get; init; }
    public string? RoleArn { get; init; }
    public IReadOnlyList<ServiceEvent>? Events { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? CreatedAt { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    public string? SchedulingStrategy { get; init; }
    public DeploymentController? DeploymentController { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public string? CreatedBy { get; init; }
    public bool? EnableECSManagedTags { get; init; }
    public string? PropagateTags { get; init; }
    public bool? EnableExecuteCommand { get; init; }
}

public sealed record CreateServiceRequest
{
    public required string ServiceName { get; init; }
    public string? Cluster { get; init; }
    public string? TaskDefinition { get; init; }
    public IReadOnlyList<LoadBalancer>? LoadBalancers { get; init; }
    public int? DesiredCount { get; init; }
    public string? ClientToken { get; init; }
    public string? LaunchType { get; init; }
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }
    public string? PlatformVersion { get; init; }
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    /// <summary><c>REPLICA</c> (the default) or <c>DAEMON</c>.</summary>
    public string? SchedulingStrategy { get; init; }
    public DeploymentController? DeploymentController { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public bool? EnableECSManagedTags { get; init; }
    public string? PropagateTags { get; init; }
    public bool? EnableExecuteCommand { get; init; }
}

public sealed record CreateServiceResponse
{
    public Service? Service { get; init; }
}

public sealed record DescribeServicesRequest
{
    /// <summary>Names or ARNs, up to 10.</summary>
    public required IReadOnlyList<string> Services { get; init; }
    public string? Cluster { get; init; }
    public IReadOnlyList<string>? Include { get; init; }
}

public sealed record DescribeServicesResponse
{
    public IReadOnlyList<Service>? Services { get; init; }
    public IReadOnlyList<Failure>? Failures { get; init; }
}

public sealed record ListServicesRequest
{
    public string? Cluster { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
    public string? LaunchType { get; init; }
    public string? SchedulingStrategy { get; init; }
}

public sealed record ListServicesResponse
{
    public IReadOnlyList<string>? ServiceArns { get; init; }
    public string? NextToken { get; init; }
}

public sealed record UpdateServiceRequest
{
    public required string Service { get; init; }
    public string? Cluster { get; init; }
    public int? DesiredCount { get; init; }
    public string? TaskDefinition { get; init; }
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }
    public string? PlatformVersion { get; init; }
    public bool? ForceNewDeployment { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    public bool? EnableExecuteCommand { get; init; }
    public IReadOnlyList<LoadBalancer>? LoadBalancers { get; init; }
    public string? PropagateTags { get; init; }
}

public sealed record UpdateServiceResponse
{
    public Service? Service { get; init; }
}

public sealed record DeleteServiceRequest
{
    public required string Service { get; init; }
    public string? Cluster { get; init; }
    /// <summary>Delete even when the desired count is above 0.</summary>
    public bool? Force { get; init; }
}

public sealed record DeleteServiceResponse
{
    public Service? Service { get; init; }
}
