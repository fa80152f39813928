using System.Collections.Immutable;
using System.Globalization;
using EcsWorkshop.Facts.Fargate;
using EcsWorkshop.Simulator.Errors;

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
        if (string.IsNullOrEmpty(family)) throw EcsErrors.FamilyBlank.With();
        if (!Names.IsValid(family)) throw EcsErrors.FamilyInvalid.With();
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
    private static DomainError InvalidTaskSetting(string member) => EcsErrors.InvalidTaskSizeSetting.With(member);

    /// <summary>
    /// Checks names, images and networking of every container; returns them with port defaults filled in.
    /// </summary>
    public static ImmutableArray<ContainerDefinition> CheckContainers(ImmutableArray<ContainerDefinition> containers, NetworkMode networkMode)
    {
        if (containers.IsDefaultOrEmpty) throw EcsErrors.ContainerListEmpty.With();
        foreach (var container in containers)
        {
            if (string.IsNullOrEmpty(container.Name)) throw EcsErrors.ContainerNameBlank.With();
            if (!Names.IsValid(container.Name)) throw EcsErrors.ContainerNameInvalid.With();
            if (string.IsNullOrWhiteSpace(container.Image)) throw EcsErrors.ContainerImageBlank.With();
        }
        if (containers.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != containers.Length)
            throw EcsErrors.ContainerNamesNotUnique.With();

        return [.. containers.Select(c => CheckNetworking(c, networkMode))];
    }

    /// <summary>Checks container memory against the task's, and that some container is essential.</summary>
    public static void CheckResources(ImmutableArray<ContainerDefinition> containers, int? taskMemoryMiB)
    {
        foreach (var container in containers) CheckMemory(container, taskMemoryMiB);
        if (!containers.Any(c => c.Essential))
            throw EcsErrors.NoEssentialContainer.With();
    }

    /// <summary>ARM64 runs Linux only.</summary>
    public static void CheckRuntimePlatform(RuntimePlatform? platform)
    {
        if (platform is { CpuArchitecture: CpuArchitecture.Arm64, IsWindows: true })
            throw EcsErrors.Arm64NeedsLinux.With();
    }

    /// <summary>Ephemeral storage, when given, is 21–200 GiB (20 GiB is what a task gets without asking).</summary>
    public static void CheckEphemeralStorage(int? sizeInGiB)
    {
        if (sizeInGiB < 21) throw EcsErrors.EphemeralStorageTooSmall.With();
        if (sizeInGiB > 200) throw EcsErrors.EphemeralStorageTooLarge.With();
    }

    /// <summary>
    /// Port mappings and hostname against the network mode. A missing host port becomes the container port
    /// (awsvpc, host) or 0, a dynamic port (bridge).
    /// </summary>
    private static ContainerDefinition CheckNetworking(ContainerDefinition container, NetworkMode networkMode)
    {
        if (networkMode == NetworkMode.None && !container.PortMappings.IsDefaultOrEmpty)
            throw EcsErrors.PortMappingsWithNetworkNone.With();
        if (networkMode == NetworkMode.Awsvpc && container.Hostname is not null)
            throw EcsErrors.HostnameWithAwsvpc.With();

        var staticPorts = networkMode is NetworkMode.Awsvpc or NetworkMode.Host;
        var mappings = container.PortMappings.IsDefault ? [] : container.PortMappings;
        var filled = mappings.Select(mapping =>
        {
            var hostPort = mapping.HostPort ?? (staticPorts ? mapping.ContainerPort : 0);
            if (staticPorts && hostPort != mapping.ContainerPort)
                throw EcsErrors.HostPortMismatch.With(EcsWireNames.NetworkModes.NameOf(networkMode));
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
            throw EcsErrors.ContainerMemoryBelowReservation.With(container.Name);
        if (taskMemoryMiB is null)
        {
            if (container.Memory is null && container.MemoryReservation is null)
                throw EcsErrors.ContainerMemoryMissing.With(container.Name);
            return;
        }
        if (container.Memory > taskMemoryMiB)
            throw EcsErrors.ContainerMemoryAboveTask.With(container.Name);
        if (container.MemoryReservation > taskMemoryMiB)
            throw EcsErrors.ContainerReservationAboveTask.With(container.Name);
    }
}
