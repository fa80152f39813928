using System.Collections.Immutable;
using System.Globalization;
using EcsWorkshop.Facts.Fargate;

namespace EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

/// <summary>
/// What RegisterTaskDefinition checks whatever the launch type, in ECS's words, and the defaults it fills in:
/// names, images, port mappings per network mode, container memory against the task's, an essential container.
/// Launch-type checks (<see cref="TaskDefinitionCompatibility"/>) run between the container and resource checks,
/// so a Fargate definition hears about Fargate's rules first.
/// </summary>
public static class TaskDefinitionRules
{
    /// <summary>Checks the family name.</summary>
    public static void CheckFamily(string? family)
    {
        if (string.IsNullOrEmpty(family)) throw EcsErrors.Client("Family can not be blank.");
        if (!Names.IsValid(family)) throw EcsErrors.Client("Family contains invalid characters.");
    }

    /// <summary>A task-level cpu as ECS stores it: <c>"1 vCPU"</c> → <c>"1024"</c>; null when absent.</summary>
    public static string? NormaliseCpu(string? cpu)
    {
        if (string.IsNullOrWhiteSpace(cpu)) return null;
        if (TaskSizeUnits.ParseCpu(cpu) is not { } units || !TaskSizeUnits.IsTaskCpu(units)) throw InvalidTaskSetting("cpu");
        return units.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A task-level memory as ECS stores it: <c>"1GB"</c> → <c>"1024"</c>; null when absent.</summary>
    public static string? NormaliseMemory(string? memory)
    {
        if (string.IsNullOrWhiteSpace(memory)) return null;
        var mib = TaskSizeUnits.ParseMemory(memory) ?? throw InvalidTaskSetting("memory");
        return mib.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>ECS's refusal of a task-level cpu or memory value it cannot read.</summary>
    private static Aws.AwsServiceException InvalidTaskSetting(string member) =>
        EcsErrors.Client($"Invalid '{member}' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");

    /// <summary>
    /// Checks names, images and networking of every container; returns them with port defaults filled in.
    /// </summary>
    public static ImmutableArray<ContainerDefinition> CheckContainers(ImmutableArray<ContainerDefinition> containers, NetworkMode networkMode)
    {
        if (containers.IsDefaultOrEmpty) throw EcsErrors.Client("Container list cannot be empty.");
        foreach (var container in containers)
        {
            if (string.IsNullOrEmpty(container.Name)) throw EcsErrors.Client("Container.name should not be null or empty.");
            if (!Names.IsValid(container.Name)) throw EcsErrors.Client("Container.name contains invalid characters.");
            if (string.IsNullOrWhiteSpace(container.Image)) throw EcsErrors.Client("Container.image should not be null or empty.");
        }
        if (containers.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != containers.Length)
            throw EcsErrors.Client("Container names must be unique within a Task Definition.");

        return [.. containers.Select(c => CheckNetworking(c, networkMode))];
    }

    /// <summary>Checks container memory against the task's, and that some container is essential.</summary>
    public static void CheckResources(ImmutableArray<ContainerDefinition> containers, int? taskMemoryMiB)
    {
        foreach (var container in containers) CheckMemory(container, taskMemoryMiB);
        if (!containers.Any(c => c.Essential))
            throw EcsErrors.Client("Task definition doesn't have any essential container.");
    }

    /// <summary>ARM64 runs Linux only.</summary>
    public static void CheckRuntimePlatform(RuntimePlatform? platform)
    {
        if (platform is { CpuArchitecture: CpuArchitecture.Arm64, IsWindows: true })
            throw EcsErrors.Client("The ARM64 CPU architecture is only supported for the LINUX operating system family.");
    }

    /// <summary>Ephemeral storage, when given, is 21–200 GiB (20 GiB is what a task gets without asking).</summary>
    public static void CheckEphemeralStorage(int? sizeInGiB)
    {
        if (sizeInGiB < 21) throw EcsErrors.Client("EphemeralStorage size should be at least 21");
        if (sizeInGiB > 200) throw EcsErrors.Client("EphemeralStorage size should be at most 200");
    }

    /// <summary>
    /// Port mappings and hostname against the network mode. A missing host port becomes the container port
    /// (awsvpc, host) or 0, a dynamic port (bridge).
    /// </summary>
    private static ContainerDefinition CheckNetworking(ContainerDefinition container, NetworkMode networkMode)
    {
        if (networkMode == NetworkMode.None && !container.PortMappings.IsDefaultOrEmpty)
            throw EcsErrors.Client("Port mappings are not supported on container when networkMode=none.");
        if (networkMode == NetworkMode.Awsvpc && container.Hostname is not null)
            throw EcsErrors.Client("hostname is not supported on container when networkMode=awsvpc.");

        var staticPorts = networkMode is NetworkMode.Awsvpc or NetworkMode.Host;
        var mappings = container.PortMappings.IsDefault ? [] : container.PortMappings;
        var filled = mappings.Select(mapping =>
        {
            var hostPort = mapping.HostPort ?? (staticPorts ? mapping.ContainerPort : 0);
            if (staticPorts && hostPort != mapping.ContainerPort)
                throw EcsErrors.Client($"When networkMode={EcsWireNames.NetworkModes.NameOf(networkMode)}, the host ports and container ports in port mappings must match.");
            return mapping with { HostPort = hostPort };
        }).ToImmutableArray();
        return container with { PortMappings = filled };
    }

    /// <summary>
    /// A container needs its own memory or memoryReservation unless the task has memory, and may not ask for more
    /// than the task has.
    /// </summary>
    private static void CheckMemory(ContainerDefinition container, int? taskMemoryMiB)
    {
        if (container is { Memory: { } hard, MemoryReservation: { } soft } && hard < soft)
            throw EcsErrors.Client($"Invalid setting for container '{container.Name}'. 'memory' must be greater than or equal to 'memoryReservation'.");
        if (taskMemoryMiB is null)
        {
            if (container.Memory is null && container.MemoryReservation is null)
                throw EcsErrors.Client($"Invalid setting for container '{container.Name}'. At least one of 'memory' or 'memoryReservation' must be specified.");
            return;
        }
        if (container.Memory > taskMemoryMiB)
            throw EcsErrors.Client($"The 'memory' setting for container '{container.Name}' is greater than for the task.");
        if (container.MemoryReservation > taskMemoryMiB)
            throw EcsErrors.Client($"The 'memoryReservation' setting for container '{container.Name}' is greater than for the task.");
    }
}
