using System.Text.Json;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Docker;

/// <summary>Which runtime a simulator runs tasks on, as its <c>/_workshop/health</c> says (<c>docker</c> or <c>simulated</c>).</summary>
public static class SimulatorRuntime
{
    /// <summary>The runtime whose tasks are real containers.</summary>
    public const string Docker = "docker";

    /// <summary>The runtime that only moves tasks through their states.</summary>
    public const string Simulated = "simulated";

    /// <summary>The <c>runtime</c> field of the health answer; null when the simulator does not say or does not answer.</summary>
    public static async Task<string?> ReadAsync(Uri endpoint, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            var body = await http.GetStringAsync(new Uri(endpoint, SimulatorServer.HealthPath), cancellationToken).ConfigureAwait(false);
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("runtime", out var runtime)
                && runtime.ValueKind == JsonValueKind.String ? runtime.GetString() : null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            return null;
        }
    }
}
