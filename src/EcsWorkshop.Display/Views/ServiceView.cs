using System.Collections.Immutable;

namespace EcsWorkshop.Display.Views;

/// <summary>A service as a step shows it (from <c>CreateService</c>, <c>UpdateService</c> or <c>DescribeServices</c>).</summary>
public sealed record ServiceView
{
    /// <summary>The service name.</summary>
    public required string Name { get; init; }

    /// <summary>The service ARN, when known.</summary>
    public string? Arn { get; init; }

    /// <summary>The cluster's name (or ARN), when known.</summary>
    public string? Cluster { get; init; }

    /// <summary><c>ACTIVE</c>, <c>DRAINING</c> or <c>INACTIVE</c>.</summary>
    public required string Status { get; init; }

    /// <summary>How many tasks the service should keep running.</summary>
    public int DesiredCount { get; init; }

    /// <summary>Tasks in the RUNNING state.</summary>
    public int RunningCount { get; init; }

    /// <summary>Tasks started but not yet RUNNING.</summary>
    public int PendingCount { get; init; }

    /// <summary>The task definition (ARN or <c>family:revision</c>) of the primary deployment.</summary>
    public string? TaskDefinition { get; init; }

    /// <summary><c>FARGATE</c>, <c>EC2</c> or <c>EXTERNAL</c>, when set.</summary>
    public string? LaunchType { get; init; }

    /// <summary>Whether ECS Exec (<c>aws ecs execute-command</c>) is turned on for the service's tasks.</summary>
    public bool EnableExecuteCommand { get; init; }

    /// <summary>When the service was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>How deployments proceed (minimumHealthyPercent, maximumPercent, circuit breaker), when known.</summary>
    public ServiceDeploymentSettingsView? DeploymentConfiguration { get; init; }

    /// <summary>The deployments, newest (PRIMARY) first.</summary>
    public ImmutableArray<DeploymentView> Deployments { get; init; } = [];

    /// <summary>The latest service events, newest first.</summary>
    public ImmutableArray<ServiceEventView> Events { get; init; } = [];
}

/// <summary>A service's deployment configuration.</summary>
/// <param name="MinimumHealthyPercent">minimumHealthyPercent.</param>
/// <param name="MaximumPercent">maximumPercent.</param>
/// <param name="CircuitBreaker">deploymentCircuitBreaker.enable.</param>
/// <param name="Rollback">deploymentCircuitBreaker.rollback.</param>
public sealed record ServiceDeploymentSettingsView(int? MinimumHealthyPercent, int? MaximumPercent, bool CircuitBreaker, bool Rollback);

/// <summary>One deployment of a service.</summary>
public sealed record DeploymentView
{
    /// <summary>The deployment id (<c>ecs-svc/…</c>).</summary>
    public required string Id { get; init; }

    /// <summary><c>PRIMARY</c>, <c>ACTIVE</c> or <c>INACTIVE</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The task definition (ARN or <c>family:revision</c>) this deployment runs.</summary>
    public required string TaskDefinition { get; init; }

    public int DesiredCount { get; init; }
    public int RunningCount { get; init; }
    public int PendingCount { get; init; }

    /// <summary>Tasks of this deployment that failed to start (counted by the circuit breaker).</summary>
    public int FailedTasks { get; init; }

    /// <summary><c>IN_PROGRESS</c>, <c>COMPLETED</c> or <c>FAILED</c>.</summary>
    public string? RolloutState { get; init; }

    /// <summary>Why the rollout is in its state (<c>ECS deployment ecs-svc/… completed.</c>).</summary>
    public string? RolloutStateReason { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>A service event message.</summary>
public sealed record ServiceEventView(DateTimeOffset CreatedAt, string Message);
