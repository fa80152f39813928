namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed class TaskShape
{
    public List<AttachmentShape>? Attachments { get; set; }
    public string? AvailabilityZone { get; set; }
    public string? CapacityProviderName { get; set; }
    public string? ClusterArn { get; set; }
    public string? Connectivity { get; set; }
    public DateTimeOffset? ConnectivityAt { get; set; }
    public List<ContainerShape>? Containers { get; set; }
    public string? Cpu { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? DesiredStatus { get; set; }
    public bool EnableExecuteCommand { get; set; }
    public DateTimeOffset? ExecutionStoppedAt { get; set; }
    public string? Group { get; set; }
    public string? HealthStatus { get; set; }
    public string? LastStatus { get; set; }
    public string? LaunchType { get; set; }
    public string? Memory { get; set; }
    public TaskOverrideShape? Overrides { get; set; }
    public string? PlatformVersion { get; set; }
    public string? PlatformFamily { get; set; }
    public DateTimeOffset? PullStartedAt { get; set; }
    public DateTimeOffset? PullStoppedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public string? StartedBy { get; set; }
    public string? StopCode { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    public string? StoppedReason { get; set; }
    public DateTimeOffset? StoppingAt { get; set; }
    public List<TagShape>? Tags { get; set; }
    public string? TaskArn { get; set; }
    public string? TaskDefinitionArn { get; set; }
    public long Version { get; set; }
    public EphemeralStorageShape? EphemeralStorage { get; set; }
}

public sealed class ContainerShape
{
    public string? ContainerArn { get; set; }
    public string? TaskArn { get; set; }
    public string? Name { get; set; }
    public string? Image { get; set; }
    public string? ImageDigest { get; set; }
    public string? RuntimeId { get; set; }
    public string? LastStatus { get; set; }
    public int? ExitCode { get; set; }
    public string? Reason { get; set; }
    public List<NetworkBindingShape>? NetworkBindings { get; set; }
    public List<NetworkInterfaceShape>? NetworkInterfaces { get; set; }
    public string? HealthStatus { get; set; }
    public List<ManagedAgentShape>? ManagedAgents { get; set; }
    public string? Cpu { get; set; }
    public string? Memory { get; set; }
    public string? MemoryReservation { get; set; }
}

public sealed class NetworkBindingShape
{
    public string? BindIP { get; set; }
    public int? ContainerPort { get; set; }
    public int? HostPort { get; set; }
    public string? Protocol { get; set; }
}

public sealed class NetworkInterfaceShape
{
    public string? AttachmentId { get; set; }
    public string? PrivateIpv4Address { get; set; }
}

public sealed class ManagedAgentShape
{
    public DateTimeOffset? LastStartedAt { get; set; }
    public string? Name { get; set; }
    public string? Reason { get; set; }
    public string? LastStatus { get; set; }
}

public sealed class AttachmentShape
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public string? Status { get; set; }
    public List<KeyValuePairShape>? Details { get; set; }
}

public sealed class TaskOverrideShape
{
    public List<ContainerOverrideShape>? ContainerOverrides { get; set; }
    public string? Cpu { get; set; }
    public List<InferenceAcceleratorOverrideShape>? InferenceAcceleratorOverrides { get; set; }
    public string? ExecutionRoleArn { get; set; }
    public string? Memory { get; set; }
    public string? TaskRoleArn { get; set; }
}

public sealed class ContainerOverrideShape
{
    public string? Name { get; set; }
    public List<string>? Command { get; set; }
    public List<KeyValuePairShape>? Environment { get; set; }
    public int? Cpu { get; set; }
    public int? Memory { get; set; }
    public int? MemoryReservation { get; set; }
}

public sealed class InferenceAcceleratorOverrideShape
{
    public string? DeviceName { get; set; }
    public string? DeviceType { get; set; }
}

public sealed class RunTaskRequest
{
    public List<CapacityProviderStrategyItemShape>? CapacityProviderStrategy { get; set; }
    public string? Cluster { get; set; }
    public int? Count { get; set; }
    public bool? EnableECSManagedTags { get; set; }
    public bool? EnableExecuteCommand { get; set; }
    public string? Group { get; set; }
    public string? LaunchType { get; set; }
    public NetworkConfigurationShape? NetworkConfiguration { get; set; }
    public TaskOverrideShape? Overrides { get; set; }
    public string? PlatformVersion { get; set; }
    public string? PropagateTags { get; set; }
    public string? ReferenceId { get; set; }
    public string? StartedBy { get; set; }
    public List<TagShape>? Tags { get; set; }
    public string? TaskDefinition { get; set; }
}

public sealed class RunTaskResponse
{
    public List<TaskShape> Tasks { get; set; } = [];
    public List<FailureShape> Failures { get; set; } = [];
}

public sealed class StopTaskRequest
{
    public string? Cluster { get; set; }
    public string? Task { get; set; }
    public string? Reason { get; set; }
}

public sealed class StopTaskResponse
{
    public TaskShape? Task { get; set; }
}

public sealed class DescribeTasksRequest
{
    public string? Cluster { get; set; }
    public List<string>? Tasks { get; set; }
    public List<string>? Include { get; set; }
}

public sealed class DescribeTasksResponse
{
    public List<TaskShape> Tasks { get; set; } = [];
    public List<FailureShape> Failures { get; set; } = [];
}

public sealed class ListTasksRequest
{
    public string? Cluster { get; set; }
    public string? ContainerInstance { get; set; }
    public string? Family { get; set; }
    public string? NextToken { get; set; }
    public int? MaxResults { get; set; }
    public string? StartedBy { get; set; }
    public string? ServiceName { get; set; }
    public string? DesiredStatus { get; set; }
    public string? LaunchType { get; set; }
}

public sealed class ListTasksResponse
{
    public List<string> TaskArns { get; set; } = [];
    public string? NextToken { get; set; }
}
