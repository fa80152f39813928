using System.Net.Http.Json;
using System.Text.Json;
using EcsWorkshop.Aws;

namespace EcsWorkshop.Docker;

/// <summary>The load the simulator now shows on a service: its running tasks' average CPU and memory utilization.</summary>
public sealed record ServiceLoad(string ServiceArn, int RunningCount, double? CpuPercent, double? MemoryPercent);

/// <summary>
/// The simulator's <c>/_workshop/load</c> (simulated runtime): sets the CPU and memory utilization a service's running
/// tasks show from now on. The work behind it stays the same, so more tasks share it and fewer concentrate it.
/// </summary>
public static class ServiceLoadControl
{
    /// <summary>The path the simulator takes the load at.</summary>
    public const string Path = "/_workshop/load";

    /// <summary>Sets the load; a refusal comes back as the <see cref="AwsServiceException"/> the simulator answered.</summary>
    public static async Task<ServiceLoad> SetAsync(Uri simulator, string cluster, string service, double? cpuPercent, double? memoryPercent, string region,
        CancellationToken cancellationToken = default, AwsClientSettings? signedAs = null)
    {
        using var http = SimulatorControlHttp.Create(TimeSpan.FromSeconds(30), signedAs);
        using var response = await http.PostAsJsonAsync(new Uri(simulator, Path),
            new { cluster, service, cpuPercent, memoryPercent, region }, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new AwsServiceException(body.GetProperty("__type").GetString() ?? "ServerException", body.GetProperty("message").GetString() ?? "",
                response.StatusCode, null, "application-autoscaling", "SetServiceLoad");
        return new ServiceLoad(
            body.GetProperty("serviceArn").GetString() ?? service,
            body.GetProperty("runningCount").GetInt32(),
            Percent(body, "cpuPercent"),
            Percent(body, "memoryPercent"));
    }

    private static double? Percent(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
