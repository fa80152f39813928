using System.Collections.Immutable;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Errors;
using EcsWorkshop.Provisioning;
using EcsWorkshop.Sessions;
using EcsWorkshop.Waiting;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>Step: the cluster's tasks (of one service, when named), running or (<paramref name="stopped"/>) stopped.</summary>
    public Task<StepResult<ImmutableArray<TaskView>>> ListTasksAsync(string? service = null, string cluster = DefaultCluster, bool stopped = false,
        CancellationToken cancellationToken = default) =>
        Step("タスクの一覧", async () =>
        {
            var status = stopped ? DesiredStatuses.Stopped : null;
            var tasks = await _ecs.DescribeTasksAsync(cluster, await _ecs.ListTaskArnsAsync(cluster, service, cancellationToken, status).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            var command = AwsCliCommand.For("ecs", "list-tasks").With("cluster", cluster).With("service-name", service).With("desired-status", status);
            var note = stopped
                ? "`stopCode` と `stoppedReason` が止まった理由です。`ExplainStoppedTaskAsync(タスクID)` で日本語の説明が見られます。"
                : "`lastStatus` が PROVISIONING → PENDING → ACTIVATING → RUNNING と進みます。";
            return _results.Of(stopped ? "止まったタスク" : "タスク", tasks, command, note, ExplanationTopic.TaskLifecycle);
        });

    /// <summary>
    /// Step: run standalone tasks (<c>aws ecs run-task</c>), outside any service; <paramref name="environment"/> and
    /// <paramref name="command"/> override the first container's (<c>--overrides</c>).
    /// </summary>
    public Task<StepResult<ImmutableArray<TaskView>>> RunTaskAsync(string taskDefinition, string cluster = DefaultCluster, int count = 1,
        IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? command = null, CancellationToken cancellationToken = default) =>
        Step("タスクの実行", async () =>
        {
            var network = await _networks.ChooseAsync(null, null, cancellationToken).ConfigureAwait(false);
            TaskOverride? overrides = null;
            if (environment is { Count: > 0 } || command is { Count: > 0 })
            {
                var definition = await _aws.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = taskDefinition }, cancellationToken).ConfigureAwait(false);
                overrides = new TaskOverride
                {
                    ContainerOverrides = [new ContainerOverride
                    {
                        Name = definition.TaskDefinition!.ContainerDefinitions![0].Name,
                        Environment = environment is { Count: > 0 } ? [.. environment.Select(e => new NameValuePair(e.Key, e.Value))] : null,
                        Command = command is { Count: > 0 } ? [.. command] : null,
                    }],
                };
            }
            var response = await _aws.Ecs.RunTaskAsync(new RunTaskRequest
            {
                Cluster = cluster,
                TaskDefinition = taskDefinition,
                Count = count,
                LaunchType = LaunchTypes.Fargate,
                NetworkConfiguration = network,
                Overrides = overrides,
                Tags = Tags.ForEcs(),
            }, cancellationToken).ConfigureAwait(false);
            if (response.Failures is { Count: > 0 } failures)
                throw new WorkshopStepException("タスクの実行", ErrorCatalogue.Default.ExplainFailure("RunTask", failures[0].Reason, failures[0].Detail, failures[0].Arn),
                    Missing("ClientException", string.Join("; ", failures.Select(f => $"{f.Arn}: {f.Reason} {f.Detail}")), "ecs", "RunTask"));
            return _results.Of("タスクを起動しました", Views.Sorted((response.Tasks ?? []).Select(Views.Of), t => t.Id),
                AwsCliCommand.For("ecs", "run-task").With("cluster", cluster).With("task-definition", taskDefinition).With("count", count)
                    .With("launch-type", LaunchTypes.Fargate)
                    .With("network-configuration", TaskNetworks.CliValue(network))
                    .With("overrides", TaskOverridesCliValue.Of(overrides)),
                "サービスの外で起動したタスクは、止まっても置き換えられません (`group` が `family:…`)。", ExplanationTopic.TaskLifecycle);
        });

    /// <summary>Step: stop a task (<c>aws ecs stop-task</c>); a service's task is then replaced by the scheduler.</summary>
    public Task<StepResult<TaskView>> StopTaskAsync(string task, string cluster = DefaultCluster, string? reason = null, CancellationToken cancellationToken = default) =>
        Step("タスクの停止", async () =>
        {
            var response = await _aws.Ecs.StopTaskAsync(new StopTaskRequest { Cluster = cluster, Task = task, Reason = reason }, cancellationToken).ConfigureAwait(false);
            return _results.Of("タスクを停止しています", Views.Of(response.Task!),
                AwsCliCommand.For("ecs", "stop-task").With("cluster", cluster).With("task", task).With("reason", reason),
                "`desiredStatus` が `STOPPED` になり、`lastStatus` が STOPPING などを経て STOPPED になります。サービスのタスクなら、サービススケジューラが代わりを起動します。",
                ExplanationTopic.TaskLifecycle);
        });

    /// <summary>
    /// Step: wait until a task reaches <paramref name="status"/> (<c>RUNNING</c> or <c>STOPPED</c>), as
    /// <c>aws ecs wait tasks-running</c> / <c>tasks-stopped</c> do, printing each status it passes. Waiting for
    /// RUNNING fails, with the reason explained, when the task stops instead.
    /// </summary>
    public Task<StepResult<TaskView>> WaitForTaskAsync(string task, string status = DesiredStatuses.Running, TimeSpan? timeout = null,
        string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("タスクの状態待ち", async () =>
        {
            if (status is not (DesiredStatuses.Running or DesiredStatuses.Stopped))
                throw new ArgumentException($"待てる状態は `{DesiredStatuses.Running}` か `{DesiredStatuses.Stopped}` です (`{status}` は待てません)。", nameof(status));
            var seen = new ChangeReporter<TaskView>(view => $"タスク {view.Id}: {view.LastStatus}", null, ProgressOutput);
            var waited = await _waiter.UntilAsync(async ct =>
            {
                var view = await _ecs.DescribeTaskAsync(cluster, task, ct).ConfigureAwait(false);
                seen.Saw(view);
                if (view.LastStatus == DesiredStatuses.Stopped && status != DesiredStatuses.Stopped) throw WaitFailures.StoppedInstead(view, status);
                return view;
            }, view => view.LastStatus == status, timeout, cancellationToken).ConfigureAwait(false);
            var reached = waited.Reached ? waited.Last : throw WaitFailures.TimedOut(waited.Last, status, waited.Limit);
            return _results.Of($"タスク {reached.Id} は {status} になりました", reached,
                new AwsCliCommand("ecs", "wait", [new CliOption(status == DesiredStatuses.Running ? "tasks-running" : "tasks-stopped", null)])
                    .With("cluster", cluster).With("tasks", reached.Id),
                status == DesiredStatuses.Stopped && reached.StoppedReason is { } reason ? $"停止理由: {reason}" : null,
                ExplanationTopic.TaskLifecycle);
        });

    /// <summary>
    /// Step: why a task stopped, explained in Japanese with AWS's cause, fix and page: its stop code and reason, or a
    /// container's reason when that says more (<c>OutOfMemoryError: Container killed due to memory usage</c>).
    /// </summary>
    public Task<StepResult<ErrorExplanation>> ExplainStoppedTaskAsync(string task, string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("タスクの停止理由", async () =>
        {
            var found = await _ecs.DescribeTaskAsync(cluster, task, cancellationToken).ConfigureAwait(false);
            var explanation = ErrorCatalogue.Default.ExplainStoppedTask(found);
            return _results.Of($"タスク {found.Id} の停止理由", explanation,
                AwsCliCommand.For("ecs", "describe-tasks").With("cluster", cluster).With("tasks", found.Id),
                found.LastStatus == "STOPPED" ? null : $"このタスクはまだ止まっていません (`lastStatus` は `{found.LastStatus}`)。",
                ExplanationTopic.TaskLifecycle);
        });

    /// <summary>
    /// Step: a task's log lines from CloudWatch Logs (<c>aws logs get-log-events</c>), from the stream its awslogs
    /// container writes (<c>PREFIX/CONTAINER/TASK-ID</c>).
    /// </summary>
    public Task<StepResult<LogLinesView>> TaskLogsAsync(string task, string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("タスクのログ", async () =>
        {
            var found = await _ecs.DescribeTaskAsync(cluster, task, cancellationToken).ConfigureAwait(false);
            var definition = (await _aws.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = found.TaskDefinition! }, cancellationToken).ConfigureAwait(false)).TaskDefinition!;
            var container = (definition.ContainerDefinitions ?? []).FirstOrDefault(c => c.LogConfiguration?.LogDriver == LogDrivers.AwsLogs)
                ?? throw WorkshopStepException.Workshop("タスクのログ", "NoAwsLogs", "このタスクのコンテナはログを CloudWatch Logs に送っていません",
                    $"タスク定義 `{definition.Family}:{definition.Revision}` に、ログドライバー `awslogs` のコンテナがありません。",
                    "コンテナの出力は、タスク定義の `logConfiguration` で `awslogs` を指定したときだけ CloudWatch Logs に届きます。",
                    "`FargateTaskDefinition` の `AwsLogs = true` (既定) で新しいリビジョンを登録し、デプロイしてください。",
                    "No container with the awslogs log driver.");
            var group = Views.Option(container.LogConfiguration, "awslogs-group")!;
            var prefix = Views.Option(container.LogConfiguration, "awslogs-stream-prefix");
            var stream = prefix is null ? found.Id : $"{prefix}/{container.Name}/{found.Id}";
            var lines = new List<LogLineView>();
            try
            {
                await foreach (var e in _aws.Logs.GetAllLogEventsAsync(new GetLogEventsRequest { LogGroupName = group, LogStreamName = stream, StartFromHead = true }, cancellationToken).ConfigureAwait(false))
                    lines.Add(new LogLineView(e.Timestamp ?? DateTimeOffset.MinValue, e.Message ?? "", stream));
            }
            catch (Aws.AwsServiceException e) when (e.ErrorCode == "ResourceNotFoundException" && found.LastStatus != "STOPPED")
            {
                // The stream appears when the container starts writing; until then there is nothing to show.
            }
            var view = new LogLinesView { LogGroup = group, LogStream = stream, Lines = [.. lines] };
            return _results.Of($"タスク {found.Id} のログ", view,
                AwsCliCommand.For("logs", "get-log-events").With("log-group-name", group).With("log-stream-name", stream),
                lines.Count > 0 && lines.All(l => l.Message.StartsWith("[ecs-workshop]", StringComparison.Ordinal))
                    ? "シミュレーションのランタイムではコンテナは実際には動かないので、`[ecs-workshop]` で始まる行 (起動・停止・終了コード) が書かれます。"
                    : "コンテナが標準出力・標準エラーに書いた行です。",
                ExplanationTopic.Awslogs);
        });
}
