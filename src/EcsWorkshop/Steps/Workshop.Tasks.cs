using System.Collections.Immutable;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>Step: the cluster's tasks (of one service, when named), running or (<paramref name="stopped"/>) stopped.</summary>
    public Task<StepResult<ImmutableArray<TaskView>>> ListTasksAsync(string? service = null, string cluster = DefaultCluster, bool stopped = false,
        CancellationToken cancellationToken = default) =>
        Step("タスクの一覧", async () =>
        {
            var status = stopped ? DesiredStatuses.Stopped : null;
            var tasks = await DescribeTasksAsync(cluster, await ListTaskArnsAsync(cluster, service, cancellationToken, status).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            var command = AwsCliCommand.For("ecs", "list-tasks").With("cluster", cluster).With("service-name", service).With("desired-status", status);
            var note = stopped
                ? "`stopCode` と `stoppedReason` が止まった理由です。`ExplainStoppedTaskAsync(タスクID)` で日本語の説明が見られます。"
                : "`lastStatus` が PROVISIONING → PENDING → ACTIVATING → RUNNING と進みます。";
            return Result(stopped ? "止まったタスク" : "タスク", tasks, command, note, ExplanationTopic.TaskLifecycle);
        });

    /// <summary>
    /// Step: run standalone tasks (<c>aws ecs run-task</c>), outside any service; <paramref name="environment"/> and
    /// <paramref name="command"/> override the first container's (<c>--overrides</c>).
    /// </summary>
    public Task<StepResult<ImmutableArray<TaskView>>> RunTaskAsync(string taskDefinition, string cluster = DefaultCluster, int count = 1,
        IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? command = null, CancellationToken cancellationToken = default) =>
        Step("タスクの実行", async () =>
        {
            var network = await NetworkAsync(null, null, cancellationToken).ConfigureAwait(false);
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
                Tags = EcsTags,
            }, cancellationToken).ConfigureAwait(false);
            if (response.Failures is { Count: > 0 } failures)
                throw Missing("ClientException", string.Join("; ", failures.Select(f => $"{f.Arn}: {f.Reason} {f.Detail}")), "ecs", "RunTask");
            var vpc = network.AwsvpcConfiguration!;
            return Result("タスクを起動しました", Views.Sorted((response.Tasks ?? []).Select(Views.Of), t => t.Id),
                AwsCliCommand.For("ecs", "run-task").With("cluster", cluster).With("task-definition", taskDefinition).With("count", count)
                    .With("launch-type", LaunchTypes.Fargate)
                    .With("network-configuration", $"awsvpcConfiguration={{subnets=[{string.Join(',', vpc.Subnets!)}],securityGroups=[{string.Join(',', vpc.SecurityGroups ?? [])}]}}")
                    .With("overrides", overrides is null ? null : System.Text.Json.JsonSerializer.Serialize(new
                    {
                        containerOverrides = overrides.ContainerOverrides!.Select(o => new
                        {
                            name = o.Name,
                            command = o.Command,
                            environment = o.Environment?.Select(e => new { name = e.Name, value = e.Value }),
                        }),
                    }, OverridesJson)),
                "サービスの外で起動したタスクは、止まっても置き換えられません (`group` が `family:…`)。", ExplanationTopic.TaskLifecycle);
        });

    private static readonly System.Text.Json.JsonSerializerOptions OverridesJson = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Step: stop a task (<c>aws ecs stop-task</c>); a service's task is then replaced by the scheduler.</summary>
    public Task<StepResult<TaskView>> StopTaskAsync(string task, string cluster = DefaultCluster, string? reason = null, CancellationToken cancellationToken = default) =>
        Step("タスクの停止", async () =>
        {
            var response = await _aws.Ecs.StopTaskAsync(new StopTaskRequest { Cluster = cluster, Task = task, Reason = reason }, cancellationToken).ConfigureAwait(false);
            return Result("タスクを停止しています", Views.Of(response.Task!),
                AwsCliCommand.For("ecs", "stop-task").With("cluster", cluster).With("task", task).With("reason", reason),
                "`desiredStatus` が `STOPPED` になり、`lastStatus` が STOPPING などを経て STOPPED になります。サービスのタスクなら、スケジューラーが代わりを起動します。",
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
            var limit = timeout ?? (Mode == WorkshopMode.Simulator ? TimeSpan.FromMinutes(3) : TimeSpan.FromMinutes(10));
            var deadline = DateTime.UtcNow + limit;
            string? last = null;
            while (true)
            {
                var view = (await DescribeTasksAsync(cluster, [task], cancellationToken).ConfigureAwait(false)).FirstOrDefault()
                    ?? throw Missing("InvalidParameterException", "The referenced task was not found.", "ecs", "DescribeTasks");
                if (view.LastStatus != last)
                {
                    last = view.LastStatus;
                    ProgressOutput?.WriteLine($"タスク {view.Id}: {view.LastStatus}");
                }
                if (view.LastStatus == status)
                    return Result($"タスク {view.Id} は {status} になりました", view,
                        new AwsCliCommand("ecs", "wait", [new CliOption(status == DesiredStatuses.Running ? "tasks-running" : "tasks-stopped", null)])
                            .With("cluster", cluster).With("tasks", view.Id),
                        status == DesiredStatuses.Stopped && view.StoppedReason is { } reason ? $"停止理由: {reason}" : null,
                        ExplanationTopic.TaskLifecycle);
                if (view.LastStatus == DesiredStatuses.Stopped)
                    throw Errors.WorkshopStepException.Workshop("タスクの状態待ち", view.StopCode ?? "TaskStopped", $"タスク {view.Id} は {status} にならずに止まりました",
                        $"停止コード `{view.StopCode}`、停止理由「{view.StoppedReason}」で止まっています。",
                        ErrorCatalogue.Default.ExplainStoppedTask(view.StopCode, view.StoppedReason).Why.ToString(),
                        $"`await workshop.ExplainStoppedTaskAsync(\"{view.Id}\")` で理由と直し方を確認してください。",
                        $"Task {view.Id} stopped: {view.StoppedReason}");
                if (DateTime.UtcNow >= deadline)
                    throw Errors.WorkshopStepException.Workshop("タスクの状態待ち", "WaiterTimedOut", $"タスク {view.Id} は {limit.TotalSeconds:0} 秒のうちに {status} になりませんでした",
                        $"いまの状態は `{view.LastStatus}` です。", "起動や停止に時間がかかっています。",
                        "もう一度待つか、`ListTasksAsync` で様子を見てください。", $"Waiter timed out: {view.Id} is {view.LastStatus}");
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
        });

    /// <summary>Step: why a task stopped, explained in Japanese (its stop code and reason).</summary>
    public Task<StepResult<ErrorExplanation>> ExplainStoppedTaskAsync(string task, string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("タスクの停止理由", async () =>
        {
            var found = (await DescribeTasksAsync(cluster, [task], cancellationToken).ConfigureAwait(false)).FirstOrDefault()
                ?? throw Missing("InvalidParameterException", "The referenced task was not found.", "ecs", "DescribeTasks");
            var explanation = ErrorCatalogue.Default.ExplainStoppedTask(found.StopCode, found.StoppedReason);
            return Result($"タスク {found.Id} の停止理由", explanation,
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
            var found = (await DescribeTasksAsync(cluster, [task], cancellationToken).ConfigureAwait(false)).FirstOrDefault()
                ?? throw Missing("InvalidParameterException", "The referenced task was not found.", "ecs", "DescribeTasks");
            var definition = (await _aws.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = found.TaskDefinition! }, cancellationToken).ConfigureAwait(false)).TaskDefinition!;
            var container = (definition.ContainerDefinitions ?? []).FirstOrDefault(c => c.LogConfiguration?.LogDriver == LogDrivers.AwsLogs)
                ?? throw Errors.WorkshopStepException.Workshop("タスクのログ", "NoAwsLogs", "このタスクのコンテナはログを CloudWatch Logs に送っていません",
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
            return Result($"タスク {found.Id} のログ", view,
                AwsCliCommand.For("logs", "get-log-events").With("log-group-name", group).With("log-stream-name", stream),
                lines.Count > 0 && lines.All(l => l.Message.StartsWith("[ecs-workshop]", StringComparison.Ordinal))
                    ? "シミュレーションのランタイムではコンテナは実際には動かないので、`[ecs-workshop]` で始まる行 (起動・停止・終了コード) が書かれます。"
                    : "コンテナが標準出力・標準エラーに書いた行です。",
                ExplanationTopic.Awslogs);
        });

    internal async Task<IReadOnlyList<string>> ListTaskArnsAsync(string cluster, string? service, CancellationToken cancellationToken, string? desiredStatus = null)
    {
        var arns = new List<string>();
        await foreach (var arn in _aws.Ecs.ListAllTaskArnsAsync(new ListTasksRequest { Cluster = cluster, ServiceName = service, DesiredStatus = desiredStatus }, cancellationToken).ConfigureAwait(false))
            arns.Add(arn);
        return arns;
    }

    internal async Task<ImmutableArray<TaskView>> DescribeTasksAsync(string cluster, IReadOnlyList<string> tasks, CancellationToken cancellationToken)
    {
        var views = new List<TaskView>();
        foreach (var batch in tasks.Chunk(100))
        {
            var response = await _aws.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = batch }, cancellationToken).ConfigureAwait(false);
            views.AddRange((response.Tasks ?? []).Select(Views.Of));
        }
        return Views.Sorted(views, t => t.Id);
    }
}
