using EcsWorkshop.Facts.Arns;
using System.Globalization;
using System.Text.Json;
using Docker.DotNet.Models;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Runtime.Docker;

/// <summary>
/// The engine's create-container requests for one task, as ECS builds an awsvpc task: a pause container holding the
/// task's network namespace (it publishes every port mapping on a free port of the published address, 127.0.0.1 by default, and serves the task metadata
/// and credentials at 169.254.170.2:51679 inside the namespace), and each container of the task definition joining it.
/// </summary>
public sealed class TaskContainerSpecs(string stateLabel, string publishedHostIp = "127.0.0.1")
{
    /// <summary>The link-local address ECS serves task metadata and credentials on, inside the task.</summary>
    public const string MetadataAddress = "169.254.170.2";

    /// <summary>
    /// The port the metadata server listens on inside the task: the ECS agent's own port on EC2 (51679). Fargate serves
    /// the endpoint on port 80 outside the task's namespace; here the server shares the namespace with the task's
    /// containers, so port 80 stays free for an app that listens on every address.
    /// </summary>
    public const int MetadataPort = 51679;

    /// <summary>The endpoint's base URL as the task's containers reach it.</summary>
    public static string MetadataBaseUrl => $"http://{MetadataAddress}:{MetadataPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Where the pause container reads the documents the runtime writes.</summary>
    private const string MetadataMount = "/md";

    /// <summary>The stop timeout when the container definition gives none (ECS's default).</summary>
    public const int DefaultStopTimeoutSeconds = 30;

    /// <summary>The docker name of a task's container (unique per simulator).</summary>
    public string DockerName(EcsTask task, string containerName) =>
        $"ecsw-{WorkshopLabels.ShortTag(stateLabel)}-{task.Id}-{(containerName == WorkshopLabels.PauseContainerName ? "pause" : containerName)}";

    public Dictionary<string, string> Labels(EcsTask task, string containerName) => new()
    {
        [WorkshopLabels.StateDirectory] = stateLabel,
        [WorkshopLabels.TaskArn] = task.Arn,
        [WorkshopLabels.ContainerName] = containerName,
        ["com.amazonaws.ecs.cluster"] = task.ClusterArn,
        ["com.amazonaws.ecs.container-name"] = containerName,
        ["com.amazonaws.ecs.task-arn"] = task.Arn,
        ["com.amazonaws.ecs.task-definition-family"] = task.Family,
        ["com.amazonaws.ecs.task-definition-version"] = TaskDefinitionReference.Parse(task.TaskDefinitionArn).RevisionText ?? "",
    };

    /// <summary>The pause container: network namespace, published ports, metadata server.</summary>
    public CreateContainerParameters Pause(EcsTask task, string image, string metadataDirectory)
    {
        var ports = task.Containers.SelectMany(c => c.PortMappings).Select(PortKey).Distinct().ToList();
        var script = $"ip addr add {MetadataAddress}/32 dev lo && exec httpd -f -p {MetadataAddress}:{MetadataPort.ToString(CultureInfo.InvariantCulture)} -h {MetadataMount}";
        return new CreateContainerParameters
        {
            Name = DockerName(task, WorkshopLabels.PauseContainerName),
            Image = image,
            Entrypoint = ["/bin/sh", "-c"],
            Cmd = [script],
            Hostname = task.NetworkInterface?.PrivateDnsName.Split('.')[0]!,
            Labels = Labels(task, WorkshopLabels.PauseContainerName),
            ExposedPorts = ports.ToDictionary(p => p, _ => new EmptyStruct()),
            HostConfig = new HostConfig
            {
                CapAdd = ["NET_ADMIN"],
                Binds = [$"{metadataDirectory}:{MetadataMount}:ro"],
                PortBindings = ports.ToDictionary(p => p, _ => (IList<PortBinding>)[new PortBinding { HostIP = publishedHostIp, HostPort = "" }]),
                Memory = 32 * 1024 * 1024,
            },
        };
    }

    /// <summary>A container of the task definition, joined to the pause container's namespace.</summary>
    public CreateContainerParameters App(
        EcsTask task, TaskDefinition definition, TaskContainer container, string image, string pauseId, IReadOnlyDictionary<string, string> extraEnvironment)
    {
        var source = definition.ContainerDefinitions.First(c => c.Name == container.Name);
        var containerOverride = task.Overrides.ContainerOverrides.FirstOrDefault(o => o.Name == container.Name);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!source.Environment.IsDefault) foreach (var variable in source.Environment) environment[variable.Name] = variable.Value;
        if (containerOverride is { Environment.IsDefault: false })
            foreach (var variable in containerOverride.Environment) environment[variable.Name] = variable.Value;
        foreach (var (name, value) in extraEnvironment) environment[name] = value;
        var command = containerOverride?.Command is { IsDefault: false } overridden ? overridden : source.Command;

        var memory = MiB(container.Memory ?? (int.TryParse(task.Memory, out var taskMemory) ? taskMemory.ToString(CultureInfo.InvariantCulture) : null));
        var parameters = new CreateContainerParameters
        {
            Name = DockerName(task, container.Name),
            Image = image,
            Labels = Labels(task, container.Name),
            Env = [.. environment.Select(e => $"{e.Key}={e.Value}")],
            Cmd = command.IsDefaultOrEmpty ? null : [.. command],
            Entrypoint = source.EntryPoint.IsDefaultOrEmpty ? null : [.. source.EntryPoint],
            WorkingDir = ExtraString(source, "workingDirectory")!,
            User = ExtraString(source, "user")!,
            StopTimeout = TimeSpan.FromSeconds(StopTimeoutSeconds(source)),
            Healthcheck = source.HealthCheck is { } check ? HealthConfig(check) : null,
            HostConfig = new HostConfig
            {
                NetworkMode = $"container:{pauseId}",
                Init = ExtraBool(source, "linuxParameters", "initProcessEnabled"),
                Memory = memory,
                // Fargate gives containers no swap: the memory limit is the limit.
                MemorySwap = memory > 0 ? memory : 0,
                MemoryReservation = MiB(container.MemoryReservation),
                NanoCPUs = int.TryParse(task.Cpu, out var taskCpu) ? taskCpu * 1_000_000_000L / 1024 : 0,
                CPUShares = int.TryParse(container.Cpu, out var shares) && shares >= 2 ? shares : 0,
                ReadonlyRootfs = ExtraBool(source, "readonlyRootFilesystem") ?? false,
            },
        };
        return parameters;
    }

    /// <summary>The stop timeout of a container: its <c>stopTimeout</c>, else 30 seconds (Fargate allows up to 120).</summary>
    public static int StopTimeoutSeconds(ContainerDefinition definition) =>
        definition.Extra.TryGetValue("stopTimeout", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var seconds)
            ? Math.Clamp(seconds, 0, 120)
            : DefaultStopTimeoutSeconds;

    /// <summary>The dependsOn entries of a container (condition START, COMPLETE, SUCCESS or HEALTHY).</summary>
    public static IReadOnlyList<(string Container, string Condition)> DependsOn(ContainerDefinition definition)
    {
        if (!definition.Extra.TryGetValue("dependsOn", out var value) || value.ValueKind != JsonValueKind.Array) return [];
        return [.. value.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("containerName", out _) && e.TryGetProperty("condition", out _))
            .Select(e => (e.GetProperty("containerName").GetString() ?? "", e.GetProperty("condition").GetString() ?? "START"))];
    }

    public static string PortKey(PortMapping mapping) =>
        $"{mapping.ContainerPort.ToString(CultureInfo.InvariantCulture)}/{(mapping.Protocol is { Length: > 0 } p ? p.ToLowerInvariant() : "tcp")}";

    private static HealthcheckConfig HealthConfig(HealthCheck check) => new()
    {
        Test = [.. check.Command],
        Interval = TimeSpan.FromSeconds(check.Interval > 0 ? check.Interval : 30),
        Timeout = TimeSpan.FromSeconds(check.Timeout > 0 ? check.Timeout : 5),
        Retries = check.Retries > 0 ? check.Retries : 3,
        StartPeriod = check.StartPeriod > 0 ? TimeSpan.FromSeconds(check.StartPeriod) : null,
    };

    private static long MiB(string? value) => int.TryParse(value, out var mib) && mib > 0 ? mib * 1024L * 1024L : 0;

    private static string? ExtraString(ContainerDefinition definition, string name) =>
        definition.Extra.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? ExtraBool(ContainerDefinition definition, string name, string? inner = null)
    {
        if (!definition.Extra.TryGetValue(name, out var value)) return null;
        if (inner is not null)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(inner, out value)) return null;
        }
        return value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };
    }
}
