using System.Text.Json.Serialization;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Ecs.Model;

/// <summary>A port of a container reachable on the host.</summary>
public sealed record NetworkBinding
{
    public string? BindIP { get; init; }
    public int? ContainerPort { get; init; }
    public int? HostPort { get; init; }
    public string? Protocol { get; init; }
}

/// <summary>A network interface of a container (awsvpc).</summary>
public sealed record NetworkInterface
{
    public string? AttachmentId { get; init; }
    public string? PrivateIpv4Address { get; init; }
    public string? Ipv6Address { get; init; }
}

/// <summary>An agent ECS runs beside a container (<c>ExecuteCommandAgent</c>).</summary>
public sealed record ManagedAgent
{
    public string? Name { get; init; }
    public string? LastStatus { get; init; }
    public string? Reason { get; init; }
}

/// <summary>A container of a running (or stopped) task.</summary>
public sealed record Container
{
    public string? ContainerArn { get; init; }
    public string? TaskArn { get; init; }
    public string? Name { get; init; }
    public string? Image { get; init; }
    public string? ImageDigest { get; init; }
    public string? RuntimeId { get; init; }
    /// <summary><c>PENDING</c>, <c>RUNNING</c> or <c>STOPPED</c>.</summary>
    public string? LastStatus { get; init; }
    public int? ExitCode { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<NetworkBinding>? NetworkBindings { get; init; }
    public IReadOnlyList<NetworkInterface>? NetworkInterfaces { get; init; }
    /// <summary><c>HEALTHY</c>, <c>UNHEALTHY</c> or <c>UNKNOWN</c>.</summary>
    public string? HealthStatus { get; init; }
    public IReadOnlyList<ManagedAgent>? ManagedAgents { get; init; }
    [JsonConverter(typeof(NumberAsStringConverter))] public string? Cpu { get; init; }
    [JsonConverter(typeof(NumberAsStringConverter))] public string? Memory { get; init; }
    [JsonConverter(typeof(NumberAsStringConverter))] public string? MemoryReservation { get; init; }
}

/// <summary>Something attached to a task: on Fargate its network interface (<c>ElasticNetworkInterface</c>).</summary>
public sealed record Attachment
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    /// <summary><c>PRECREATED</c>, <c>ATTACHED</c>, <c>DELETED</c>…</summary>
    public string? Status { get; init; }
    /// <summary><c>subnetId</c>, <c>networkInterfaceId</c>, <c>privateIPv4Address</c>…</summary>
    public IReadOnlyList<NameValuePair>? Details { get; init; }
}

/// <summary>What a RunTask changes for one container.</summary>
public sealed record ContainerOverride
{
    public string? Name { get; init; }
    public IReadOnlyList<string>? Command { get; init; }
    public IReadOnlyList<NameValuePair>? Environment { get; init; }
    public int? Cpu { get; init; }
    public int? Memory { get; init; }
    public int? MemoryReservation { get; init; }
}

/// <summary>What a RunTask changes for the task.</summary>
public sealed record TaskOverride
{
    public IReadOnlyList<ContainerOverride>? ContainerOverrides { get; init; }
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public string? TaskRoleArn { get; init; }
    public string? ExecutionRoleArn { get; init; }
}

/// <summary>An ECS task (the model's <c>Task</c>, renamed so as not to clash with <see cref="System.Threading.Tasks.Task"/>).</summary>
public sealed record EcsTask
{
    public string? TaskArn { get; init; }
    public string? ClusterArn { get; init; }
    public string? TaskDefinitionArn { get; init; }
    public string? ContainerInstanceArn { get; init; }
    public TaskOverride? Overrides { get; init; }
    /// <summary>PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED.</summary>
    public string? LastStatus { get; init; }
    /// <summary><c>RUNNING</c> or <c>STOPPED</c>.</summary>
    public string? DesiredStatus { get; init; }
    [JsonConverter(typeof(NumberAsStringConverter))] public string? Cpu { get; init; }
    [JsonConverter(typeof(NumberAsStringConverter))] public string? Memory { get; init; }
    public IReadOnlyList<Container>? Containers { get; init; }
    public string? StartedBy { get; init; }
    public long? Version { get; init; }
    public string? StoppedReason { get; init; }
    /// <summary><c>TaskFailedToStart</c>, <c>EssentialContainerExited</c>, <c>UserInitiated</c>, <c>ServiceSchedulerInitiated</c>…</summary>
    public string? StopCode { get; init; }
    public string? Connectivity { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? ConnectivityAt { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? PullStartedAt { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? PullStoppedAt { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? ExecutionStoppedAt { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? CreatedAt { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? StartedAt { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? StoppingAt { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? StoppedAt { get; init; }
    /// <summary><c>service:NAME</c> for a service's tasks, <c>family:FAMILY</c> otherwise.</summary>
    public string? Group { get; init; }
    public string? LaunchType { get; init; }
    public string? CapacityProviderName { get; init; }
    public string? PlatformVersion { get; init; }
    public string? PlatformFamily { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public string? HealthStatus { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public bool? EnableExecuteCommand { get; init; }
    public string? AvailabilityZone { get; init; }
    public EphemeralStorage? EphemeralStorage { get; init; }
}

public sealed record RunTaskRequest
{
    /// <summary><c>family</c>, <c>family:revision</c> or the ARN.</summary>
    public required string TaskDefinition { get; init; }
    public string? Cluster { get; init; }
    /// <summary>How many tasks (1–10).</summary>
    public int? Count { get; init; }
    public string? LaunchType { get; init; }
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }
    public TaskOverride? Overrides { get; init; }
    public string? PlatformVersion { get; init; }
    public string? StartedBy { get; init; }
    public string? Group { get; init; }
    public bool? EnableExecuteCommand { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public string? PropagateTags { get; init; }
    public bool? EnableECSManagedTags { get; init; }
    public string? ClientToken { get; init; }
}

public sealed record RunTaskResponse
{
    public IReadOnlyList<EcsTask>? Tasks { get; init; }
    public IReadOnlyList<Failure>? Failures { get; init; }
}

public sealed record StopTaskRequest
{
    /// <summary>The task id or ARN.</summary>
    public required string Task { get; init; }
    public string? Cluster { get; init; }
    public string? Reason { get; init; }
}

public sealed record StopTaskResponse
{
    public EcsTask? Task { get; init; }
}

public sealed record DescribeTasksRequest
{
    /// <summary>Task ids or ARNs, up to 100.</summary>
    public required IReadOnlyList<string> Tasks { get; init; }
    public string? Cluster { get; init; }
    public IReadOnlyList<string>? Include { get; init; }
}

public sealed record DescribeTasksResponse
{
    public IReadOnlyList<EcsTask>? Tasks { get; init; }
    public IReadOnlyList<Failure>? Failures { get; init; }
}

public sealed record ListTasksRequest
{
    public string? Cluster { get; init; }
    public string? ContainerInstance { get; init; }
    public string? Family { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
    public string? StartedBy { get; init; }
    public string? ServiceName { get; init; }
    /// <summary><c>RUNNING</c> (the default) or <c>STOPPED</c>.</summary>
    public string? DesiredStatus { get; init; }
    public string? LaunchType { get; init; }
}

public sealed record ListTasksResponse
{
    public IReadOnlyList<string>? TaskArns { get; init; }
    public string? NextToken { get; init; }
}
