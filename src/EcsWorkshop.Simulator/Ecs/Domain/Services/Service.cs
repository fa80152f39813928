using System.Collections.Immutable;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Ecs.Domain.Services;

/// <summary>
/// A service: keeps <see cref="DesiredCount"/> copies of its task definition running, through deployments.
/// Running and pending counts are derived from the tasks, never stored.
/// </summary>
public sealed record Service(
    string Arn,
    string Name,
    string ClusterArn,
    ServiceStatus Status,
    int DesiredCount,
    string TaskDefinitionArn,
    LaunchType? LaunchType,
    ImmutableArray<CapacityProviderStrategyItem> CapacityProviderStrategy,
    string? PlatformVersion,
    string? PlatformFamily,
    NetworkConfiguration? NetworkConfiguration,
    DeploymentConfiguration DeploymentConfiguration,
    string DeploymentController,
    string SchedulingStrategy,
    bool EnableExecuteCommand,
    bool EnableEcsManagedTags,
    string? PropagateTags,
    int? HealthCheckGracePeriodSeconds,
    string? ClientToken,
    ImmutableArray<Deployment> Deployments,
    ImmutableArray<ServiceEvent> Events,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeletedAt,
    ImmutableArray<Tag> Tags,
    Deployment? LastCompletedDeployment = null,
    string? RequestFingerprint = null,
    ImmutableArray<ServiceLoadBalancer>? LoadBalancers = null)
{
    /// <summary>The service's load balancers (none for a service stored before they existed).</summary>
    public ImmutableArray<ServiceLoadBalancer> TargetGroups() => LoadBalancers is { IsDefault: false } balancers ? balancers : [];

    /// <summary>The deployment new tasks are started for.</summary>
    public Deployment Primary => Deployments.First(d => d.Status == DeploymentStatus.Primary);

    /// <summary>True for the daemon scheduling strategy (one task per container instance; none here).</summary>
    public bool IsDaemon => SchedulingStrategy == SchedulingStrategies.Daemon;
}

/// <summary>The scheduling strategies, as ECS names them.</summary>
public static class SchedulingStrategies
{
    public const string Replica = "REPLICA";
    public const string Daemon = "DAEMON";
}

public enum ServiceStatus { Active, Draining, Inactive }

/// <summary>Where awsvpc tasks get their network interface.</summary>
public sealed record NetworkConfiguration(ImmutableArray<string> Subnets, ImmutableArray<string> SecurityGroups, bool AssignPublicIp);

/// <summary>How a rolling update may proceed, and the circuit breaker.</summary>
public sealed record DeploymentConfiguration(int MaximumPercent, int MinimumHealthyPercent, bool CircuitBreakerEnabled, bool CircuitBreakerRollback)
{
    /// <summary>ECS's defaults for a replica service: 200 % / 100 %, no circuit breaker.</summary>
    public static DeploymentConfiguration Default { get; } = new(200, 100, false, false);
}

/// <summary>One deployment of a service: a task definition and the tasks started for it.</summary>
public sealed record Deployment(
    string Id,
    DeploymentStatus Status,
    string TaskDefinitionArn,
    int DesiredCount,
    int FailedTasks,
    LaunchType? LaunchType,
    string? PlatformVersion,
    NetworkConfiguration? NetworkConfiguration,
    RolloutState RolloutState,
    string RolloutStateReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    LaunchRecord? Launches = null,
    ImmutableArray<CapacityProviderStrategyItem>? CapacityProviderStrategy = null)
{
    /// <summary>
    /// The capacity provider strategy the deployment places its tasks with: its own, or (for a deployment stored
    /// before deployments kept one) the service's.
    /// </summary>
    public ImmutableArray<CapacityProviderStrategyItem> StrategyOf(Service service) =>
        CapacityProviderStrategy is { IsDefault: false } own ? own
        : service.CapacityProviderStrategy.IsDefault ? [] : service.CapacityProviderStrategy;

    /// <summary>What the scheduler has learned from the deployment's launches (nothing yet when absent).</summary>
    public LaunchRecord LaunchHistory => Launches ?? LaunchRecord.None;

    /// <summary>The launch type its tasks run with: a capacity provider strategy means Fargate here.</summary>
    public LaunchType EffectiveLaunchType => LaunchType ?? TaskDefinitions.LaunchType.Fargate;
}

/// <summary>
/// What the scheduler has learned from a deployment's launches, so that each task counts once: whether any of its
/// tasks reached RUNNING, the current run of start failures (for the launch throttle), when it may launch again,
/// and which stopped tasks were already counted (forgotten once the task itself is gone).
/// </summary>
public sealed record LaunchRecord(bool TaskReachedRunning, int ConsecutiveFailures, DateTimeOffset? NextLaunchAt, ImmutableArray<string> CountedFailures)
{
    /// <summary>A deployment that has launched nothing yet.</summary>
    public static LaunchRecord None { get; } = new(false, 0, null, []);
}

public enum DeploymentStatus { Primary, Active, Inactive }

public enum RolloutState { InProgress, Completed, Failed }

/// <summary>A service event message, as <c>describe-services</c> shows them (newest first).</summary>
public sealed record ServiceEvent(string Id, DateTimeOffset CreatedAt, string Message);
