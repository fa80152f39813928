using EcsWorkshop.Facts.Arns;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Runtime.Docker;

/// <summary>
/// The task metadata endpoint v4 and the task role credentials, as files the pause container's web server serves at
/// 169.254.170.2:51679 inside the task's network namespace (nothing leaves the namespace):
/// <c>/v4/ID</c> (container), <c>/v4/ID/task</c>, <c>/v4/ID/stats</c>, <c>/v4/ID/task/stats</c> and
/// <c>/v2/credentials/UUID</c>. A path that is also a folder is served as the folder's index, after the server's
/// redirect to the same path with a slash (clients that follow redirects, as the SDKs and wget do, see no difference).
/// Field names are the ECS agent's.
/// </summary>
public sealed class TaskMetadataFiles(string root)
{
    /// <summary>The folder one task's documents live in (mounted read-only into its pause container).</summary>
    public string DirectoryOf(EcsTask task) => Path.Combine(root, task.Id);

    /// <summary>The id in a container's <c>ECS_CONTAINER_METADATA_URI_V4</c>: the task id, a dash and a number, as on Fargate.</summary>
    public static string EndpointId(EcsTask task, string containerName)
    {
        var hash = 2166136261u;
        foreach (var c in task.Arn + "/" + containerName) hash = (hash ^ c) * 16777619u;
        return $"{task.Id}-{hash % 9_000_000_000u + 1_000_000_000u}";
    }

    /// <summary>The credentials id of a task (stable, so a restarted simulator serves the same path).</summary>
    public static string CredentialsId(EcsTask task) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(task.Arn))[..16]).ToString();

    /// <summary>The variables ECS sets in every container of the task.</summary>
    public static Dictionary<string, string> EnvironmentFor(EcsTask task, TaskDefinition definition, string containerName)
    {
        var region = EcsArns.Of(task.Arn).Region;
        var id = EndpointId(task, containerName);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_EXECUTION_ENV"] = "AWS_ECS_FARGATE",
            ["AWS_REGION"] = region,
            ["AWS_DEFAULT_REGION"] = region,
            ["ECS_CONTAINER_METADATA_URI"] = $"{TaskContainerSpecs.MetadataBaseUrl}/v3/{id}",
            ["ECS_CONTAINER_METADATA_URI_V4"] = $"{TaskContainerSpecs.MetadataBaseUrl}/v4/{id}",
        };
        if ((task.Overrides.TaskRoleArn ?? definition.TaskRoleArn) is not null)
            // FULL_URI, not RELATIVE_URI: a relative one means port 80 of 169.254.170.2, and the server here listens on
            // 51679 (the SDKs accept a full URI on this link-local host).
            environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = $"{TaskContainerSpecs.MetadataBaseUrl}/v2/credentials/{CredentialsId(task)}";
        return environment;
    }

    /// <summary>Writes (or rewrites) every document of the task from its current state and the engine's view.</summary>
    public void Write(EcsTask task, TaskDefinition definition, IReadOnlyDictionary<string, string> dockerIds, IReadOnlyDictionary<string, JsonNode?> stats)
    {
        var directory = DirectoryOf(task);
        var containers = task.Containers.Select(c => ContainerDocument(task, definition, c, dockerIds.GetValueOrDefault(c.Name))).ToList();
        var taskDocument = TaskDocument(task, definition, containers);
        var taskStats = new JsonObject();
        foreach (var container in task.Containers)
            if (dockerIds.GetValueOrDefault(container.Name) is { } dockerId) taskStats[dockerId] = stats.GetValueOrDefault(container.Name)?.DeepClone();

        for (var i = 0; i < task.Containers.Length; i++)
        {
            foreach (var version in new[] { "v3", "v4" })
            {
                var folder = Path.Combine(directory, version, EndpointId(task, task.Containers[i].Name));
                WriteJson(Path.Combine(folder, "index.html"), containers[i]);
                WriteJson(Path.Combine(folder, "task", "index.html"), taskDocument);
                WriteJson(Path.Combine(folder, "stats", "index.html"), stats.GetValueOrDefault(task.Containers[i].Name) ?? new JsonObject());
                WriteJson(Path.Combine(folder, "task", "stats", "index.html"), taskStats);
            }
        }
        var roleArn = task.Overrides.TaskRoleArn ?? definition.TaskRoleArn;
        var credentials = Path.Combine(directory, "v2", "credentials", CredentialsId(task));
        if (roleArn is not null && !File.Exists(credentials)) WriteJson(credentials, Credentials(roleArn));
    }

    /// <summary>Removes the task's documents.</summary>
    public void Delete(EcsTask task)
    {
        try
        {
            if (Directory.Exists(DirectoryOf(task))) Directory.Delete(DirectoryOf(task), recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static JsonObject TaskDocument(EcsTask task, TaskDefinition definition, List<JsonObject> containers) => new()
    {
        ["Cluster"] = task.ClusterArn,
        ["TaskARN"] = task.Arn,
        ["Family"] = task.Family,
        ["Revision"] = TaskDefinitionReference.Parse(task.TaskDefinitionArn).RevisionText ?? "",
        ["DesiredStatus"] = StatusText(task.DesiredStatus),
        ["KnownStatus"] = StatusText(task.LastStatus),
        ["Limits"] = new JsonObject
        {
            ["CPU"] = int.TryParse(task.Cpu, out var cpu) ? cpu / 1024.0 : null,
            ["Memory"] = int.TryParse(task.Memory, out var memory) ? memory : null,
        },
        ["PullStartedAt"] = Time(task.PullStartedAt),
        ["PullStoppedAt"] = Time(task.PullStoppedAt),
        ["AvailabilityZone"] = task.AvailabilityZone,
        ["LaunchType"] = "FARGATE",
        ["Containers"] = new JsonArray([.. containers.Select(c => (JsonNode)c.DeepClone())]),
        ["ClockDrift"] = new JsonObject
        {
            ["ClockErrorBound"] = 0.5,
            ["ReferenceTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["ClockSynchronizationStatus"] = "SYNCHRONIZED",
        },
        ["EphemeralStorageMetrics"] = new JsonObject { ["Utilized"] = 0, ["Reserved"] = (task.EphemeralStorageGiB ?? 20) * 1024 },
        ["ServiceName"] = task.Group.StartsWith("service:", StringComparison.Ordinal) ? task.Group["service:".Length..] : null,
        ["FaultInjectionEnabled"] = false,
    };

    private static JsonObject ContainerDocument(EcsTask task, TaskDefinition definition, TaskContainer container, string? dockerId)
    {
        var source = definition.ContainerDefinitions.FirstOrDefault(c => c.Name == container.Name);
        var eni = task.NetworkInterface;
        return new JsonObject
        {
            ["DockerId"] = dockerId,
            ["Name"] = container.Name,
            ["DockerName"] = container.Name,
            ["Image"] = container.Image,
            ["ImageID"] = container.ImageDigest,
            ["Labels"] = new JsonObject
            {
                ["com.amazonaws.ecs.cluster"] = task.ClusterArn,
                ["com.amazonaws.ecs.container-name"] = container.Name,
                ["com.amazonaws.ecs.task-arn"] = task.Arn,
                ["com.amazonaws.ecs.task-definition-family"] = task.Family,
                ["com.amazonaws.ecs.task-definition-version"] = TaskDefinitionReference.Parse(task.TaskDefinitionArn).RevisionText ?? "",
            },
            ["DesiredStatus"] = StatusText(task.DesiredStatus),
            ["KnownStatus"] = StatusText(container.LastStatus),
            ["ExitCode"] = container.ExitCode,
            ["Limits"] = new JsonObject
            {
                ["CPU"] = int.TryParse(container.Cpu, out var cpu) ? cpu : 0,
                ["Memory"] = int.TryParse(container.Memory, out var memory) ? memory : null,
            },
            ["CreatedAt"] = Time(task.PullStoppedAt),
            ["StartedAt"] = Time(task.StartedAt),
            ["Type"] = "NORMAL",
            ["Networks"] = eni is null ? null : new JsonArray(new JsonObject
            {
                ["NetworkMode"] = "awsvpc",
                ["IPv4Addresses"] = new JsonArray(eni.PrivateIpv4Address),
                ["AttachmentIndex"] = 0,
                ["MACAddress"] = eni.MacAddress,
                ["PrivateDNSName"] = eni.PrivateDnsName,
            }),
            ["Health"] = container.HealthCheck is null ? null : new JsonObject { ["status"] = container.HealthStatus },
            ["LogDriver"] = source?.LogConfiguration?.LogDriver,
            ["LogOptions"] = source?.LogConfiguration is { } log ? new JsonObject([.. log.Options.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)o.Value))]) : null,
            ["ContainerARN"] = container.ContainerArn,
            ["Snapshotter"] = "overlayfs",
        };
    }

    private static JsonObject Credentials(string roleArn)
    {
        const string upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return new JsonObject
        {
            ["RoleArn"] = roleArn,
            ["AccessKeyId"] = "ASIA" + RandomNumberGenerator.GetString(upper, 16),
            ["SecretAccessKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)),
            ["Token"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)),
            ["Expiration"] = (DateTimeOffset.UtcNow + TimeSpan.FromHours(6)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
    }

    private static string StatusText(EcsTaskStatus status) => status.ToString().ToUpperInvariant();

    private static string? Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static void WriteJson(string path, JsonNode node)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".new";
        File.WriteAllText(temporary, node.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        File.Move(temporary, path, overwrite: true);
    }
}
