using System.Collections.Immutable;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public static partial class EcsMapper
{
    public static RunTaskCommand ToDomain(RunTaskRequest request, EcsArns arns) => new(
        arns.ClusterArnFor(request.Cluster),
        request.TaskDefinition,
        request.Count,
        request.LaunchType is null ? null : ParseEnum(request.LaunchType, "launchType", EcsWireNames.LaunchTypes),
        ToDomain(request.CapacityProviderStrategy),
        request.PlatformVersion,
        ToDomain(request.NetworkConfiguration),
        ToDomain(request.Overrides),
        request.StartedBy,
        request.Group,
        ToDomain(request.Tags),
        request.EnableExecuteCommand ?? false);

    /// <summary>An awsvpc network configuration; absent (or without <c>awsvpcConfiguration</c>) is null.</summary>
    public static NetworkConfiguration? ToDomain(NetworkConfigurationShape? shape) =>
        shape?.AwsvpcConfiguration is not { } vpc
            ? null
            : new NetworkConfiguration(
                [.. vpc.Subnets ?? []],
                [.. vpc.SecurityGroups ?? []],
                vpc.AssignPublicIp is not null && ParseEnum(vpc.AssignPublicIp, "networkConfiguration.awsvpcConfiguration.assignPublicIp", EcsWireNames.AssignPublicIp));

    public static TaskOverrides ToDomain(TaskOverrideShape? shape) => shape is null
        ? TaskOverrides.None
        : new TaskOverrides(
            [.. (shape.ContainerOverrides ?? []).Select(o => new ContainerOverride(
                string.IsNullOrEmpty(o.Name) ? throw EcsErrors.Missing.With("containerOverrides.name") : o.Name,
                o.Command is null ? null : [.. o.Command],
                [.. (o.Environment ?? []).Select(e => new KeyValue(
                    string.IsNullOrEmpty(e.Name) ? throw EcsErrors.Missing.With("environment.name") : e.Name,
                    e.Value ?? ""))],
                o.Cpu,
                o.Memory,
                o.MemoryReservation))],
            shape.Cpu,
            shape.Memory,
            shape.TaskRoleArn,
            shape.ExecutionRoleArn);

    public static ListTasksQuery ToDomain(ListTasksRequest request, EcsArns arns) => new(
        arns.ClusterArnFor(request.Cluster),
        request.ServiceName,
        request.Family,
        request.StartedBy,
        request.DesiredStatus is null ? EcsTaskStatus.Running : ParseEnum(request.DesiredStatus, "desiredStatus", EcsWireNames.DesiredStatuses),
        request.LaunchType is null ? null : ParseEnum(request.LaunchType, "launchType", EcsWireNames.LaunchTypes),
        request.ContainerInstance);

    /// <summary>Which optional parts DescribeTasks was asked to include (only <c>TAGS</c> exists).</summary>
    public static ISet<string> ToTaskFields(List<string>? include) =>
        new HashSet<string>((include ?? []).Select(f => ParseEnum(f, "include", EcsWireNames.IncludeFields)), StringComparer.Ordinal);

    /// <summary>A task as DescribeTasks shows it; tags only when asked to include them.</summary>
    public static TaskShape ToShape(EcsTask task, bool includeTags = false) => new()
    {
        Attachments = task.NetworkInterface is { } eni ? [ToShape(eni)] : [],
        AvailabilityZone = task.AvailabilityZone,
        CapacityProviderName = task.CapacityProviderName,
        ClusterArn = task.ClusterArn,
        Connectivity = task.ConnectivityAt is null ? null : "CONNECTED",
        ConnectivityAt = task.ConnectivityAt,
        Containers = [.. task.Containers.Select(c => ToShape(task, c))],
        Cpu = task.Cpu,
        CreatedAt = task.CreatedAt,
        DesiredStatus = StatusName(task.DesiredStatus),
        EnableExecuteCommand = task.EnableExecuteCommand,
        ExecutionStoppedAt = task.ExecutionStoppedAt,
        Group = task.Group,
        HealthStatus = task.HealthStatus,
        LastStatus = StatusName(task.LastStatus),
        LaunchType = EcsWireNames.LaunchTypes.NameOf(task.LaunchType),
        Memory = task.Memory,
        Overrides = ToShape(task.Overrides, task.Containers),
        PlatformVersion = task.PlatformVersion,
        PlatformFamily = task.PlatformFamily,
        PullStartedAt = task.PullStartedAt,
        PullStoppedAt = task.PullStoppedAt,
        StartedAt = task.StartedAt,
        StartedBy = task.StartedBy,
        StopCode = task.StopCode is { } stopCode ? EcsWireNames.StopCodes.NameOf(stopCode) : null,
        StoppedAt = task.StoppedAt,
        StoppedReason = task.StoppedReason,
        StoppingAt = task.StoppingAt,
        Tags = includeTags ? ToShape(task.Tags) : null,
        TaskArn = task.Arn,
        TaskDefinitionArn = task.TaskDefinitionArn,
        Version = task.Version,
        EphemeralStorage = task.EphemeralStorageGiB is { } size ? new() { SizeInGiB = size } : null,
    };

    /// <summary>The wire name of a task or container status (<c>PROVISIONING</c> … <c>STOPPED</c>).</summary>
    public static string StatusName(EcsTaskStatus status) => EcsWireNames.TaskStatuses.NameOf(status);

    /// <summary>
    /// The ENI attachment. Until the interface exists (PRECREATED) ECS only knows its subnet; afterwards it shows
    /// the interface id, MAC address and private DNS name and address.
    /// </summary>
    private static AttachmentShape ToShape(NetworkInterfaceAttachment eni) => new()
    {
        Id = eni.AttachmentId,
        Type = "ElasticNetworkInterface",
        Status = eni.Status,
        Details = eni.Status == AttachmentStatus.Precreated
            ? [Detail("subnetId", eni.SubnetId)]
            :
            [
                Detail("subnetId", eni.SubnetId),
                Detail("networkInterfaceId", eni.NetworkInterfaceId),
                Detail("macAddress", eni.MacAddress),
                Detail("privateDnsName", eni.PrivateDnsName),
                Detail("privateIPv4Address", eni.PrivateIpv4Address),
            ],
    };

    private static KeyValuePairShape Detail(string name, string value) => new() { Name = name, Value = value };

    private static ContainerShape ToShape(EcsTask task, TaskContainer container) => new()
    {
        ContainerArn = container.ContainerArn,
        TaskArn = task.Arn,
        Name = container.Name,
        Image = container.Image,
        ImageDigest = container.ImageDigest,
        RuntimeId = container.RuntimeId,
        LastStatus = StatusName(container.LastStatus),
        ExitCode = container.ExitCode,
        Reason = container.Reason,
        NetworkBindings = task.NetworkInterface is null ? null : [],
        NetworkInterfaces = task.NetworkInterface is { Status: not AttachmentStatus.Precreated } eni
            ? [new() { AttachmentId = eni.AttachmentId, PrivateIpv4Address = eni.PrivateIpv4Address }]
            : task.NetworkInterface is null ? null : [],
        HealthStatus = container.HealthStatus,
        ManagedAgents = container.ExecuteCommandAgent ? [ExecuteCommandAgent(task, container)] : null,
        Cpu = container.Cpu ?? "0",
        Memory = container.Memory,
        MemoryReservation = container.MemoryReservation,
    };

    /// <summary>The ECS Exec agent runs alongside the container: pending while it starts, stopped with it.</summary>
    private static ManagedAgentShape ExecuteCommandAgent(EcsTask task, TaskContainer container) => new()
    {
        Name = "ExecuteCommandAgent",
        LastStatus = StatusName(container.LastStatus),
        LastStartedAt = container.LastStatus == EcsTaskStatus.Pending ? null : task.StartedAt,
    };

    /// <summary>The overrides as ECS echoes them: one entry per container (just its name when not overridden).</summary>
    private static TaskOverrideShape ToShape(TaskOverrides overrides, ImmutableArray<TaskContainer> containers) => new()
    {
        ContainerOverrides = [.. containers.Select(c => overrides.ContainerOverrides.FirstOrDefault(o => o.Name == c.Name) is { } o
            ? new ContainerOverrideShape
            {
                Name = o.Name,
                Command = o.Command is { } command ? [.. command] : null,
                Environment = o.Environment.IsDefaultOrEmpty ? null : [.. o.Environment.Select(e => new KeyValuePairShape { Name = e.Name, Value = e.Value })],
                Cpu = o.Cpu,
                Memory = o.Memory,
                MemoryReservation = o.MemoryReservation,
            }
            : new ContainerOverrideShape { Name = c.Name })],
        Cpu = overrides.Cpu,
        InferenceAcceleratorOverrides = [],
        ExecutionRoleArn = overrides.ExecutionRoleArn,
        Memory = overrides.Memory,
        TaskRoleArn = overrides.TaskRoleArn,
    };

    /// <summary>A DescribeTasks failure for a task that is not there.</summary>
    public static FailureShape MissingTask(TaskLookup lookup) => Missing(lookup.MissingArn);
}
