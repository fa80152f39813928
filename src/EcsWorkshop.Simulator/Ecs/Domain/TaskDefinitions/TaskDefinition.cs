using System.Collections.Immutable;
using System.Text.Json;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;

namespace EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

/// <summary>
/// One registered revision of a task definition family. Cpu and memory are kept as the normalised unit strings
/// ECS returns (<c>"256"</c>, <c>"512"</c>); <see cref="CpuUnits"/> and <see cref="MemoryMiB"/> read them as numbers.
/// </summary>
public sealed record TaskDefinition(
    string Arn,
    string Family,
    int Revision,
    TaskDefinitionStatus Status,
    ImmutableArray<ContainerDefinition> ContainerDefinitions,
    NetworkMode? NetworkMode,
    ImmutableArray<LaunchType> RequiresCompatibilities,
    ImmutableArray<LaunchType> Compatibilities,
    string? Cpu,
    string? Memory,
    string? TaskRoleArn,
    string? ExecutionRoleArn,
    RuntimePlatform? RuntimePlatform,
    int? EphemeralStorageGiB,
    string? PidMode,
    string? IpcMode,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? DeregisteredAt,
    ImmutableArray<Tag> Tags,
    ImmutableDictionary<string, JsonElement> Extra)
{
    /// <summary>The principal that registered it (<c>arn:aws:iam::ACCOUNT:root</c> in the simulator).</summary>
    public string? RegisteredBy { get; init; }

    /// <summary>When DeleteTaskDefinitions moved it to DELETE_IN_PROGRESS.</summary>
    public DateTimeOffset? DeleteRequestedAt { get; init; }

    /// <summary>Task-level CPU units, when set.</summary>
    public int? CpuUnits => int.TryParse(Cpu, out var units) ? units : null;

    /// <summary>Task-level memory in MiB, when set.</summary>
    public int? MemoryMiB => int.TryParse(Memory, out var mib) ? mib : null;

    /// <summary>The network mode in effect: <c>bridge</c> when none was given (Linux).</summary>
    public NetworkMode EffectiveNetworkMode => NetworkMode ?? TaskDefinitions.NetworkMode.Bridge;

    /// <summary><c>family:revision</c>.</summary>
    public string FamilyRevision => $"{Family}:{Revision}";
}

public enum TaskDefinitionStatus { Active, Inactive, DeleteInProgress }

public enum NetworkMode { Awsvpc, Bridge, Host, None }

public enum LaunchType { Ec2, Fargate, External }

public enum CpuArchitecture { X86_64, Arm64 }

/// <summary>The OS family and CPU architecture a task runs on.</summary>
public sealed record RuntimePlatform(string? OperatingSystemFamily, CpuArchitecture? CpuArchitecture)
{
    /// <summary>True for any of the Windows Server families.</summary>
    public bool IsWindows => OperatingSystemFamily?.StartsWith("WINDOWS", StringComparison.Ordinal) == true;
}

/// <summary>
/// A container in a task definition. The fields the simulator reasons about are typed; every other member the
/// user registered is kept in <see cref="Extra"/> and given back unchanged.
/// </summary>
public sealed record ContainerDefinition(
    string Name,
    string Image,
    int Cpu,
    int? Memory,
    int? MemoryReservation,
    bool Essential,
    ImmutableArray<PortMapping> PortMappings,
    ImmutableArray<string> Command,
    ImmutableArray<string> EntryPoint,
    ImmutableArray<KeyValue> Environment,
    ImmutableArray<Secret> Secrets,
    LogConfiguration? LogConfiguration,
    HealthCheck? HealthCheck,
    string? Hostname,
    bool? Privileged,
    ImmutableDictionary<string, JsonElement> Extra);

/// <summary>A port mapping; <see cref="HostPort"/> 0 means dynamic (bridge).</summary>
public sealed record PortMapping(int ContainerPort, int? HostPort, string Protocol, string? Name, string? AppProtocol);

/// <summary>A name/value pair (environment variables, settings).</summary>
public sealed record KeyValue(string Name, string Value);

/// <summary>A secret injected from Secrets Manager or Parameter Store.</summary>
public sealed record Secret(string Name, string ValueFrom);

/// <summary>The container's log driver and its options (for example <c>awslogs</c>).</summary>
public sealed record LogConfiguration(string LogDriver, ImmutableDictionary<string, string> Options)
{
    /// <summary>Other members the user gave (for example <c>secretOptions</c>), given back unchanged.</summary>
    public ImmutableDictionary<string, JsonElement> Extra { get; init; } = ImmutableDictionary<string, JsonElement>.Empty;
}

/// <summary>A container health check command.</summary>
public sealed record HealthCheck(ImmutableArray<string> Command, int Interval, int Timeout, int Retries, int StartPeriod);

/// <summary>Per-family bookkeeping: revisions are never reused, even after a revision is deleted.</summary>
public sealed record TaskDefinitionFamily(string Key, string Name, int LastRevision);
