using System.Collections.Immutable;
using System.Text.Json;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public static partial class EcsMapper
{
    /// <summary>Output members ECS computes; a user's copy of them is never echoed back.</summary>
    private static readonly HashSet<string> ComputedTaskDefinitionMembers = new(StringComparer.Ordinal)
    {
        "taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities",
        "registeredAt", "registeredBy", "deregisteredAt", "deleteRequestedAt",
    };

    /// <summary>
    /// A RegisterTaskDefinition request in domain terms: enum values parsed (unknown ones are
    /// InvalidParameterException), defaults that never depend on context filled in (container cpu 0, essential,
    /// protocol tcp), unmodelled members kept for the echo.
    /// </summary>
    public static RegisterTaskDefinitionCommand ToDomain(RegisterTaskDefinitionRequest request) => new(
        request.Family,
        request.ContainerDefinitions is null ? [] : [.. request.ContainerDefinitions.Select((c, i) => ToDomain(c ?? new(), $"containerDefinitions.{i + 1}.member"))],
        request.NetworkMode is null ? null : ParseEnum(request.NetworkMode, "networkMode", EcsWireNames.NetworkModes),
        request.RequiresCompatibilities is null ? [] : [.. request.RequiresCompatibilities.Select((c, i) =>
            ParseEnum(c ?? "", $"requiresCompatibilities.{i + 1}.member", EcsWireNames.LaunchTypes))],
        request.Cpu,
        request.Memory,
        RoleArnOrNull(request.TaskRoleArn),
        RoleArnOrNull(request.ExecutionRoleArn),
        ToDomain(request.RuntimePlatform),
        request.EphemeralStorage is null ? null
            : request.EphemeralStorage.SizeInGiB ?? throw EcsErrors.Missing.With("ephemeralStorage.sizeInGiB"),
        request.PidMode is null ? null : ParseEnum(request.PidMode, "pidMode", EcsWireNames.PidModes),
        request.IpcMode is null ? null : ParseEnum(request.IpcMode, "ipcMode", EcsWireNames.IpcModes),
        ToDomain(request.Tags),
        KeptMembers(request.Extra, ComputedTaskDefinitionMembers));

    /// <summary>A task definition as ECS returns it, with the defaults ECS fills in.</summary>
    public static TaskDefinitionShape ToShape(TaskDefinition definition) => new()
    {
        TaskDefinitionArn = definition.Arn,
        ContainerDefinitions = [.. definition.ContainerDefinitions.Select(ToShape)],
        Family = definition.Family,
        TaskRoleArn = definition.TaskRoleArn,
        ExecutionRoleArn = definition.ExecutionRoleArn,
        NetworkMode = definition.NetworkMode is { } mode ? EcsWireNames.NetworkModes.NameOf(mode) : null,
        Revision = definition.Revision,
        Status = EcsWireNames.TaskDefinitionStatuses.NameOf(definition.Status),
        RequiresAttributes = [.. RequiredAttributes.Of(definition).Select(name => new AttributeShape { Name = name })],
        Compatibilities = [.. definition.Compatibilities.Select(EcsWireNames.LaunchTypes.NameOf)],
        RuntimePlatform = definition.RuntimePlatform is { } platform
            ? new RuntimePlatformShape
            {
                CpuArchitecture = platform.CpuArchitecture is { } architecture ? EcsWireNames.CpuArchitectures.NameOf(architecture) : null,
                OperatingSystemFamily = platform.OperatingSystemFamily,
            }
            : null,
        RequiresCompatibilities = definition.RequiresCompatibilities.IsDefaultOrEmpty ? null
            : [.. definition.RequiresCompatibilities.Select(EcsWireNames.LaunchTypes.NameOf)],
        Cpu = definition.Cpu,
        Memory = definition.Memory,
        PidMode = definition.PidMode,
        IpcMode = definition.IpcMode,
        RegisteredAt = definition.RegisteredAt,
        DeregisteredAt = definition.DeregisteredAt,
        DeleteRequestedAt = definition.DeleteRequestedAt,
        RegisteredBy = definition.RegisteredBy,
        EphemeralStorage = definition.EphemeralStorageGiB is { } size ? new EphemeralStorageShape { SizeInGiB = size } : null,
        Extra = WithEmptyLists(definition.Extra, "volumes", "placementConstraints"),
    };

    private static ContainerDefinition ToDomain(ContainerDefinitionShape container, string path) => new(
        container.Name ?? "",
        container.Image ?? "",
        container.Cpu ?? 0,
        container.Memory,
        container.MemoryReservation,
        container.Essential ?? true,
        container.PortMappings is null ? [] : [.. container.PortMappings.Select((p, i) => ToDomain(p ?? new(), $"{path}.portMappings.{i + 1}.member"))],
        container.Command is null ? [] : [.. container.Command],
        container.EntryPoint is null ? [] : [.. container.EntryPoint],
        container.Environment is null ? [] : [.. container.Environment.Select(e => new KeyValue(e?.Name ?? "", e?.Value ?? ""))],
        container.Secrets is null ? [] : [.. container.Secrets.Select(s => new Secret(
            s?.Name ?? throw EcsErrors.Missing.With("secrets.name"),
            s.ValueFrom ?? throw EcsErrors.Missing.With("secrets.valueFrom")))],
        container.LogConfiguration is null ? null : ToDomain(container.LogConfiguration, $"{path}.logConfiguration"),
        container.HealthCheck is null ? null : ToDomain(container.HealthCheck),
        container.Hostname,
        container.Privileged,
        KeptMembers(container.Extra, NoDroppedMembers));

    private static PortMapping ToDomain(PortMappingShape mapping, string path)
    {
        if (mapping.ContainerPortRange is not null)
            throw EcsErrors.ContainerPortRangeNotSimulated.With();
        return new PortMapping(
            mapping.ContainerPort ?? throw EcsErrors.Missing.With("containerPort"),
            mapping.HostPort,
            mapping.Protocol is null ? "tcp" : ParseEnum(mapping.Protocol, $"{path}.protocol", EcsWireNames.Protocols),
            mapping.Name,
            mapping.AppProtocol is null ? null : ParseEnum(mapping.AppProtocol, $"{path}.appProtocol", EcsWireNames.AppProtocols));
    }

    private static LogConfiguration ToDomain(LogConfigurationShape log, string path) =>
        new(ParseEnum(log.LogDriver ?? throw EcsErrors.Missing.With("logConfiguration.logDriver"), $"{path}.logDriver", EcsWireNames.LogDrivers),
            (log.Options ?? []).ToImmutableDictionary(StringComparer.Ordinal))
        {
            Extra = KeptMembers(log.Extra, NoDroppedMembers),
        };

    private static HealthCheck ToDomain(HealthCheckShape check) => new(
        check.Command is { Count: > 0 } command ? [.. command] : throw EcsErrors.Missing.With("healthCheck.command"),
        check.Interval ?? 30,
        check.Timeout ?? 5,
        check.Retries ?? 3,
        check.StartPeriod ?? 0);

    private static RuntimePlatform? ToDomain(RuntimePlatformShape? platform) => platform is null ? null : new(
        platform.OperatingSystemFamily is null ? null
            : ParseEnum(platform.OperatingSystemFamily, "runtimePlatform.operatingSystemFamily", EcsWireNames.OperatingSystemFamilies),
        platform.CpuArchitecture is null ? null
            : ParseEnum(platform.CpuArchitecture, "runtimePlatform.cpuArchitecture", EcsWireNames.CpuArchitectures));

    private static ContainerDefinitionShape ToShape(ContainerDefinition container) => new()
    {
        Name = container.Name,
        Image = container.Image,
        Cpu = container.Cpu,
        Memory = container.Memory,
        MemoryReservation = container.MemoryReservation,
        PortMappings = [.. container.PortMappings.Select(p => new PortMappingShape
        {
            ContainerPort = p.ContainerPort,
            HostPort = p.HostPort,
            Protocol = p.Protocol,
            Name = p.Name,
            AppProtocol = p.AppProtocol,
        })],
        Essential = container.Essential,
        EntryPoint = container.EntryPoint.IsDefaultOrEmpty ? null : [.. container.EntryPoint],
        Command = container.Command.IsDefaultOrEmpty ? null : [.. container.Command],
        Environment = [.. container.Environment.Select(e => new KeyValuePairShape { Name = e.Name, Value = e.Value })],
        Secrets = container.Secrets.IsDefaultOrEmpty ? null : [.. container.Secrets.Select(s => new SecretShape { Name = s.Name, ValueFrom = s.ValueFrom })],
        Hostname = container.Hostname,
        Privileged = container.Privileged,
        LogConfiguration = container.LogConfiguration is { } log
            ? new LogConfigurationShape
            {
                LogDriver = log.LogDriver,
                Options = log.Options.IsEmpty ? null : log.Options.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal),
                Extra = log.Extra.IsEmpty ? null : log.Extra.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal),
            }
            : null,
        HealthCheck = container.HealthCheck is { } check
            ? new HealthCheckShape
            {
                Command = [.. check.Command],
                Interval = check.Interval,
                Timeout = check.Timeout,
                Retries = check.Retries,
                StartPeriod = check.StartPeriod == 0 ? null : check.StartPeriod,
            }
            : null,
        Extra = WithEmptyLists(container.Extra, "mountPoints", "volumesFrom"),
    };

    /// <summary>The members to keep from an extension-data dictionary, detached from the request's JSON document.</summary>
    private static ImmutableDictionary<string, JsonElement> KeptMembers(Dictionary<string, JsonElement>? extra, IReadOnlySet<string> dropped) =>
        extra is null ? ImmutableDictionary<string, JsonElement>.Empty
        : extra.Where(member => !dropped.Contains(member.Key))
            .ToImmutableDictionary(member => member.Key, member => member.Value.Clone(), StringComparer.Ordinal);

    /// <summary>
    /// The kept members plus an empty list for each named member the user left out (as ECS returns them),
    /// in name order so that the output is the same on every run.
    /// </summary>
    private static Dictionary<string, JsonElement> WithEmptyLists(ImmutableDictionary<string, JsonElement> extra, params string[] lists)
    {
        var members = new SortedDictionary<string, JsonElement>(extra, StringComparer.Ordinal);
        foreach (var list in lists) members.TryAdd(list, EmptyJsonList);
        return new Dictionary<string, JsonElement>(members, StringComparer.Ordinal);
    }

    private static readonly HashSet<string> NoDroppedMembers = [];

    private static readonly JsonElement EmptyJsonList = JsonDocument.Parse("[]").RootElement.Clone();

    private static string? RoleArnOrNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
