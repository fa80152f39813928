using System.Collections.Immutable;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>
/// A task: one run of a task definition, moving through the ECS lifecycle on the simulation clock.
/// <see cref="NextTransitionAt"/> is when the lifecycle moves it on next (null once STOPPED, or while it simply runs).
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
    long Version)
{
    /// <summary>True until the task has stopped.</summary>
    public bool IsAlive => LastStatus != EcsTaskStatus.Stopped;

    /// <summary>True while the task has not yet reached RUNNING and is not being stopped.</summary>
    public bool IsStarting => LastStatus < EcsTaskStatus.Running && DesiredStatus == EcsTaskStatus.Running;
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

/// <summary>A container of a running task.</summary>
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
    bool ExecuteCommandAgent);

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
/// A fault a lesson injects: the essential container exits with <see cref="ExitCode"/> after it has run for
/// <see cref="After"/> (zero: it exits while starting, and the task never reaches RUNNING).
/// </summary>
public sealed record SimulatedExit(string ContainerName, int ExitCode, TimeSpan After);
