using System.Collections.Immutable;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Display.Diagrams;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Errors;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>The subnet the seed hands-on names (the simulator does not look subnets up).</summary>
    public const string SimulatedSubnet = "subnet-abcd1234";

    /// <summary>The security group the seed hands-on names.</summary>
    public const string SimulatedSecurityGroup = "sg-abcd1234";

    /// <summary>
    /// Step: create a Fargate service (<c>aws ecs create-service</c>). Without subnets: the seed's
    /// <c>subnet-abcd1234</c>/<c>sg-abcd1234</c> in the simulator; in AWS mode the default VPC's subnets and its
    /// default security group, with a public IP so the task can pull its image.
    /// </summary>
    public Task<StepResult<ServiceView>> CreateServiceAsync(string cluster, string name, string taskDefinition, int desiredCount = 1,
        IReadOnlyList<string>? subnets = null, IReadOnlyList<string>? securityGroups = null, bool enableExecuteCommand = false,
        CancellationToken cancellationToken = default) =>
        Step("サービスの作成", async () =>
        {
            var network = await NetworkAsync(subnets, securityGroups, cancellationToken).ConfigureAwait(false);
            var response = await _aws.Ecs.CreateServiceAsync(new CreateServiceRequest
            {
                Cluster = cluster,
                ServiceName = name,
                TaskDefinition = taskDefinition,
                DesiredCount = desiredCount,
                LaunchType = LaunchTypes.Fargate,
                NetworkConfiguration = network,
                EnableExecuteCommand = enableExecuteCommand ? true : null,
                Tags = EcsTags,
                PropagateTags = "SERVICE",
            }, cancellationToken).ConfigureAwait(false);
            var vpc = network.AwsvpcConfiguration!;
            var command = AwsCliCommand.For("ecs", "create-service")
                .With("cluster", cluster)
                .With("service-name", name)
                .With("task-definition", taskDefinition)
                .With("desired-count", desiredCount)
                .With("launch-type", LaunchTypes.Fargate)
                .With("network-configuration",
                    $"awsvpcConfiguration={{subnets=[{string.Join(',', vpc.Subnets!)}],securityGroups=[{string.Join(',', vpc.SecurityGroups ?? [])}]"
                    + (vpc.AssignPublicIp is { } assign ? $",assignPublicIp={assign}" : "") + "}");
            if (enableExecuteCommand) command = command.WithFlag("enable-execute-command");
            return Result($"サービス {name} を作成しました", Views.Of(response.Service!), command,
                "作った直後は `runningCount` が 0 で、スケジューラーがタスクを起動していきます。`WaitForSteadyStateAsync` で安定するまで待てます。",
                ExplanationTopic.Service, ExplanationTopic.DesiredCount);
        });

    /// <summary>Step: a service with its deployments and latest events (<c>aws ecs describe-services</c>).</summary>
    public Task<StepResult<ServiceView>> DescribeServiceAsync(string service, string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("サービスの確認", async () =>
        {
            var found = await FindServiceAsync(cluster, service, cancellationToken).ConfigureAwait(false);
            return Result($"サービス {service}", Views.Of(found),
                AwsCliCommand.For("ecs", "describe-services").With("cluster", cluster).With("services", service),
                "`runningCount` が `desiredCount` と同じで、デプロイが 1 つ (`PRIMARY`) だけなら安定しています。イベントは新しい順です。",
                ExplanationTopic.Service);
        });

    /// <summary>
    /// Step: wait until the service is steady (one deployment, running = desired, nothing pending), as
    /// <c>aws ecs wait services-stable</c>. Each change is reported to <paramref name="progress"/>, or printed as
    /// a line. When time runs out, the error explains the latest stopped task's reason.
    /// </summary>
    public Task<StepResult<ServiceView>> WaitForSteadyStateAsync(string service, IProgress<ServiceView>? progress = null, TimeSpan? timeout = null,
        string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("サービスの安定待ち", async () =>
        {
            var limit = timeout ?? (Mode == WorkshopMode.Simulator ? TimeSpan.FromMinutes(3) : TimeSpan.FromMinutes(10));
            var deadline = DateTime.UtcNow + limit;
            string? last = null;
            while (true)
            {
                var view = Views.Of(await FindServiceAsync(cluster, service, cancellationToken).ConfigureAwait(false));
                var line = ProgressLine(view);
                if (line != last)
                {
                    last = line;
                    if (progress is not null) progress.Report(view);
                    else ProgressOutput?.WriteLine(line);
                }
                if (IsSteady(view))
                    return Result($"サービス {service} は安定しました", view,
                        new AwsCliCommand("ecs", "wait", [new CliOption("services-stable", null)]).With("cluster", cluster).With("services", service),
                        $"実行中 {view.RunningCount} / 希望 {view.DesiredCount}。イベントに「has reached a steady state」が出ています。",
                        ExplanationTopic.DesiredCount, ExplanationTopic.RollingUpdate);
                if (DateTime.UtcNow >= deadline)
                    throw await NotSteadyAsync(cluster, service, view, limit, cancellationToken).ConfigureAwait(false);
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
        });

    /// <summary>Step: change the desired count (<c>aws ecs update-service --desired-count</c>).</summary>
    public Task<StepResult<ServiceView>> ScaleAsync(string service, int desiredCount, string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("サービスのスケール", async () =>
        {
            var response = await _aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = service, DesiredCount = desiredCount }, cancellationToken).ConfigureAwait(false);
            return Result($"サービス {service} の希望タスク数を {desiredCount} にしました", Views.Of(response.Service!),
                AwsCliCommand.For("ecs", "update-service").With("cluster", cluster).With("service", service).With("desired-count", desiredCount),
                "`desiredCount` はすぐ変わり、`runningCount` はスケジューラーがタスクを起動・停止するにつれて追いつきます。",
                ExplanationTopic.DesiredCount);
        });

    /// <summary>Step: deploy a new task definition revision (<c>aws ecs update-service --task-definition</c>), a rolling update.</summary>
    public Task<StepResult<ServiceView>> DeployAsync(string service, string taskDefinition, string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("新しいリビジョンのデプロイ", async () =>
        {
            var response = await _aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = service, TaskDefinition = taskDefinition }, cancellationToken).ConfigureAwait(false);
            return Result($"サービス {service} に {taskDefinition} をデプロイしています", Views.Of(response.Service!),
                AwsCliCommand.For("ecs", "update-service").With("cluster", cluster).With("service", service).With("task-definition", taskDefinition),
                "デプロイが 2 つ (新しい `PRIMARY` と古い `ACTIVE`) になり、新しいタスクが動いてから古いタスクが止まります (ローリングアップデート)。",
                ExplanationTopic.RollingUpdate);
        });

    /// <summary>Step: the cluster's picture: services, their tasks and containers (an SVG in a notebook).</summary>
    public Task<StepResult<ClusterOverview>> ClusterPictureAsync(string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("クラスターの全体像", async () =>
        {
            var found = await FindClusterAsync(cluster, cancellationToken).ConfigureAwait(false)
                ?? throw Missing("ClusterNotFoundException", "Cluster not found.", "ecs", "DescribeClusters");
            var serviceArns = new List<string>();
            await foreach (var arn in _aws.Ecs.ListAllServiceArnsAsync(new ListServicesRequest { Cluster = cluster }, cancellationToken).ConfigureAwait(false))
                serviceArns.Add(arn);
            var services = new List<ServiceView>();
            foreach (var batch in serviceArns.Chunk(10))
            {
                var described = await _aws.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = batch }, cancellationToken).ConfigureAwait(false);
                services.AddRange((described.Services ?? []).Select(Views.Of));
            }
            var tasks = await DescribeTasksAsync(cluster, await ListTaskArnsAsync(cluster, null, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            var overview = new ClusterOverview
            {
                Cluster = Views.Of(found),
                Services = [.. services.OrderBy(s => s.Name, StringComparer.Ordinal)],
                Tasks = [.. tasks],
            };
            return Result($"クラスター {cluster} の全体像", overview,
                AwsCliCommand.For("ecs", "list-tasks").With("cluster", cluster),
                "クラスターの中にサービスがあり、サービスがタスクを、タスクがコンテナを動かしています。", ExplanationTopic.Cluster, ExplanationTopic.Service);
        });

    internal static bool IsSteady(ServiceView view) =>
        view.Status == "ACTIVE" && view.Deployments.Length == 1 && view.RunningCount == view.DesiredCount && view.PendingCount == 0;

    internal static string ProgressLine(ServiceView view) =>
        $"{view.Name}: 実行中 {view.RunningCount} / 希望 {view.DesiredCount} (起動中 {view.PendingCount})、デプロイ {view.Deployments.Length} 件"
        + (view.Deployments.FirstOrDefault(d => d.Status == "PRIMARY")?.RolloutState is { } state ? $"、ロールアウト {state}" : "");

    internal async Task<Service> FindServiceAsync(string cluster, string service, CancellationToken cancellationToken)
    {
        var response = await _aws.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [service] }, cancellationToken).ConfigureAwait(false);
        return response.Services?.FirstOrDefault()
            ?? throw Missing("ServiceNotFoundException", "Service not found.", "ecs", "DescribeServices");
    }

    private async Task<NetworkConfiguration> NetworkAsync(IReadOnlyList<string>? subnets, IReadOnlyList<string>? securityGroups, CancellationToken cancellationToken)
    {
        if (subnets is { Count: > 0 })
            return new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = subnets, SecurityGroups = securityGroups } };
        if (Mode == WorkshopMode.Simulator)
            return new NetworkConfiguration
            {
                AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [SimulatedSubnet], SecurityGroups = securityGroups ?? [SimulatedSecurityGroup] },
            };
        var defaults = await DefaultNetworkAsync(cancellationToken).ConfigureAwait(false);
        return new NetworkConfiguration
        {
            AwsvpcConfiguration = new AwsVpcConfiguration
            {
                Subnets = defaults.Subnets,
                SecurityGroups = securityGroups ?? defaults.SecurityGroups,
                AssignPublicIp = AssignPublicIpValues.Enabled,
            },
        };
    }

    /// <summary>AWS mode: the default VPC's subnets and its default security group.</summary>
    internal async Task<(IReadOnlyList<string> Subnets, IReadOnlyList<string> SecurityGroups)> DefaultNetworkAsync(CancellationToken cancellationToken)
    {
        var vpc = await _aws.Ec2.FindDefaultVpcAsync(cancellationToken).ConfigureAwait(false)
            ?? throw WorkshopStepException.Workshop("サービスの作成", "NoDefaultVpc", "このリージョンにデフォルト VPC がありません",
                $"リージョン `{Region}` にデフォルト VPC が見つからないので、タスクを置くサブネットを決められません。",
                "Fargate のタスクは VPC のサブネットに置かれます。サブネットを指定しないときは、デフォルト VPC のサブネットを使います。",
                "`subnets:` と `securityGroups:` を指定するか、`aws ec2 create-default-vpc` でデフォルト VPC を作ってください。",
                "No default VPC in the region.");
        var subnets = new List<string>();
        await foreach (var subnet in _aws.Ec2.DescribeAllSubnetsAsync(vpc.VpcId!, cancellationToken).ConfigureAwait(false))
            if (subnet.SubnetId is { } id) subnets.Add(id);
        var group = await _aws.Ec2.FindDefaultSecurityGroupAsync(vpc.VpcId!, cancellationToken).ConfigureAwait(false);
        return ([.. subnets.Order(StringComparer.Ordinal)], group?.GroupId is { } g ? [g] : []);
    }

    private async Task<WorkshopStepException> NotSteadyAsync(string cluster, string service, ServiceView view, TimeSpan limit, CancellationToken cancellationToken)
    {
        var stopped = await DescribeTasksAsync(cluster, await ListTaskArnsAsync(cluster, service, cancellationToken, DesiredStatuses.Stopped).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var latest = stopped.Where(t => t.StoppedReason is not null).OrderByDescending(t => t.StoppedAt ?? DateTimeOffset.MinValue).FirstOrDefault();
        if (latest is not null)
            return new WorkshopStepException("サービスの安定待ち", ErrorCatalogue.Default.ExplainStoppedTask(latest.StopCode, latest.StoppedReason));
        return WorkshopStepException.Workshop("サービスの安定待ち", "ServiceNotSteady", $"サービス {service} が時間内に安定しませんでした",
            $"{limit.TotalSeconds:0} 秒待ちましたが、{ProgressLine(view)} のままです。",
            "タスクの起動に時間がかかっているか、起動しては止まっている可能性があります。",
            "`DescribeServiceAsync` でイベントを、`ListTasksAsync(stopped: true)` で止まったタスクの理由を確認してください。",
            ProgressLine(view));
    }
}
