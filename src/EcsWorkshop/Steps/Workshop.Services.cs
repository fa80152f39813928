using System.Collections.Immutable;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Display.Diagrams;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Provisioning;
using EcsWorkshop.Sessions;
using EcsWorkshop.Steps;
using EcsWorkshop.Waiting;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>
    /// Step: create a Fargate service (<c>aws ecs create-service</c>). Without subnets: the seed's
    /// <c>subnet-abcd1234</c>/<c>sg-abcd1234</c> in the simulator; in AWS mode the default VPC's subnets and a
    /// security group of the session's own (never the default group), with a public IP so the task can pull its
    /// image. With <paramref name="loadBalancer"/>,
    /// ECS registers each task's IP address and port in the target group (<c>--load-balancers</c>), and the tasks are
    /// placed in the load balancer's security group unless <paramref name="securityGroups"/> are named;
    /// <paramref name="healthCheckGracePeriodSeconds"/> is how long ECS ignores failing ELB health checks of a new task.
    /// <paramref name="deployment"/> sets the rolling update's bounds and the deployment circuit breaker (ECS's defaults when null).
    /// </summary>
    public Task<StepResult<ServiceView>> CreateServiceAsync(string cluster, string name, string taskDefinition, int desiredCount = 1,
        IReadOnlyList<string>? subnets = null, IReadOnlyList<string>? securityGroups = null, bool enableExecuteCommand = false,
        DeploymentSettings? deployment = null, ServiceLoadBalancer? loadBalancer = null, int? healthCheckGracePeriodSeconds = null,
        CancellationToken cancellationToken = default) =>
        Step("サービスの作成", async () =>
        {
            securityGroups ??= await LoadBalancerGroupsAsync(loadBalancer, cancellationToken).ConfigureAwait(false);
            var network = await _networks.ChooseAsync(subnets, securityGroups, cancellationToken).ConfigureAwait(false);
            var response = await _aws.Ecs.CreateServiceAsync(new CreateServiceRequest
            {
                Cluster = cluster,
                ServiceName = name,
                TaskDefinition = taskDefinition,
                DesiredCount = desiredCount,
                LaunchType = LaunchTypes.Fargate,
                NetworkConfiguration = network,
                EnableExecuteCommand = enableExecuteCommand ? true : null,
                DeploymentConfiguration = deployment?.ToRequest(),
                LoadBalancers = loadBalancer is null ? null
                    : [new LoadBalancer { TargetGroupArn = loadBalancer.TargetGroupArn, ContainerName = loadBalancer.ContainerName, ContainerPort = loadBalancer.ContainerPort }],
                HealthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds,
                Tags = Tags.ForEcs(),
                PropagateTags = "SERVICE",
            }, cancellationToken).ConfigureAwait(false);
            var command = AwsCliCommand.For("ecs", "create-service")
                .With("cluster", cluster)
                .With("service-name", name)
                .With("task-definition", taskDefinition)
                .With("desired-count", desiredCount)
                .With("launch-type", LaunchTypes.Fargate)
                .With("network-configuration", TaskNetworks.CliValue(network));
            if (enableExecuteCommand) command = command.WithFlag("enable-execute-command");
            if (deployment is not null) command = command.With("deployment-configuration", deployment.ToCliValue());
            if (loadBalancer is not null) command = command.With("load-balancers", loadBalancer.CliValue);
            command = command.With("health-check-grace-period-seconds", healthCheckGracePeriodSeconds);
            return _results.Of($"サービス {name} を作成しました", Views.Of(response.Service!), command,
                "作った直後は `runningCount` が 0 で、サービススケジューラがタスクを起動していきます。`WaitForSteadyStateAsync` で定常状態になるまで待てます。",
                ExplanationTopic.Service, ExplanationTopic.DesiredCount);
        });

    /// <summary>Step: a service with its deployments and latest events (<c>aws ecs describe-services</c>).</summary>
    public Task<StepResult<ServiceView>> DescribeServiceAsync(string service, string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("サービスの確認", async () =>
        {
            var found = await _ecs.FindServiceAsync(cluster, service, cancellationToken).ConfigureAwait(false);
            return _results.Of($"サービス {service}", Views.Of(found),
                AwsCliCommand.For("ecs", "describe-services").With("cluster", cluster).With("services", service),
                "`runningCount` が `desiredCount` と同じで、デプロイが 1 つ (`PRIMARY`) だけなら定常状態です。イベントは新しい順です。",
                ExplanationTopic.Service);
        });

    /// <summary>
    /// Step: wait until the service is steady (one deployment, running = desired, nothing pending), as
    /// <c>aws ecs wait services-stable</c>. Each change is reported to <paramref name="progress"/>, or printed as
    /// a line. When time runs out, the error explains the latest stopped task's reason.
    /// </summary>
    public Task<StepResult<ServiceView>> WaitForSteadyStateAsync(string service, IProgress<ServiceView>? progress = null, TimeSpan? timeout = null,
        string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("サービスの定常状態待ち", async () =>
        {
            var seen = new ChangeReporter<ServiceView>(view => ServiceSteadiness.ProgressLine(view) + ServiceSteadiness.Problem(view), progress, ProgressOutput);
            var waited = await _waiter.UntilAsync(async ct =>
            {
                var view = Views.Of(await _ecs.FindServiceAsync(cluster, service, ct).ConfigureAwait(false));
                seen.Saw(view);
                return view;
            }, ServiceSteadiness.IsSteady, timeout, cancellationToken).ConfigureAwait(false);
            if (!waited.Reached)
                throw await _waitFailures.NotSteadyAsync(cluster, service, waited.Last, waited.Limit, cancellationToken).ConfigureAwait(false);
            var steady = waited.Last;
            return _results.Of($"サービス {service} は定常状態に達しました", steady,
                new AwsCliCommand("ecs", "wait", [new CliOption("services-stable", null)]).With("cluster", cluster).With("services", service),
                $"実行中 {steady.RunningCount} / 必要数 {steady.DesiredCount}。イベントに「has reached a steady state」が出ています。",
                ExplanationTopic.DesiredCount, ExplanationTopic.RollingUpdate);
        });

    /// <summary>Step: change the desired count (<c>aws ecs update-service --desired-count</c>).</summary>
    public Task<StepResult<ServiceView>> ScaleAsync(string service, int desiredCount, string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("サービスのスケール", async () =>
        {
            var response = await _aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = service, DesiredCount = desiredCount }, cancellationToken).ConfigureAwait(false);
            return _results.Of($"サービス {service} のタスクの必要数を {desiredCount} にしました", Views.Of(response.Service!),
                AwsCliCommand.For("ecs", "update-service").With("cluster", cluster).With("service", service).With("desired-count", desiredCount),
                "`desiredCount` はすぐ変わり、`runningCount` はサービススケジューラがタスクを起動・停止するにつれて追いつきます。",
                ExplanationTopic.DesiredCount);
        });

    /// <summary>
    /// Step: deploy a new task definition revision (<c>aws ecs update-service --task-definition</c>), a rolling update;
    /// <paramref name="deployment"/> changes the deployment configuration in the same call.
    /// </summary>
    public Task<StepResult<ServiceView>> DeployAsync(string service, string taskDefinition, string cluster = DefaultCluster,
        DeploymentSettings? deployment = null, CancellationToken cancellationToken = default) =>
        Step("新しいリビジョンのデプロイ", async () =>
        {
            var response = await _aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest
            {
                Cluster = cluster,
                Service = service,
                TaskDefinition = taskDefinition,
                DeploymentConfiguration = deployment?.ToRequest(),
            }, cancellationToken).ConfigureAwait(false);
            var command = AwsCliCommand.For("ecs", "update-service").With("cluster", cluster).With("service", service).With("task-definition", taskDefinition);
            if (deployment is not null) command = command.With("deployment-configuration", deployment.ToCliValue());
            return _results.Of($"サービス {service} に {taskDefinition} をデプロイしています", Views.Of(response.Service!), command,
                "デプロイが 2 つ (新しい `PRIMARY` と古い `ACTIVE`) になり、新しいタスクが動いてから古いタスクが止まります (ローリング更新)。",
                ExplanationTopic.RollingUpdate);
        });

    /// <summary>
    /// Step: change a service (<c>aws ecs update-service</c>): its desired count, task definition and deployment
    /// configuration, each only when given. A new task definition starts a deployment; the deployment configuration
    /// alone applies to the next one.
    /// </summary>
    public Task<StepResult<ServiceView>> UpdateServiceAsync(string service, int? desiredCount = null, string? taskDefinition = null,
        DeploymentSettings? deployment = null, string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("サービスの更新", async () =>
        {
            var response = await _aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest
            {
                Cluster = cluster,
                Service = service,
                DesiredCount = desiredCount,
                TaskDefinition = taskDefinition,
                DeploymentConfiguration = deployment?.ToRequest(),
            }, cancellationToken).ConfigureAwait(false);
            var command = AwsCliCommand.For("ecs", "update-service").With("cluster", cluster).With("service", service)
                .With("desired-count", desiredCount).With("task-definition", taskDefinition);
            if (deployment is not null) command = command.With("deployment-configuration", deployment.ToCliValue());
            return _results.Of($"サービス {service} を更新しました", Views.Of(response.Service!), command,
                taskDefinition is null
                    ? "デプロイ設定の変更は、次のデプロイから使われます。"
                    : "新しいデプロイが `PRIMARY` になり、ローリング更新が始まります。",
                ExplanationTopic.RollingUpdate);
        });

    /// <summary>Step: the cluster's picture: services, their tasks and containers (an SVG in a notebook).</summary>
    public Task<StepResult<ClusterOverview>> ClusterPictureAsync(string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("クラスターの全体像", async () =>
        {
            var found = await _ecs.FindClusterAsync(cluster, cancellationToken).ConfigureAwait(false)
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
            var tasks = await _ecs.DescribeTasksAsync(cluster, await _ecs.ListTaskArnsAsync(cluster, null, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            var overview = new ClusterOverview
            {
                Cluster = Views.Of(found),
                Services = [.. services.OrderBy(s => s.Name, StringComparer.Ordinal)],
                Tasks = [.. tasks],
            };
            return _results.Of($"クラスター {cluster} の全体像", overview,
                AwsCliCommand.For("ecs", "list-tasks").With("cluster", cluster),
                "クラスターの中にサービスがあり、サービスがタスクを、タスクがコンテナを動かしています。", ExplanationTopic.Cluster, ExplanationTopic.Service);
        });

    /// <summary>
    /// The security groups of a service behind a workshop load balancer when none are named: the load balancer's own
    /// group, which lets its members reach the targets' port (see <see cref="Provisioning.LoadBalancerSecurityGroups"/>).
    /// </summary>
    private async Task<IReadOnlyList<string>?> LoadBalancerGroupsAsync(ServiceLoadBalancer? loadBalancer, CancellationToken cancellationToken)
    {
        if (loadBalancer is null) return null;
        var group = await _elb.FindTargetGroupAsync(loadBalancer.TargetGroupArn, cancellationToken).ConfigureAwait(false);
        if (group is null || group.LoadBalancerArns.Count == 0) return null;
        var lbs = await _aws.Elb.DescribeLoadBalancersAsync(arns: [group.LoadBalancerArns[0]], cancellationToken: cancellationToken).ConfigureAwait(false);
        return lbs.Items.FirstOrDefault()?.SecurityGroups is { Count: > 0 } groups ? [.. groups] : null;
    }
}
