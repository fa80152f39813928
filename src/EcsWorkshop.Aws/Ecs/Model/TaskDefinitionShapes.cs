using System.Text.Json.Serialization;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Ecs.Model;

/// <summary>A port a container listens on (<c>protocol</c> <c>tcp</c>/<c>udp</c>; in awsvpc <c>hostPort</c> = <c>containerPort</c>).</summary>
public sealed record PortMapping
{
    public int? ContainerPort { get; init; }
    public int? HostPort { get; init; }
    public string? Protocol { get; init; }
    public string? Name { get; init; }
    public string? AppProtocol { get; init; }
}

/// <summary>A secret passed to a container as an environment variable, from Secrets Manager or SSM.</summary>
public sealed record Secret(string Name, string ValueFrom);

/// <summary>The container's log driver and its options (for <c>awslogs</c>: group, region, stream prefix).</summary>
public sealed record LogConfiguration
{
    public required string LogDriver { get; init; }
    public IReadOnlyDictionary<string, string>? Options { get; init; }
    public IReadOnlyList<Secret>? SecretOptions { get; init; }
}

/// <summary>A container health check (<c>command</c> like <c>["CMD-SHELL", "curl -f http://localhost/ || exit 1"]</c>; times in seconds).</summary>
public sealed record HealthCheck
{
    public required IReadOnlyList<string> Command { get; init; }
    public int? Interval { get; init; }
    public int? Timeout { get; init; }
    public int? Retries { get; init; }
    public int? StartPeriod { get; init; }
}

/// <summary>A container that must reach a condition (<c>START</c>, <c>COMPLETE</c>, <c>SUCCESS</c>, <c>HEALTHY</c>) first.</summary>
public sealed record ContainerDependency(string ContainerName, string Condition);

/// <summary>Linux-specific container settings.</summary>
public sealed record LinuxParameters
{
    public bool? InitProcessEnabled { get; init; }
    public int? SharedMemorySize { get; init; }
}

/// <summary>A volume mounted into a container.</summary>
public sealed record MountPoint
{
    public string? SourceVolume { get; init; }
    public string? ContainerPath { get; init; }
    public bool? ReadOnly { get; init; }
}

/// <summary>A resource limit (<c>nofile</c>…).</summary>
public sealed record Ulimit(string Name, int SoftLimit, int HardLimit);

/// <summary>One container of a task definition.</summary>
public sealed record ContainerDefinition
{
    public string? Name { get; init; }
    public string? Image { get; init; }
    public int? Cpu { get; init; }
    /// <summary>The hard memory limit in MiB.</summary>
    public int? Memory { get; init; }
    /// <summary>The soft memory limit in MiB.</summary>
    public int? MemoryReservation { get; init; }
    public IReadOnlyList<PortMapping>? PortMappings { get; init; }
    /// <summary>Whether the task stops when this container stops (ECS: true when omitted).</summary>
    public bool? Essential { get; init; }
    public IReadOnlyList<string>? EntryPoint { get; init; }
    public IReadOnlyList<string>? Command { get; init; }
    public IReadOnlyList<NameValuePair>? Environment { get; init; }
    public IReadOnlyList<Secret>? Secrets { get; init; }
    public IReadOnlyList<MountPoint>? MountPoints { get; init; }
    public LogConfiguration? LogConfiguration { get; init; }
    public HealthCheck? HealthCheck { get; init; }
    public IReadOnlyList<ContainerDependency>? DependsOn { get; init; }
    public LinuxParameters? LinuxParameters { get; init; }
    public int? StartTimeout { get; init; }
    public int? StopTimeout { get; init; }
    public string? WorkingDirectory { get; init; }
    public string? User { get; init; }
    public bool? ReadonlyRootFilesystem { get; init; }
    public bool? Privileged { get; init; }
    public IReadOnlyList<Ulimit>? Ulimits { get; init; }
    public IReadOnlyDictionary<string, string>? DockerLabels { get; init; }
}

/// <summary>The OS and CPU architecture a task needs (Fargate: <c>LINUX</c>/<c>X86_64</c> or <c>ARM64</c>, Windows…).</summary>
public sealed record RuntimePlatform
{
    public string? CpuArchitecture { get; init; }
    public string? OperatingSystemFamily { get; init; }
}

/// <summary>Fargate ephemeral storage, 21–200 GiB (20 by default).</summary>
public sealed record EphemeralStorage(int SizeInGiB);

/// <summary>A task volume (bind mount when only the name is set).</summary>
public sealed record Volume
{
    public string? Name { get; init; }
    public bool? ConfiguredAtLaunch { get; init; }
}

/// <summary>A capability a task definition needs from where it runs (the model's <c>Attribute</c>).</summary>
public sealed record EcsAttribute
{
    public string? Name { get; init; }
    public string? Value { get; init; }
    public string? TargetType { get; init; }
    public string? TargetId { get; init; }
}

/// <summary>A registered revision of a task definition family.</summary>
public sealed record TaskDefinition
{
    public string? TaskDefinitionArn { get; init; }
    public IReadOnlyList<ContainerDefinition>? ContainerDefinitions { get; init; }
    public string? Family { get; init; }
    public string? TaskRoleArn { get; init; }
    public string? ExecutionRoleArn { get; init; }
    public string? NetworkMode { get; init; }
    public int? Revision { get; init; }
    public IReadOnlyList<Volume>? Volumes { get; init; }
    /// <summary><c>ACTIVE</c>, <c>INACTIVE</c> (deregistered) or <c>DELETE_IN_PROGRESS</c>.</summary>
    public string? Status { get; init; }
    public IReadOnlyList<EcsAttribute>? RequiresAttributes { get; init; }
    /// <summary>The launch types it is valid for, as ECS worked out.</summary>
    public IReadOnlyList<string>? Compatibilities { get; init; }
    public RuntimePlatform? RuntimePlatform { get; init; }
    public IReadOnlyList<string>? RequiresCompatibilities { get; init; }
    /// <summary>Task CPU units as a string (<c>"256"</c>, also <c>"1 vCPU"</c> on input).</summary>
    [JsonConverter(typeof(NumberAsStringConverter))] public string? Cpu { get; init; }
    /// <summary>Task memory in MiB as a string (<c>"512"</c>, also <c>"1GB"</c> on input).</summary>
    [JsonConverter(typeof(NumberAsStringConverter))] public string? Memory { get; init; }
    public EphemeralStorage? EphemeralStorage { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? RegisteredAt { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? DeregisteredAt { get; init; }
    public string? RegisteredBy { get; init; }
}

public sealed record RegisterTaskDefinitionRequest
{
    public required string Family { get; init; }
    public required IReadOnlyList<ContainerDefinition> ContainerDefinitions { get; init; }
    public string? TaskRoleArn { get; init; }
    public string? ExecutionRoleArn { get; init; }
    public string? NetworkMode { get; init; }
    public IReadOnlyList<Volume>? Volumes { get; init; }
    public IReadOnlyList<string>? RequiresCompatibilities { get; init; }
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public RuntimePlatform? RuntimePlatform { get; init; }
    public EphemeralStorage? EphemeralStorage { get; init; }
}

public sealed record RegisterTaskDefinitionResponse
{
    public TaskDefinition? TaskDefinition { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record DescribeTaskDefinitionRequest
{
    /// <summary><c>family</c> (latest ACTIVE revision), <c>family:revision</c> or the ARN.</summary>
    public required string TaskDefinition { get; init; }
    /// <summary><c>TAGS</c> to get the tags too.</summary>
    public IReadOnlyList<string>? Include { get; init; }
}

public sealed record DescribeTaskDefinitionResponse
{
    public TaskDefinition? TaskDefinition { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record ListTaskDefinitionsRequest
{
    public string? FamilyPrefix { get; init; }
    /// <summary><c>ACTIVE</c> (the default), <c>INACTIVE</c> or <c>DELETE_IN_PROGRESS</c>.</summary>
    public string? Status { get; init; }
    /// <summary><c>ASC</c> (the default) or <c>DESC</c>.</summary>
    public string? Sort { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record ListTaskDefinitionsResponse
{
    public IReadOnlyList<string>? TaskDefinitionArns { get; init; }
    public string? NextToken { get; init; }
}

public sealed record DeregisterTaskDefinitionRequest
{
    /// <summary><c>family:revision</c> or the ARN.</summary>
    public required string TaskDefinition { get; init; }
}

public sealed record DeregisterTaskDefinitionResponse
{
    public TaskDefinition? TaskDefinition { get; init; }
}
