using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsWorkshop.Simulator.Ecs.Wire;

// Task definition shapes. Member names follow the ECS API model. Members the simulator does not reason about
// (volumes, placementConstraints, linuxParameters, dockerLabels, ulimits, mountPoints …) are kept in the
// [JsonExtensionData] dictionaries and given back exactly as the user sent them.

public sealed class TaskDefinitionShape
{
    public string? TaskDefinitionArn { get; set; }
    public List<ContainerDefinitionShape>? ContainerDefinitions { get; set; }
    public string? Family { get; set; }
    public string? TaskRoleArn { get; set; }
    public string? ExecutionRoleArn { get; set; }
    public string? NetworkMode { get; set; }
    public int? Revision { get; set; }
    public string? Status { get; set; }
    public List<AttributeShape>? RequiresAttributes { get; set; }
    public List<string>? Compatibilities { get; set; }
    public RuntimePlatformShape? RuntimePlatform { get; set; }
    public List<string>? RequiresCompatibilities { get; set; }
    public string? Cpu { get; set; }
    public string? Memory { get; set; }
    public string? PidMode { get; set; }
    public string? IpcMode { get; set; }
    public DateTimeOffset? RegisteredAt { get; set; }
    public DateTimeOffset? DeregisteredAt { get; set; }
    public DateTimeOffset? DeleteRequestedAt { get; set; }
    public string? RegisteredBy { get; set; }
    public EphemeralStorageShape? EphemeralStorage { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ContainerDefinitionShape
{
    public string? Name { get; set; }
    public string? Image { get; set; }
    public int? Cpu { get; set; }
    public int? Memory { get; set; }
    public int? MemoryReservation { get; set; }
    public List<PortMappingShape>? PortMappings { get; set; }
    public bool? Essential { get; set; }
    public List<string>? EntryPoint { get; set; }
    public List<string>? Command { get; set; }
    public List<KeyValuePairShape>? Environment { get; set; }
    public List<SecretShape>? Secrets { get; set; }
    public string? Hostname { get; set; }
    public bool? Privileged { get; set; }
    public LogConfigurationShape? LogConfiguration { get; set; }
    public HealthCheckShape? HealthCheck { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class PortMappingShape
{
    public int? ContainerPort { get; set; }
    public int? HostPort { get; set; }
    public string? Protocol { get; set; }
    public string? Name { get; set; }
    public string? AppProtocol { get; set; }
    public string? ContainerPortRange { get; set; }
}

public sealed class SecretShape
{
    public string? Name { get; set; }
    public string? ValueFrom { get; set; }
}

public sealed class LogConfigurationShape
{
    public string? LogDriver { get; set; }
    public Dictionary<string, string>? Options { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class HealthCheckShape
{
    public List<string>? Command { get; set; }
    public int? Interval { get; set; }
    public int? Timeout { get; set; }
    public int? Retries { get; set; }
    public int? StartPeriod { get; set; }
}

public sealed class RuntimePlatformShape
{
    public string? CpuArchitecture { get; set; }
    public string? OperatingSystemFamily { get; set; }
}

public sealed class EphemeralStorageShape
{
    public int? SizeInGiB { get; set; }
}

public sealed class AttributeShape
{
    public string? Name { get; set; }
    public string? Value { get; set; }
    public string? TargetType { get; set; }
    public string? TargetId { get; set; }
}

public sealed class RegisterTaskDefinitionRequest
{
    public string? Family { get; set; }
    public string? TaskRoleArn { get; set; }
    public string? ExecutionRoleArn { get; set; }
    public string? NetworkMode { get; set; }
    public List<ContainerDefinitionShape>? ContainerDefinitions { get; set; }
    public List<string>? RequiresCompatibilities { get; set; }
    public string? Cpu { get; set; }
    public string? Memory { get; set; }
    public List<TagShape>? Tags { get; set; }
    public string? PidMode { get; set; }
    public string? IpcMode { get; set; }
    public EphemeralStorageShape? EphemeralStorage { get; set; }
    public RuntimePlatformShape? RuntimePlatform { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class RegisterTaskDefinitionResponse
{
    public TaskDefinitionShape? TaskDefinition { get; set; }
    public List<TagShape>? Tags { get; set; }
}

public sealed class DescribeTaskDefinitionRequest
{
    public string? TaskDefinition { get; set; }
    public List<string>? Include { get; set; }
}

public sealed class DescribeTaskDefinitionResponse
{
    public TaskDefinitionShape? TaskDefinition { get; set; }
    public List<TagShape>? Tags { get; set; }
}

public sealed class ListTaskDefinitionsRequest
{
    public string? FamilyPrefix { get; set; }
    public string? Status { get; set; }
    public string? Sort { get; set; }
    public string? NextToken { get; set; }
    public int? MaxResults { get; set; }
}

public sealed class ListTaskDefinitionsResponse
{
    public List<string> TaskDefinitionArns { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class ListTaskDefinitionFamiliesRequest
{
    public string? FamilyPrefix { get; set; }
    public string? Status { get; set; }
    public string? NextToken { get; set; }
    public int? MaxResults { get; set; }
}

public sealed class ListTaskDefinitionFamiliesResponse
{
    public List<string> Families { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class DeregisterTaskDefinitionRequest
{
    public string? TaskDefinition { get; set; }
}

public sealed class DeregisterTaskDefinitionResponse
{
    public TaskDefinitionShape? TaskDefinition { get; set; }
}

public sealed class DeleteTaskDefinitionsRequest
{
    public List<string>? TaskDefinitions { get; set; }
}

public sealed class DeleteTaskDefinitionsResponse
{
    public List<TaskDefinitionShape> TaskDefinitions { get; set; } = [];
    public List<FailureShape> Failures { get; set; } = [];
}
