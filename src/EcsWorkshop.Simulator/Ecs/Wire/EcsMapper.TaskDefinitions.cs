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
        request.NetworkMode is null ? null : ParseEnum(request.NetworkMode, "networkMode", TaskDefinitionWireNames.NetworkModes),
        request.RequiresCompatibilities is null ? [] : [.. request.RequiresCompatibilities.Select((c, i) =>
            ParseEnum(c ?? "", $"requiresCompatibilities.{i + 1}.member", TaskDefinitionWireNames.Compatibilities))],
        request.Cpu,
        request.Memory,
        RoleArnOrNull(request.TaskRoleArn),
        RoleArnOrNull(request.ExecutionRoleArn),
        ToDomain(request.RuntimePlatform),
        request.EphemeralStorage is null ? null
            : request.EphemeralStorage.SizeInGiB ?? throw EcsErrors.Missing.With("ephemeralStorage.sizeInGiB"),
        request.PidMode is null ? null : ParseEnum(request.PidMode, "pidMode", TaskDefinitionWireNames.PidModes),
        request.IpcMode is null ? null : ParseEnum(request.IpcMode, "ipcMode", TaskDefinitionWireNames.IpcModes),
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
        NetworkMode = definition.NetworkMode is { } mode ? TaskDefinitionRules.WireName(mode) : null,
        Revision = definition.Revision,
        Status = TaskDefinitionWireNames.Status(definition.Status),
        RequiresAttributes = [.. RequiredAttributes.Of(definition).Select(name => new AttributeShape { Name = name })],
        Compatibilities = [.. definition.Compatibilities.Select(TaskDefinitionWireNames.Compatibility)],
        RuntimePlatform = definition.RuntimePlatform is { } platform
            ? new RuntimePlatformShape
            {
                CpuArchitecture = platform.CpuArchitecture is { } architecture ? TaskDefinitionWireNames.Architecture(architecture) : null,
                OperatingSystemFamily = platform.OperatingSystemFamily,
            }
            : null,
        RequiresCompatibilities = definition.RequiresCompatibilities.IsDefaultOrEmpty ? null
            : [.. definition.RequiresCompatibilities.Select(TaskDefinitionWireNames.Compatibility)],
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
            mapping.Protocol is null ? "tcp" : ParseEnum(mapping.Protocol, $"{path}.protocol", TaskDefinitionWireNames.Protocols),
            mapping.Name,
            mapping.AppProtocol is null ? null : ParseEnum(mapping.AppProtocol, $"{path}.appProtocol", TaskDefinitionWireNames.AppProtocols));
    }

    private static LogConfiguration ToDomain(LogConfigurationShape log, string path) =>
        new(ParseEnum(log.LogDriver ?? throw EcsErrors.Missing.With("logConfiguration.logDriver"), $"{path}.logDriver", TaskDefinitionWireNames.LogDrivers),
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
            : ParseEnum(platform.OperatingSystemFamily, "runtimePlatform.operatingSystemFamily", TaskDefinitionWireNames.OperatingSystemFamilies),
        platform.CpuArchitecture is null ? null
            : ParseEnum(platform.CpuArchitecture, "runtimePlatform.cpuArchitecture", TaskDefinitionWireNames.Architectures));

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

    /// <summary>The wire names of the task definition enums (exactly as the ECS API model spells them).</summary>
    internal static class TaskDefinitionWireNames
    {
        public static readonly IReadOnlyDictionary<string, NetworkMode> NetworkModes = new Dictionary<string, NetworkMode>
        {
            ["bridge"] = NetworkMode.Bridge, ["host"] = NetworkMode.Host, ["awsvpc"] = NetworkMode.Awsvpc, ["none"] = NetworkMode.None,
        };

        public static readonly IReadOnlyDictionary<string, LaunchType> Compatibilities = new Dictionary<string, LaunchType>
        {
            ["EC2"] = LaunchType.Ec2, ["FARGATE"] = LaunchType.Fargate, ["EXTERNAL"] = LaunchType.External,
        };

        public static readonly IReadOnlyDictionary<string, CpuArchitecture> Architectures = new Dictionary<string, CpuArchitecture>
        {
            ["X86_64"] = CpuArchitecture.X86_64, ["ARM64"] = CpuArchitecture.Arm64,
        };

        public static readonly IReadOnlyDictionary<string, string> OperatingSystemFamilies = Identity(
            "WINDOWS_SERVER_2019_FULL", "WINDOWS_SERVER_2019_CORE", "WINDOWS_SERVER_2016_FULL", "WINDOWS_SERVER_2004_CORE",
            "WINDOWS_SERVER_2022_CORE", "WINDOWS_SERVER_2022_FULL", "WINDOWS_SERVER_2025_CORE", "WINDOWS_SERVER_2025_FULL",
            "WINDOWS_SERVER_20H2_CORE", "LINUX");

        public static readonly IReadOnlyDictionary<string, string> PidModes = Identity("host", "task");
        public static readonly IReadOnlyDictionary<string, string> IpcModes = Identity("host", "task", "none");
        public static readonly IReadOnlyDictionary<string, string> Protocols = Identity("tcp", "udp");
        public static readonly IReadOnlyDictionary<string, string> AppProtocols = Identity("http", "http2", "grpc");
        public static readonly IReadOnlyDictionary<string, string> LogDrivers = Identity(
            "json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "awsfirelens");

        public static readonly IReadOnlyDictionary<string, TaskDefinitionStatus> Statuses = new Dictionary<string, TaskDefinitionStatus>
        {
            ["ACTIVE"] = TaskDefinitionStatus.Active, ["INACTIVE"] = TaskDefinitionStatus.Inactive,
            ["DELETE_IN_PROGRESS"] = TaskDefinitionStatus.DeleteInProgress,
        };

        public static readonly IReadOnlyDictionary<string, TaskDefinitionFamilyStatus> FamilyStatuses = new Dictionary<string, TaskDefinitionFamilyStatus>
        {
            ["ACTIVE"] = TaskDefinitionFamilyStatus.Active, ["INACTIVE"] = TaskDefinitionFamilyStatus.Inactive,
            ["ALL"] = TaskDefinitionFamilyStatus.All,
        };

        public static readonly IReadOnlyDictionary<string, bool> SortDescending = new Dictionary<string, bool> { ["ASC"] = false, ["DESC"] = true };

        public static readonly IReadOnlyDictionary<string, string> Fields = Identity("TAGS");

        public static string Compatibility(LaunchType launchType) => Compatibilities.First(c => c.Value == launchType).Key;

        public static string Architecture(CpuArchitecture architecture) => Architectures.First(a => a.Value == architecture).Key;

        public static string Status(TaskDefinitionStatus status) => Statuses.First(s => s.Value == status).Key;

        private static Dictionary<string, string> Identity(params string[] names) => names.ToDictionary(n => n, n => n, StringComparer.Ordinal);
    }
}
