using System.Net.Http.Json;
using System.Text.Json;
using EcsWorkshop.Aws;

namespace EcsWorkshop.Docker;

/// <summary>What a command run in a task's container (ECS Exec) printed, and its exit code.</summary>
public sealed record ExecOutput(string Task, string Container, string Command, string Output, string Error, long ExitCode);

/// <summary>The simulator's <c>/_workshop/exec</c>: runs a command in a container of a running task (ECS Exec).</summary>
public static class TaskExec
{
    /// <summary>The path the simulator runs commands at.</summary>
    public const string Path = "/_workshop/exec";

    /// <summary>Runs <paramref name="command"/>; a refusal comes back as the <see cref="AwsServiceException"/> ECS would answer.</summary>
    public static async Task<ExecOutput> RunAsync(Uri simulator, string cluster, string task, string container, string command, string region,
        CancellationToken cancellationToken = default, AwsClientSettings? signedAs = null)
    {
        using var http = SimulatorControlHttp.Create(TimeSpan.FromMinutes(2), signedAs);
        using var response = await http.PostAsJsonAsync(new Uri(simulator, Path),
            new { cluster, task, container, command, region }, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new AwsServiceException(body.GetProperty("__type").GetString() ?? "ServerException", body.GetProperty("message").GetString() ?? "",
                response.StatusCode, null, "ecs", "ExecuteCommand");
        return new ExecOutput(body.GetProperty("taskArn").GetString() ?? task, body.GetProperty("containerName").GetString() ?? container, command,
            body.GetProperty("output").GetString() ?? "", body.GetProperty("error").GetString() ?? "", body.GetProperty("exitCode").GetInt64());
    }
}
