using EcsWorkshop.Aws;
using System.Collections.Immutable;
using System.Text.Json;

namespace EcsWorkshop.Docker;

/// <summary>One listener of the simulated load balancers as it really listens: its ARN, its port in the API, and its URL as reached from here (<see cref="SimulatorUrls"/>).</summary>
public sealed record ListenerEndpoint(string ListenerArn, string? LoadBalancerName, int Port, Uri Url);

/// <summary>The listeners the simulator's <c>/_workshop/endpoints</c> lists beside the tasks' ports (items with a <c>listenerArn</c>).</summary>
public static class ListenerEndpoints
{
    public static async Task<ImmutableArray<ListenerEndpoint>> ReadAsync(Uri simulator, CancellationToken cancellationToken = default, AwsClientSettings? signedAs = null)
    {
        using var http = SimulatorControlHttp.Create(TimeSpan.FromSeconds(5), signedAs);
        using var response = await http.GetAsync(new Uri(simulator, TaskEndpoints.Path), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) return [];
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        if (json.RootElement.ValueKind != JsonValueKind.Array) return [];
        var listeners = new List<ListenerEndpoint>();
        foreach (var item in json.RootElement.EnumerateArray())
        {
            if (Text(item, "listenerArn") is not { } arn || Text(item, "url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) continue;
            var port = item.TryGetProperty("port", out var p) && p.TryGetInt32(out var number) ? number : 0;
            listeners.Add(new ListenerEndpoint(arn, Text(item, "loadBalancerName"), port, SimulatorUrls.Reachable(simulator, uri)));
        }
        return [.. listeners];
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
