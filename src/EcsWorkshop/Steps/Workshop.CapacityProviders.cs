using System.Text.Json;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Docker;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>The Fargate capacity providers: on-demand and Spot.</summary>
    public static readonly IReadOnlyList<string> FargateCapacityProviders = [CapacityProviders.Fargate, CapacityProviders.FargateSpot];

    /// <summary>
    /// Step: associate <c>FARGATE</c> and <c>FARGATE_SPOT</c> with the cluster (<c>aws ecs put-cluster-capacity-providers</c>),
    /// with no default strategy, so that services and tasks can name them in a capacity provider strategy.
    /// </summary>
    public Task<StepResult<ClusterView>> UseFargateCapacityProvidersAsync(string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("キャパシティープロバイダーの関連付け", async () =>
        {
            var response = await _aws.Ecs.PutClusterCapacityProvidersAsync(new PutClusterCapacityProvidersRequest
            {
                Cluster = cluster,
                CapacityProviders = FargateCapacityProviders,
                DefaultCapacityProviderStrategy = [],
            }, cancellationToken).ConfigureAwait(false);
            return _results.Of($"クラスター {cluster} で FARGATE と FARGATE_SPOT を使えるようにしました", Views.Of(response.Cluster!),
                AwsCliCommand.For("ecs", "put-cluster-capacity-providers").With("cluster", cluster)
                    .With("capacity-providers", JsonSerializer.Serialize(FargateCapacityProviders))
                    .With("default-capacity-provider-strategy", "[]"),
                "Fargate のキャパシティープロバイダーは作る必要がなく、クラスターに関連付けるだけで使えます。指定しなかったプロバイダーはクラスターから外れます。",
                ExplanationTopic.LaunchTypes);
        });

    /// <summary>
    /// Step: change a service's capacity provider strategy (<c>aws ecs update-service --capacity-provider-strategy
    /// --force-new-deployment</c>): <paramref name="onDemandBase"/> tasks on <c>FARGATE</c> first, then the rest in the
    /// ratio <paramref name="onDemandWeight"/> : <paramref name="spotWeight"/> on <c>FARGATE</c> and <c>FARGATE_SPOT</c>.
    /// ECS takes a new strategy only with a new deployment, which replaces the tasks on the new providers.
    /// </summary>
    public Task<StepResult<ServiceView>> UpdateServiceCapacityAsync(string service, int onDemandBase, int onDemandWeight, int spotWeight,
        string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("キャパシティープロバイダー戦略の変更", async () =>
        {
            IReadOnlyList<CapacityProviderStrategyItem> strategy =
            [
                new() { CapacityProvider = CapacityProviders.Fargate, Base = onDemandBase, Weight = onDemandWeight },
                new() { CapacityProvider = CapacityProviders.FargateSpot, Weight = spotWeight },
            ];
            var response = await _aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest
            {
                Cluster = cluster,
                Service = service,
                CapacityProviderStrategy = strategy,
                ForceNewDeployment = true,
            }, cancellationToken).ConfigureAwait(false);
            return _results.Of($"サービス {service} を FARGATE (base {onDemandBase}, ウエイト {onDemandWeight}) と FARGATE_SPOT (ウエイト {spotWeight}) に分けます",
                Views.Of(response.Service!),
                AwsCliCommand.For("ecs", "update-service").With("cluster", cluster).With("service", service)
                    .With("capacity-provider-strategy", JsonSerializer.Serialize(strategy.Select(i => new { capacityProvider = i.CapacityProvider, @base = i.Base ?? 0, weight = i.Weight ?? 0 })))
                    .WithFlag("force-new-deployment"),
                "ECS はまず `base` の数のタスクを FARGATE に置き、残りをウエイト値の比で振り分けます。戦略を変えるには新しいデプロイ (`--force-new-deployment`) が必要です。",
                ExplanationTopic.LaunchTypes, ExplanationTopic.RollingUpdate);
        });

    /// <summary>
    /// Step: interrupt a Fargate Spot task as AWS does when it needs the capacity back (the simulator's
    /// <c>/_workshop/spot-interruption</c>): the task gets the two-minute warning (SIGTERM to its containers), stops with
    /// <c>SpotInterruption</c>, and its service starts a replacement. On AWS only AWS interrupts Spot tasks, so this
    /// step is the simulator's only.
    /// </summary>
    public Task<StepResult<TaskView>> InterruptSpotTaskAsync(string task, string cluster = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("Fargate Spot の中断", async () =>
        {
            if (Endpoint is not { } endpoint)
                throw new InvalidOperationException(
                    "AWS では Fargate Spot の中断を自分で起こすことはできません (AWS がキャパシティーを戻すときに中断します)。このステップはシミュレーター専用です。");
            await SpotInterruptions.InterruptAsync(endpoint, cluster, task, Region, cancellationToken, _aws.Settings).ConfigureAwait(false);
            var interrupted = await _ecs.DescribeTaskAsync(cluster, task, cancellationToken).ConfigureAwait(false);
            return _results.Of($"タスク {interrupted.Id} に Spot の中断を起こしました", interrupted,
                AwsCliCommand.For("ecs", "describe-tasks").With("cluster", cluster).With("tasks", interrupted.Id),
                "2 分間の警告の間、タスクは `lastStatus` が RUNNING のまま `desiredStatus` が `STOPPED` になり、停止コードは `SpotInterruption` です。コンテナには SIGTERM が送られます。サービスのタスクなら、スケジューラーが戦略に従って代わりを起動します。",
                ExplanationTopic.LaunchTypes, ExplanationTopic.TaskLifecycle);
        });
}
