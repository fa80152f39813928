using System.Collections.Immutable;
using EcsWorkshop.Aws.Elb.Model;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Docker;
using EcsWorkshop.Errors;
using EcsWorkshop.Http;
using EcsWorkshop.Lookups;
using EcsWorkshop.Provisioning;
using EcsWorkshop.Sessions;
using EcsWorkshop.Waiting;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>
    /// Step: an Application Load Balancer for a service, in one go: a security group of its own (the listener's port
    /// open), the load balancer in the default VPC's default subnets, a target group of type <c>ip</c> (HTTP on
    /// <paramref name="targetPort"/>, health checks on <paramref name="healthCheckPath"/>), and an HTTP listener that
    /// forwards to it; then waits until the load balancer is <c>active</c>. Everything is tagged with the session, and
    /// each call is shown as its AWS CLI command. Running it again finds what exists and creates nothing new.
    /// </summary>
    public Task<StepResult<LoadBalancerSetupView>> CreateLoadBalancerAsync(string name, int port = 80, string healthCheckPath = "/", int targetPort = 80,
        string? targetGroupName = null, int? healthCheckIntervalSeconds = null, int? healthyThresholdCount = null, int? unhealthyThresholdCount = null,
        int? deregistrationDelaySeconds = null, CancellationToken cancellationToken = default) =>
        Step(LoadBalancerStep, async () =>
        {
            var network = await _network.DefaultNetworkAsync(LoadBalancerStep, cancellationToken).ConfigureAwait(false);
            var steps = new List<(string What, AwsCliCommand Command)>
            {
                ("デフォルト VPC", AwsCliCommand.For("ec2", "describe-vpcs").With("filters", "Name=isDefault,Values=true")),
                ("デフォルトのサブネット", AwsCliCommand.For("ec2", "describe-subnets").With("filters", "Name=default-for-az,Values=true")),
            };
            var (groupId, groupCommands) = await new LoadBalancerSecurityGroups(_aws, Tags, _ledger)
                .EnsureAsync(name, network.VpcId, port, targetPort, cancellationToken).ConfigureAwait(false);
            steps.AddRange(groupCommands);

            var created = await _aws.Elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest
            {
                Name = name,
                Subnets = network.SubnetIds,
                SecurityGroups = [groupId],
                Type = "application",
                Tags = Tags.ForElb(),
            }, cancellationToken).ConfigureAwait(false);
            steps.Add(("ロードバランサーの作成", AwsCliCommand.For("elbv2", "create-load-balancer").With("name", name)
                .With("subnets", string.Join(' ', network.SubnetIds)).With("security-groups", groupId).With("type", "application")));

            var groupName = targetGroupName ?? $"{name}-targets";
            var group = await _aws.Elb.CreateTargetGroupAsync(new CreateTargetGroupRequest
            {
                Name = groupName,
                Protocol = "HTTP",
                Port = targetPort,
                VpcId = network.VpcId,
                TargetType = "ip",
                HealthCheckPath = healthCheckPath,
                HealthCheckIntervalSeconds = healthCheckIntervalSeconds,
                HealthyThresholdCount = healthyThresholdCount,
                UnhealthyThresholdCount = unhealthyThresholdCount,
                Tags = Tags.ForElb(),
            }, cancellationToken).ConfigureAwait(false);
            steps.Add(("ターゲットグループの作成", AwsCliCommand.For("elbv2", "create-target-group").With("name", groupName).With("protocol", "HTTP")
                .With("port", targetPort).With("vpc-id", network.VpcId).With("target-type", "ip").With("health-check-path", healthCheckPath)
                .With("health-check-interval-seconds", healthCheckIntervalSeconds).With("healthy-threshold-count", healthyThresholdCount)
                .With("unhealthy-threshold-count", unhealthyThresholdCount)));

            var attributes = deregistrationDelaySeconds is { } delay
                ? await _aws.Elb.ModifyTargetGroupAttributesAsync(group.TargetGroupArn!,
                    new Dictionary<string, string> { [ElbViews.DeregistrationDelayAttribute] = delay.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    cancellationToken).ConfigureAwait(false)
                : await _aws.Elb.DescribeTargetGroupAttributesAsync(group.TargetGroupArn!, cancellationToken).ConfigureAwait(false);
            if (deregistrationDelaySeconds is not null)
                steps.Add(("登録解除の遅延", AwsCliCommand.For("elbv2", "modify-target-group-attributes").With("target-group-arn", group.TargetGroupArn)
                    .With("attributes", $"Key={ElbViews.DeregistrationDelayAttribute},Value={deregistrationDelaySeconds}")));

            var listeners = await _elb.ListenersOfAsync(created.LoadBalancerArn!, cancellationToken).ConfigureAwait(false);
            var listener = listeners.FirstOrDefault(l => l.Port == port)
                ?? await _aws.Elb.CreateListenerAsync(created.LoadBalancerArn!, "HTTP", port, group.TargetGroupArn!, cancellationToken).ConfigureAwait(false);
            steps.Add(("リスナーの作成", AwsCliCommand.For("elbv2", "create-listener").With("load-balancer-arn", created.LoadBalancerArn)
                .With("protocol", "HTTP").With("port", port).With("default-actions", $"Type=forward,TargetGroupArn={group.TargetGroupArn}")));

            var seen = new ChangeReporter<LoadBalancer>(lb => $"ロードバランサー {name}: {lb.State}", null, ProgressOutput);
            var waited = await _waiter.UntilAsync(async ct =>
            {
                var lb = (await _aws.Elb.DescribeLoadBalancersAsync(arns: [created.LoadBalancerArn!], cancellationToken: ct).ConfigureAwait(false)).Items[0];
                seen.Saw(lb);
                return lb;
            }, lb => lb.State == "active", null, cancellationToken).ConfigureAwait(false);
            steps.Add(("active になるまで待つ", new AwsCliCommand("elbv2", "wait", [new CliOption("load-balancer-available", null)])
                .With("load-balancer-arns", created.LoadBalancerArn)));

            var url = await ListenerUrlAsync(waited.Last, listener, cancellationToken).ConfigureAwait(false);
            var setup = new LoadBalancerSetupView
            {
                LoadBalancer = ElbViews.Of(waited.Last),
                TargetGroup = ElbViews.Of(group, attributes),
                Listener = ElbViews.Of(listener, groupName),
                SecurityGroupId = groupId,
                Url = url,
                Steps = [.. steps.Select(s => new CliStep(s.What, _results.CommandLine(s.Command)))],
            };
            var note = Mode == WorkshopMode.Simulator
                ? $"シミュレーターのリスナーは、この手元のマシンの `{url}` で本当に待ち受けています (AWS では DNS 名 `{waited.Last.DnsName}` で開きます)。ターゲットはまだ登録されていないので、いま開くと 503 が返ります。"
                : $"DNS 名 `{waited.Last.DnsName}` が引けるようになるまで数分かかることがあります。ターゲットはまだ登録されていないので、いま開くと 503 が返ります。";
            return _results.Of($"ロードバランサー {name} を作成しました", setup, null, note, ExplanationTopic.Service);
        });

    /// <summary>
    /// Step: the health of every target of a target group (<c>aws elbv2 describe-target-health</c>), as a table with
    /// the task behind each IP address when it is a task of <paramref name="cluster"/>.
    /// </summary>
    public Task<StepResult<TargetHealthView>> DescribeTargetHealthAsync(string targetGroup, string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("ターゲットのヘルス", async () =>
        {
            var (group, view) = await TargetHealthOfAsync(targetGroup, cluster, cancellationToken).ConfigureAwait(false);
            return _results.Of($"ターゲットグループ {group.TargetGroupName} のターゲット", view,
                AwsCliCommand.For("elbv2", "describe-target-health").With("target-group-arn", group.TargetGroupArn),
                "`initial` は初期ヘルスチェック中、`healthy` はリクエストを受け取れる状態、`unhealthy` はヘルスチェックに失敗している状態、`draining` は登録解除の遅延の途中です。");
        });

    /// <summary>
    /// Step: watch a target group's targets until <paramref name="until"/> holds (by default: at least one target, and
    /// every target <c>healthy</c>), printing the table's summary each time it changes (or reporting each new table to
    /// <paramref name="progress"/>). Ends with the last table; when time runs out, the error says what it looked like.
    /// </summary>
    public Task<StepResult<TargetHealthView>> WatchTargetHealthAsync(string targetGroup, Func<TargetHealthView, bool>? until = null,
        IProgress<TargetHealthView>? progress = null, TimeSpan? timeout = null, string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("ターゲットのヘルスを見守る", async () =>
        {
            var done = until ?? AllHealthy;
            var seen = new ChangeReporter<TargetHealthView>(TargetHealthLine, progress, ProgressOutput);
            TargetGroup? group = null;
            var waited = await _waiter.UntilAsync(async ct =>
            {
                var (found, view) = await TargetHealthOfAsync(targetGroup, cluster, ct).ConfigureAwait(false);
                group = found;
                seen.Saw(view);
                return view;
            }, done, timeout, cancellationToken).ConfigureAwait(false);
            if (!waited.Reached)
                throw WorkshopStepException.Workshop("ターゲットのヘルスを見守る", "WaiterTimedOut", $"ターゲットグループ {targetGroup} は時間内に待っていた状態になりませんでした",
                    $"{waited.Limit.TotalSeconds:0} 秒見守りましたが、ターゲットは {waited.Last.Summary} のままです。",
                    "ヘルスチェックに通らないターゲットは `unhealthy` のままで、ECS はそのタスクを止めて入れ替えます。",
                    "`DescribeTargetHealthAsync` で理由コードと説明を、`DescribeServiceAsync` でサービスのイベントを確認してください。",
                    $"Target health: {waited.Last.Summary}");
            return _results.Of($"ターゲットグループ {group!.TargetGroupName}: {waited.Last.Summary}", waited.Last,
                AwsCliCommand.For("elbv2", "describe-target-health").With("target-group-arn", group.TargetGroupArn),
                "表は最後に見た状態です。途中の変化は上の行に 1 行ずつ出ています。");
        });

    /// <summary>
    /// Step: open a URL as a browser would (one GET) and show the answer: its HTTP status, its headers and its text,
    /// and which task answered and with which <c>APP_VERSION</c> when the page says so. A connection refused while a
    /// listener is still starting is tried again for a few seconds.
    /// </summary>
    public Task<StepResult<WebPageView>> OpenAsync(string url, CancellationToken cancellationToken = default) =>
        Step("ページを開く", async () =>
        {
            // A loopback URL copied from the host's screen reaches the room's simulator when it runs on another machine.
            var uri = Mode == WorkshopMode.Simulator && Endpoint is { } simulator ? SimulatorUrls.Reachable(simulator, new Uri(url)) : new Uri(url);
            using var http = WebPages.NewClient(TimeSpan.FromSeconds(15));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (true)
            {
                try
                {
                    var page = await WebPages.FetchAsync(http, uri, cancellationToken).ConfigureAwait(false);
                    var note = page.StatusCode switch
                    {
                        503 => "503 Service Unavailable は、ロードバランサーが転送できるターゲットがないときの答えです (ターゲットグループにターゲットが登録されていない)。",
                        >= 200 and < 300 when page.IsStandIn => "シミュレーションのランタイムではコンテナが動かないので、ロードバランサーが選んだタスクの代わりにシミュレーターが答えています。ヘッダー `X-Workshop-Stand-In` がその印です。",
                        >= 200 and < 300 => "`答えたタスク` が、ロードバランサーがこのリクエストを転送したタスクです。もう一度開くと、別のタスクが答えることがあります。",
                        _ => null,
                    };
                    return _results.Of($"{url} を開きました ({page.StatusCode})", page, null, note);
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(250, cancellationToken).ConfigureAwait(false);
                }
            }
        });

    /// <summary>
    /// Starts sending requests to <paramref name="url"/> in the background, one every <paramref name="pause"/>
    /// (100 ms unless told), until <see cref="TrafficProbe.StopAsync"/>; its result draws answers per second by
    /// version. <code>var traffic = workshop.StartTraffic(url); … var seen = await traffic.StopAsync();</code>
    /// </summary>
    public TrafficProbe StartTraffic(string url, TimeSpan? pause = null) =>
        new(new Uri(url), pause ?? TimeSpan.FromMilliseconds(100), TimeProvider.System);

    private const string LoadBalancerStep = "ロードバランサーの作成";

    private static bool AllHealthy(TargetHealthView view) => view.Targets.Length > 0 && view.Targets.All(t => t.State == "healthy");

    private static string TargetHealthLine(TargetHealthView view) =>
        $"{view.TargetGroup}: " + (view.Targets.IsDefaultOrEmpty ? "ターゲットはありません"
            : string.Join("  ", view.Targets.Select(t => $"{t.TaskId ?? t.Id} {t.State}" + (t.Reason is { } r && t.State != "healthy" ? $" ({r})" : ""))));

    private async Task<(TargetGroup Group, TargetHealthView View)> TargetHealthOfAsync(string targetGroup, string cluster, CancellationToken cancellationToken)
    {
        var group = await _elb.FindTargetGroupAsync(targetGroup, cancellationToken).ConfigureAwait(false)
            ?? throw Missing("TargetGroupNotFound", $"One or more target groups not found: {targetGroup}", "elasticloadbalancing", "DescribeTargetGroups");
        var health = await _aws.Elb.DescribeTargetHealthAsync(group.TargetGroupArn!, cancellationToken: cancellationToken).ConfigureAwait(false);
        var tasksByIp = await TasksByIpAsync(cluster, cancellationToken).ConfigureAwait(false);
        var view = new TargetHealthView
        {
            TargetGroup = group.TargetGroupName ?? targetGroup,
            TargetGroupArn = group.TargetGroupArn,
            At = _options.Time.GetUtcNow(),
            Targets = [.. health.Select(h => new TargetHealthRow(h.Target.Id, h.Target.Port, h.Target.AvailabilityZone, h.State, h.Reason, h.Description,
                tasksByIp.GetValueOrDefault(h.Target.Id))).OrderBy(t => t.TaskId ?? t.Id, StringComparer.Ordinal)],
        };
        return (group, view);
    }

    /// <summary>The cluster's tasks (running and recently stopped) by private IP address; empty when the cluster is not there.</summary>
    private async Task<IReadOnlyDictionary<string, string>> TasksByIpAsync(string cluster, CancellationToken cancellationToken)
    {
        try
        {
            var arns = (await _ecs.ListTaskArnsAsync(cluster, null, cancellationToken).ConfigureAwait(false))
                .Concat(await _ecs.ListTaskArnsAsync(cluster, null, cancellationToken, EcsWorkshop.Aws.Ecs.Model.DesiredStatuses.Stopped).ConfigureAwait(false)).ToList();
            var tasks = await _ecs.DescribeTasksAsync(cluster, arns, cancellationToken).ConfigureAwait(false);
            return tasks.Where(t => t.PrivateIpv4Address is not null)
                .GroupBy(t => t.PrivateIpv4Address!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.CreatedAt ?? DateTimeOffset.MinValue).First().Id, StringComparer.Ordinal);
        }
        catch (EcsWorkshop.Aws.AwsServiceException e) when (e.ErrorCode is "ClusterNotFoundException")
        {
            return ImmutableDictionary<string, string>.Empty;
        }
    }

    /// <summary>Where the listener answers from here: its loopback URL in the simulator (listed once it listens), its DNS name on AWS.</summary>
    private async Task<string> ListenerUrlAsync(LoadBalancer lb, Listener listener, CancellationToken cancellationToken)
    {
        if (Mode != WorkshopMode.Simulator) return $"http://{lb.DnsName}{(listener.Port is 80 or null ? "" : $":{listener.Port}")}/";
        var waited = await _waiter.UntilAsync(async ct =>
            (await ListenerEndpoints.ReadAsync(Endpoint!, ct, _aws.Settings).ConfigureAwait(false)).FirstOrDefault(e => e.ListenerArn == listener.ListenerArn),
            found => found is not null, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        return waited.Last?.Url.ToString()
            ?? throw WorkshopStepException.Workshop(LoadBalancerStep, "ListenerNotListening", "リスナーの URL が見つかりません",
                $"シミュレーターの `{TaskEndpoints.Path}` に、リスナー `{listener.ListenerArn}` の URL がありません。",
                "シミュレーターは、リスナーごとに 127.0.0.1 のポートで待ち受けます。",
                "シミュレーターが動いているか (`workshop serve`) を確かめて、もう一度実行してください。", "Listener URL not listed.");
    }
}
