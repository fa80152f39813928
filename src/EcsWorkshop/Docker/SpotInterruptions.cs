using System.Net.Http.Json;
using System.Text.Json;
using EcsWorkshop.Aws;

namespace EcsWorkshop.Docker;

/// <summary>
/// The simulator's <c>/_workshop/spot-interruption</c>: makes Fargate Spot take a task's capacity back (the task gets
/// the two-minute warning and stops with <c>SpotInterruption</c>). AWS has no such call: there, AWS decides.
/// </summary>
public static class SpotInterruptions
{
    /// <summary>The path of the control.</summary>
    public const string Path = "/_workshop/spot-interruption";

    /// <summary>Interrupts a task (ARN or id); a refusal comes back as the <see cref="AwsServiceException"/> the simulator answered.</summary>
    public static async Task InterruptAsync(Uri simulator, string cluster, string task, string region, CancellationToken cancellationToken = default, AwsClientSettings? signedAs = null)
    {
        using var http = SimulatorControlHttp.Create(TimeSpan.FromSeconds(30), signedAs);
        using var response = await http.PostAsJsonAsync(new Uri(simulator, Path), new { cluster, task, region }, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
        throw new AwsServiceException(body.GetProperty("__type").GetString() ?? "ServerException", body.GetProperty("message").GetString() ?? "",
            response.StatusCode, null, "ecs", "SpotInterruption");
    }
}
