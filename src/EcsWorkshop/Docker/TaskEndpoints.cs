using EcsWorkshop.Aws;
using System.Collections.Immutable;
using System.Text.Json;
using EcsWorkshop.Facts.Arns;

namespace EcsWorkshop.Docker;

/// <summary>One published port of a running task: the loopback URL that reaches a container's port.</summary>
/// <param name="Cluster">The task's cluster (name or ARN, as the simulator lists it).</param>
/// <param name="TaskArn">The task.</param>
/// <param name="ContainerName">The container.</param>
/// <param name="ContainerPort">The container's port (<c>portMappings</c>).</param>
/// <param name="Url">Where it answers from here (<c>http://127.0.0.1:PORT</c>, or the room's address for a classroom on the LAN).</param>
public sealed record TaskEndpoint(string? Cluster, string TaskArn, string ContainerName, int ContainerPort, Uri Url)
{
    /// <summary>The task id (the last part of its ARN).</summary>
    public string TaskId => Arn.NameOf(TaskArn);
}

/// <summary>What the simulator's <c>/_workshop/endpoints</c> lists: the loopback URL of each running task's container ports.</summary>
public static class TaskEndpoints
{
    /// <summary>The path the simulator lists them at.</summary>
    public const string Path = "/_workshop/endpoints";

    /// <summary>The endpoints; empty when the simulator runs no container (the simulated runtime) or does not list them.</summary>
    public static async Task<ImmutableArray<TaskEndpoint>> ReadAsync(Uri simulator, CancellationToken cancellationToken = default, AwsClientSettings? signedAs = null)
    {
        using var http = SimulatorControlHttp.Create(TimeSpan.FromSeconds(5), signedAs);
        using var response = await http.GetAsync(new Uri(simulator, Path), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) return [];
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var list = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement
            : json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("endpoints", out var named) ? named
            : default;
        if (list.ValueKind != JsonValueKind.Array) return [];
        var endpoints = new List<TaskEndpoint>();
        foreach (var item in list.EnumerateArray())
        {
            if (Text(item, "taskArn") is not { } task || Text(item, "url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) continue;
            var port = item.TryGetProperty("containerPort", out var p) && p.TryGetInt32(out var number) ? number : 0;
            endpoints.Add(new TaskEndpoint(Text(item, "cluster"), task, Text(item, "containerName") ?? "", port, SimulatorUrls.Reachable(simulator, uri)));
        }
        return [.. endpoints];
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
