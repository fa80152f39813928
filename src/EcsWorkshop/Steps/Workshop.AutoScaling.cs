using EcsWorkshop.Aws.AutoScaling;
using EcsWorkshop.Aws.AutoScaling.Model;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Docker;
using EcsWorkshop.Results;
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
            var load = await ServiceLoadControl.SetAsync(endpoint, cluster, service, cpuPercent, memoryPercent, Region, cancellationToken).ConfigureAwait(false);
            var shown = string.Join(" / ", new[] { load.CpuPercent is { } c ? $"CPU {c}%" : null, load.MemoryPercent is { } m ? $"メモリ {m}%" : null }
                .Where(t => t is not null));
            return _results.Of($"{service}: 実行中のタスク {load.RunningCount} 個の平均 {shown}", load, null,
                "シミュレーターの負荷は、いま実行中のタスクが示す使用率で指定します。タスクが増えると同じ負荷を分け合うので、使用率は下がります。",
                ExplanationTopic.DesiredCount);
        });
}
