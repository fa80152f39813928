using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Docker;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop;

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
            var output = await TaskExec.RunAsync(endpoint, cluster, task, container, command, Region, cancellationToken, _aws.Settings).ConfigureAwait(false);
            return _results.Of($"終了コード {output.ExitCode}", output,
                AwsCliCommand.For("ecs", "execute-command").With("cluster", cluster).With("task", task).With("container", container).With("command", command),
                "AWS では `--interactive` を付け、Session Manager プラグインを入れた端末で実行します。タスクは `enableExecuteCommand` を有効にして起動しておく必要があります。",
                ExplanationTopic.TaskLifecycle);
        });
}
