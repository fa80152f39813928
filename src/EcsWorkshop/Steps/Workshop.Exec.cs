using System.Net.Http.Json;
using System.Text.Json;
using EcsWorkshop.Aws;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop;

/// <summary>What a command run in a task's container (ECS Exec) printed, and its exit code.</summary>
public sealed record ExecOutput(string Task, string Container, string Command, string Output, string Error, long ExitCode);

public sealed partial class Workshop
{
    /// <summary>
    /// Step: run a command in a running container of a task started with <c>enableExecuteCommand</c> (ECS Exec), and
    /// answer what it printed and its exit code. On the simulator with the Docker runtime the command runs in the real
    /// container (the simulator's <c>/_workshop/exec</c>); on AWS, <c>aws ecs execute-command</c> needs the Session
    /// Manager plugin, so this step is the simulator's only.
    /// </summary>
    public Task<StepResult<ExecOutput>> ExecAsync(string task, string container, string command, string cluster = DefaultCluster,
        CancellationToken cancellationToken = default) =>
        Step("コンテナでコマンドを実行 (ECS Exec)", async () =>
        {
            if (Endpoint is not { } endpoint)
                throw new InvalidOperationException(
                    "AWS 上の ECS Exec は aws ecs execute-command --interactive で使います (Session Manager プラグインが必要です)。このステップはシミュレーター専用です。");
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            using var response = await http.PostAsJsonAsync(new Uri(endpoint, "/_workshop/exec"),
                new { cluster, task, container, command, region = Region }, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new AwsServiceException(body.GetProperty("__type").GetString() ?? "ServerException", body.GetProperty("message").GetString() ?? "",
                    response.StatusCode, null, "ecs", "ExecuteCommand");
            var output = new ExecOutput(body.GetProperty("taskArn").GetString() ?? task, body.GetProperty("containerName").GetString() ?? container, command,
                body.GetProperty("output").GetString() ?? "", body.GetProperty("error").GetString() ?? "", body.GetProperty("exitCode").GetInt64());
            return Result($"終了コード {output.ExitCode}", output,
                AwsCliCommand.For("ecs", "execute-command").With("cluster", cluster).With("task", task).With("container", container).With("command", command),
                "AWS では `--interactive` を付け、Session Manager プラグインを入れた端末で実行します。タスクは `enableExecuteCommand` を有効にして起動しておく必要があります。",
                ExplanationTopic.TaskLifecycle);
        });
}
