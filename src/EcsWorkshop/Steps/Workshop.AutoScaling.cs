using EcsWorkshop.Aws.AutoScaling;
using EcsWorkshop.Aws.AutoScaling.Model;
using System.Collections.Immutable;
using EcsWorkshop.Display.Diagrams;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Docker;
using EcsWorkshop.Results;
using EcsWorkshop.Waiting;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>
    /// Step: register a service as a scalable target of Application Auto Scaling
    /// (<c>aws application-autoscaling register-scalable-target</c>), between <paramref name="minCapacity"/> and
    /// <paramref name="maxCapacity"/> tasks.
    /// </summary>
    public Task<StepResult<ScalableTarget>> RegisterScalableTargetAsync(string service, int minCapacity, int maxCapacity, string cluster = DefaultCluster,
        CancellationToken cancellationToken = default) =>
        Step("サービスの Auto Scaling に登録", async () =>
        {
            var resourceId = ApplicationAutoScalingClient.ServiceResourceId(cluster, service);
            await _aws.AutoScaling.RegisterScalableTargetAsync(new RegisterScalableTargetRequest
            {
                ServiceNamespace = ApplicationAutoScalingClient.EcsNamespace,
                ResourceId = resourceId,
                ScalableDimension = ApplicationAutoScalingClient.DesiredCount,
                MinCapacity = minCapacity,
                MaxCapacity = maxCapacity,
            }, cancellationToken).ConfigureAwait(false);
            var target = (await _aws.AutoScaling.DescribeScalableTargetsAsync(new DescribeScalableTargetsRequest
            {
                ServiceNamespace = ApplicationAutoScalingClient.EcsNamespace,
                ResourceIds = [resourceId],
            }, cancellationToken).ConfigureAwait(false)).ScalableTargets.Single();
            Timeline(cluster, service, t => t with { MinCapacity = target.MinCapacity, MaxCapacity = target.MaxCapacity });
            return _results.Of($"{resourceId}: 最小タスク数 {target.MinCapacity} / 最大タスク数 {target.MaxCapacity}", target,
                AwsCliCommand.For("application-autoscaling", "register-scalable-target")
                    .With("service-namespace", ApplicationAutoScalingClient.EcsNamespace)
                    .With("resource-id", resourceId)
                    .With("scalable-dimension", ApplicationAutoScalingClient.DesiredCount)
                    .With("min-capacity", minCapacity)
                    .With("max-capacity", maxCapacity),
                "登録したサービスのタスクの必要数は、スケーリングポリシーがこの範囲の中で増減します。",
                ExplanationTopic.DesiredCount);
        });

    /// <summary>
    /// Step: put a target tracking scaling policy on the service's average CPU utilization
    /// (<c>aws application-autoscaling put-scaling-policy</c>); the answer names the two alarms it creates.
    /// </summary>
    public Task<StepResult<PutScalingPolicyResponse>> PutCpuTargetTrackingPolicyAsync(string service, double targetValue, string policyName = "cpu-target-tracking",
        string cluster = DefaultCluster, int? scaleOutCooldown = null, int? scaleInCooldown = null, CancellationToken cancellationToken = default) =>
        Step("ターゲット追跡スケーリングポリシーの作成", async () =>
        {
            var resourceId = ApplicationAutoScalingClient.ServiceResourceId(cluster, service);
            var configuration = new TargetTrackingScalingPolicyConfiguration
            {
                TargetValue = targetValue,
                PredefinedMetricSpecification = new() { PredefinedMetricType = "ECSServiceAverageCPUUtilization" },
                ScaleOutCooldown = scaleOutCooldown,
                ScaleInCooldown = scaleInCooldown,
            };
            var response = await _aws.AutoScaling.PutScalingPolicyAsync(new PutScalingPolicyRequest
            {
                PolicyName = policyName,
                ServiceNamespace = ApplicationAutoScalingClient.EcsNamespace,
                ResourceId = resourceId,
                ScalableDimension = ApplicationAutoScalingClient.DesiredCount,
                PolicyType = "TargetTrackingScaling",
                TargetTrackingScalingPolicyConfiguration = configuration,
            }, cancellationToken).ConfigureAwait(false);
            var json = AutoScalingCommandJson.Of(configuration);
            Timeline(cluster, service, t => t with { TargetValue = targetValue });
            return _results.Of($"{policyName}: CPU 使用率のターゲット値 {targetValue}% (アラーム {response.Alarms.Count} 個)", response,
                AwsCliCommand.For("application-autoscaling", "put-scaling-policy")
                    .With("service-namespace", ApplicationAutoScalingClient.EcsNamespace)
                    .With("resource-id", resourceId)
                    .With("scalable-dimension", ApplicationAutoScalingClient.DesiredCount)
                    .With("policy-name", policyName)
                    .With("policy-type", "TargetTrackingScaling")
                    .With("target-tracking-scaling-policy-configuration", json),
                "AlarmHigh のアラームがスケールアウトを、AlarmLow のアラームがスケールインを起こします。スケールインはゆっくり進みます。",
                ExplanationTopic.DesiredCount);
        });

    /// <summary>Step: the service's scaling activities, newest first (<c>aws application-autoscaling describe-scaling-activities</c>).</summary>
    public Task<StepResult<IReadOnlyList<ScalingActivity>>> DescribeScalingActivitiesAsync(string service, string cluster = DefaultCluster,
        CancellationToken cancellationToken = default) =>
        Step("スケーリングアクティビティの確認", async () =>
        {
            var resourceId = ApplicationAutoScalingClient.ServiceResourceId(cluster, service);
            IReadOnlyList<ScalingActivity> activities = (await _aws.AutoScaling.DescribeScalingActivitiesAsync(new DescribeScalingActivitiesRequest
            {
                ServiceNamespace = ApplicationAutoScalingClient.EcsNamespace,
                ResourceId = resourceId,
            }, cancellationToken).ConfigureAwait(false)).ScalingActivities;
            return _results.Of($"{resourceId}: スケーリングアクティビティ {activities.Count} 件", activities,
                AwsCliCommand.For("application-autoscaling", "describe-scaling-activities")
                    .With("service-namespace", ApplicationAutoScalingClient.EcsNamespace)
                    .With("resource-id", resourceId),
                null,
                ExplanationTopic.DesiredCount);
        });

    /// <summary>
    /// Step (simulator, simulated runtime): put load on a service. From now on its running tasks show
    /// <paramref name="cpuPercent"/> % CPU and <paramref name="memoryPercent"/> % memory utilization on average (either
    /// may be left out); the work behind it stays, so added tasks share it. On AWS the load is real: run a load generator.
    /// </summary>
    public Task<StepResult<ServiceLoad>> SetServiceLoadAsync(string service, double? cpuPercent = null, double? memoryPercent = null,
        string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("サービスに負荷をかける (シミュレーター)", async () =>
        {
            if (Endpoint is not { } endpoint)
                throw new InvalidOperationException(
                    "AWS では負荷を値で指定できません。負荷をかけるタスクなどで、実際にサービスのタスクの CPU を使ってください。このステップはシミュレーター専用です。");
            var load = await ServiceLoadControl.SetAsync(endpoint, cluster, service, cpuPercent, memoryPercent, Region, cancellationToken, _aws.Settings).ConfigureAwait(false);
            var shown = string.Join(" / ", new[] { load.CpuPercent is { } c ? $"CPU {c}%" : null, load.MemoryPercent is { } m ? $"メモリ {m}%" : null }
                .Where(t => t is not null));
            return _results.Of($"{service}: 実行中のタスク {load.RunningCount} 個の平均 {shown}", load, null,
                "シミュレーターの負荷は、いま実行中のタスクが示す使用率で指定します。タスクが増えると同じ負荷を分け合うので、使用率は下がります。",
                ExplanationTopic.DesiredCount);
        });

    // What the cells observed of each service under Auto Scaling (for the chart), and the load they put on it.
    private readonly Dictionary<string, ScalingTimeline> _timelines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _timelineStarts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _simulatedWork = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HttpLoadGenerator> _loadGenerators = new(StringComparer.Ordinal);

    /// <summary>The load a load step puts on a service: how many tasks' worth of CPU work, and how it is made.</summary>
    /// <param name="Service">The service.</param>
    /// <param name="TasksWorth">The CPU work, in tasks fully busy (3 = three tasks at 100 %); 0 once stopped.</param>
    /// <param name="How">How the load is made on this runtime.</param>
    public sealed record LoadOnService(string Service, double TasksWorth, string How);

    /// <summary>
    /// Step: put CPU load on a service, the way this runtime allows. Simulated runtime: the simulator's load control
    /// (<see cref="SetServiceLoadAsync"/>) with <paramref name="tasksWorth"/> tasks' worth of work, which the running
    /// tasks share. Docker runtime: real load, request loops against the tasks' pages on 127.0.0.1 (their containers
    /// really use CPU), for at most <paramref name="limit"/> (5 minutes by default). On AWS this step does nothing but
    /// say what to do: run a load generator of your own.
    /// </summary>
    public Task<StepResult<LoadOnService>> StartLoadAsync(string service, double tasksWorth = 3, string cluster = DefaultCluster, TimeSpan? limit = null,
        CancellationToken cancellationToken = default) =>
        Step("サービスに負荷をかける", async () =>
        {
            if (Endpoint is not { } endpoint)
                throw new InvalidOperationException(
                    "AWS では、このステップは負荷をかけません。負荷をかけるツール (たとえば、別のタスクから HTTP リクエストを送り続けるもの) を自分で動かしてください。");
            var key = TimelineKey(cluster, service);
            if (await SimulatorRuntime.ReadAsync(endpoint, cancellationToken).ConfigureAwait(false) == SimulatorRuntime.Docker)
            {
                await StopGeneratorAsync(key).ConfigureAwait(false);
                _loadGenerators[key] = HttpLoadGenerator.Start(async ct =>
                {
                    var tasks = (await _ecs.ListTaskArnsAsync(cluster, service, ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
                    return [.. (await TaskEndpoints.ReadAsync(endpoint, ct, _aws.Settings).ConfigureAwait(false)).Where(e => tasks.Contains(e.TaskArn)).Select(e => e.Url)];
                },
                    loops: (int)Math.Ceiling(tasksWorth) + 1, limit ?? TimeSpan.FromMinutes(5));
                return _results.Of($"{service}: 実際の負荷をかけています (HTTP リクエストを送り続けます)", new LoadOnService(service, tasksWorth,
                        "Docker のランタイム: タスクのページ (127.0.0.1) に HTTP リクエストを送り続け、コンテナが実際に CPU を使います"), null,
                    "CPU 使用率は、シミュレーターが Docker エンジンのコンテナの統計から測ります。負荷は `StopLoadAsync` で止まります (止め忘れても、時間の上限で止まります)。",
                    ExplanationTopic.DesiredCount);
            }
            var running = Views.Of(await _ecs.FindServiceAsync(cluster, service, cancellationToken).ConfigureAwait(false)).RunningCount;
            var load = await ServiceLoadControl.SetAsync(endpoint, cluster, service, tasksWorth * 100 / Math.Max(1, running), null, Region, cancellationToken, _aws.Settings).ConfigureAwait(false);
            _simulatedWork[key] = tasksWorth;
            return _results.Of($"{service}: タスク {tasksWorth} 個分の負荷をかけました (実行中のタスク {load.RunningCount} 個の平均 CPU {load.CpuPercent}%)",
                new LoadOnService(service, tasksWorth, "シミュレーションのランタイム: シミュレーターの負荷のコントロール (/_workshop/load)"), null,
                "負荷の量は変わらず、タスクが増えると分け合うので、1 タスクあたりの CPU 使用率は下がります (1 タスクで最大 100%)。",
                ExplanationTopic.DesiredCount);
        });

    /// <summary>Step: take the load of <see cref="StartLoadAsync"/> off the service again (the tasks go back to 0 % CPU).</summary>
    public Task<StepResult<LoadOnService>> StopLoadAsync(string service, string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("サービスの負荷を止める", async () =>
        {
            if (Endpoint is not { } endpoint)
                throw new InvalidOperationException("AWS では、自分で動かした負荷をかけるツールを止めてください。");
            var key = TimelineKey(cluster, service);
            if (await SimulatorRuntime.ReadAsync(endpoint, cancellationToken).ConfigureAwait(false) == SimulatorRuntime.Docker)
                await StopGeneratorAsync(key).ConfigureAwait(false);
            else
            {
                await ServiceLoadControl.SetAsync(endpoint, cluster, service, 0, null, Region, cancellationToken, _aws.Settings).ConfigureAwait(false);
                _simulatedWork[key] = 0;
            }
            return _results.Of($"{service}: 負荷を止めました", new LoadOnService(service, 0, "負荷なし"), null,
                "CPU 使用率がターゲット値より十分に低い状態が続くと、スケールインが始まります。スケールアウトよりゆっくり進みます。",
                ExplanationTopic.DesiredCount);
        });

    /// <summary>
    /// Step: watch a service under Auto Scaling until its desired count and running count are both
    /// <paramref name="desiredCount"/>, or until <paramref name="scalingMinutes"/> minutes have passed on the clock the
    /// scaling runs on (the simulator's, which may run faster than this machine's). Every observation goes into the
    /// service's timeline; the result is the chart of all of them so far. Not reaching the count is no failure: the
    /// chart shows what happened instead.
    /// </summary>
    public Task<StepResult<ScalingTimeline>> WatchScalingAsync(string service, int desiredCount, double scalingMinutes = 10, string cluster = DefaultCluster,
        CancellationToken cancellationToken = default) =>
        Step("スケーリングの観察", async () =>
        {
            var speed = Endpoint is { } endpoint ? await SimulatorSpeedAsync(endpoint, cancellationToken).ConfigureAwait(false) : 1;
            Timeline(cluster, service, t => t with { ClockSpeed = speed });
            var seen = new ChangeReporter<ServiceView>(v => $"タスクの必要数 {v.DesiredCount} / 実行中 {v.RunningCount}", null, ProgressOutput);
            var waited = await _waiter.UntilAsync(async ct =>
            {
                var view = Views.Of(await _ecs.FindServiceAsync(cluster, service, ct).ConfigureAwait(false));
                Observe(cluster, service, view);
                seen.Saw(view);
                return view;
            }, v => v.DesiredCount == desiredCount && v.RunningCount == desiredCount && v.PendingCount == 0,
                TimeSpan.FromMinutes(scalingMinutes) / speed, cancellationToken).ConfigureAwait(false);
            var last = waited.Last;
            var timeline = _timelines[TimelineKey(cluster, service)];
            return _results.Of(waited.Reached
                    ? $"{service}: タスクの必要数が {desiredCount} になり、{desiredCount} 個のタスクが実行中です"
                    : $"{service}: {scalingMinutes} 分の間に {desiredCount} になりませんでした (タスクの必要数 {last.DesiredCount} / 実行中 {last.RunningCount})",
                timeline,
                AwsCliCommand.For("ecs", "describe-services").With("cluster", cluster).With("services", service),
                "赤い線がタスクの必要数 (Auto Scaling が変えます)、緑の線が実行中のタスクです。必要数が先に変わり、実行中のタスクが後から追いつきます。",
                ExplanationTopic.DesiredCount);
        });

    /// <summary>The chart of everything the cells observed of a service so far (no AWS call).</summary>
    public ScalingTimeline ScalingChart(string service, string cluster = DefaultCluster) =>
        _timelines.GetValueOrDefault(TimelineKey(cluster, service)) ?? new ScalingTimeline { Service = service };

    private static string TimelineKey(string cluster, string service) => $"{cluster}/{service}";

    private void Timeline(string cluster, string service, Func<ScalingTimeline, ScalingTimeline> change)
    {
        var key = TimelineKey(cluster, service);
        _timelines[key] = change(_timelines.GetValueOrDefault(key) ?? new ScalingTimeline { Service = service });
    }

    private void Observe(string cluster, string service, ServiceView view)
    {
        var key = TimelineKey(cluster, service);
        var now = _options.Time.GetUtcNow();
        if (!_timelineStarts.TryGetValue(key, out var start)) _timelineStarts[key] = start = now;
        // On the simulated runtime the CPU utilization is the load's work shared by the running tasks, at most 100 % each
        // (docs/simulator.md, "Putting load on a service"); elsewhere the helper library does not see the metric.
        double? cpu = _simulatedWork.TryGetValue(key, out var work)
            ? view.RunningCount > 0 ? Math.Min(100, work * 100 / view.RunningCount) : null
            : null;
        Timeline(cluster, service, t => t with { Samples = t.Samples.Add(new ScalingSample(now - start, view.DesiredCount, view.RunningCount, cpu)) });
    }

    private async Task StopGeneratorAsync(string key)
    {
        if (_loadGenerators.Remove(key, out var generator)) await generator.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<double> SimulatorSpeedAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            return SimulatorHealth.Read(await http.GetStringAsync(SimulatorHealth.At(endpoint), cancellationToken).ConfigureAwait(false))?.Speed ?? 1;
        }
        catch (HttpRequestException)
        {
            return 1;
        }
    }
}
