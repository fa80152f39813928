using System.Collections.Immutable;
using EcsWorkshop.Facts.Arns;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>
/// A task: one run of a task definition, moving through the ECS lifecycle on the simulation clock.
/// <see cref="NextTransitionAt"/> is when the lifecycle acts on it next: the next status, a health check result or a
/// simulated exit while it runs, or (once STOPPED) its removal after the retention period. It is null while the
/// task simply runs with nothing scheduled.
/// </summary>
public sealed record EcsTask(
    string Arn,
    string Id,
    string ClusterArn,
    string TaskDefinitionArn,
    string Group,
    string? StartedBy,
    string? ServiceArn,
    LaunchType LaunchType,
    string? PlatformVersion,
    string? PlatformFamily,
    string? Cpu,
    string? Memory,
    EcsTaskStatus LastStatus,
    EcsTaskStatus DesiredStatus,
    ImmutableArray<TaskContainer> Containers,
    NetworkInterfaceAttachment? NetworkInterface,
    string AvailabilityZone,
    bool EnableExecuteCommand,
    ImmutableArray<Tag> Tags,
    TaskOverrides Overrides,
    SimulatedExit? SimulatedExit,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PullStartedAt,
    DateTimeOffset? PullStoppedAt,
    DateTimeOffset? ConnectivityAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppingAt,
    DateTimeOffset? ExecutionStoppedAt,
    DateTimeOffset? StoppedAt,
    StopCode? StopCode,
    string? StoppedReason,
    DateTimeOffset? NextTransitionAt,
    long Version,
    string? CapacityProviderName = null,
    int? EphemeralStorageGiB = null,
    DateTimeOffset? SpotInterruptionAt = null,
    string? NetworkInterfaceFailure = null)
{
    /// <summary>True until the task has stopped.</summary>
    public bool IsAlive => LastStatus != EcsTaskStatus.Stopped;

    /// <summary>
    /// The task's health, from its essential containers that have a health check: UNHEALTHY if any is unhealthy,
    /// HEALTHY once all are healthy, otherwise (or without any health check) UNKNOWN.
    /// </summary>
    public string HealthStatus
    {
        get
        {
            var checkedContainers = Containers.Where(c => c.Essential && c.HealthCheck is not null).ToList();
            if (checkedContainers.Any(c => c.HealthStatus == ContainerHealth.Unhealthy)) return ContainerHealth.Unhealthy;
            return checkedContainers.Count > 0 && checkedContainers.All(c => c.HealthStatus == ContainerHealth.Healthy)
                ? ContainerHealth.Healthy
                : ContainerHealth.Unknown;
        }
    }

    /// <summary>The task definition family, read from <see cref="TaskDefinitionArn"/> (<c>task-definition/FAMILY:REV</c>).</summary>
    public string Family => TaskDefinitionReference.Parse(TaskDefinitionArn).Family;
}

/// <summary>The health statuses ECS reports for containers and tasks.</summary>
public static class ContainerHealth
{
    public const string Healthy = "HEALTHY";
    public const string Unhealthy = "UNHEALTHY";
    public const string Unknown = "UNKNOWN";
}

/// <summary>The task lifecycle, in order. A task only ever moves forward.</summary>
public enum EcsTaskStatus
{
    Provisioning,
    Pending,
    Activating,
    Running,
    Deactivating,
    Stopping,
    Deprovisioning,
    Stopped,
}

/// <summary>Why a task stopped.</summary>
public enum StopCode
{
    TaskFailedToStart,
    EssentialContainerExited,
    UserInitiated,
    ServiceSchedulerInitiated,
    SpotInterruption,
    TerminationNotice,
}

/// <summary>
/// A container of a task. <see cref="Readiness"/> is what the environment said when the task was launched (the
/// digest the pull will find, or why it cannot start); the lifecycle acts on it when the pull finishes.
/// </summary>
public sealed record TaskContainer(
    string ContainerArn,
    string Name,
    string Image,
    string? ImageDigest,
    string? RuntimeId,
    EcsTaskStatus LastStatus,
    int? ExitCode,
    string? Reason,
    string HealthStatus,
    string? Cpu,
    string? Memory,
    string? MemoryReservation,
    bool Essential,
    ImmutableArray<PortMapping> PortMappings,
    bool ExecuteCommandAgent,
    HealthCheck? HealthCheck = null,
    ContainerReadiness? Readiness = null);

/// <summary>The elastic network interface of an awsvpc task.</summary>
public sealed record NetworkInterfaceAttachment(
    string AttachmentId,
    string Status,
    string SubnetId,
    string NetworkInterfaceId,
    string MacAddress,
    string PrivateDnsName,
    string PrivateIpv4Address);

/// <summary>What RunTask asked to change for this task.</summary>
public sealed record TaskOverrides(ImmutableArray<ContainerOverride> ContainerOverrides, string? Cpu, string? Memory, string? TaskRoleArn, string? ExecutionRoleArn)
{
    public static TaskOverrides None { get; } = new([], null, null, null, null);
}

/// <summary>Per-container overrides from RunTask.</summary>
public sealed record ContainerOverride(string Name, ImmutableArray<string>? Command, ImmutableArray<KeyValue> Environment, int? Cpu, int? Memory, int? MemoryReservation);

/// <summary>
/// A fault a lesson injects: the container <see cref="ContainerName"/> exits with <see cref="ExitCode"/> after it has
/// run for <see cref="After"/> (real time; scaled by the simulation speed). Zero means it exits while starting, and the
/// task never reaches RUNNING. If the container is essential the whole task stops (EssentialContainerExited);
/// otherwise only that container stops. See <see cref="TaskLauncher"/> for how a lesson asks for it.
/// </summary>
public sealed record SimulatedExit(string ContainerName, int ExitCode, TimeSpan After)
{
    /// <summary>What the container prints before it exits (from <see cref="SimulatedCommand"/>), each line with when.</summary>
    public IReadOnlyList<SimulatedLine>? Output { get; init; }
}

/// <summary>A line a simulated container prints, <see cref="After"/> (real time) after it started.</summary>
public sealed record SimulatedLine(TimeSpan After, string Text);
