using System.Collections.Immutable;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain.Metrics;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain.TargetTracking;

/// <summary>
/// Moves target tracking on with the clock. At every tick it closes the activities ECS has fulfilled (the service's
/// running count reached the count set). At every new evaluation period (<see cref="TargetTrackingRules.Period"/>
/// on the simulated clock, so at speed 60 a minute passes each second) it reads each policy's metric, advances its
/// alarms and applies what <see cref="TargetTrackingRules.Decide"/> decides: a new desired count set through ECS,
/// recorded as a scaling activity with AWS's texts.
/// </summary>
public static class TargetTrackingScheduler
{
    /// <summary>How many missed periods a late tick catches up on (AlarmLow's whole window).</summary>
    private const int MaxCatchUp = TargetTrackingRules.LowDatapoints;

    public static int Run(AutoScalingEngine engine)
    {
        var scaling = engine.World;
        if (scaling.Targets.IsEmpty) return 0;
        var now = engine.Time.GetUtcNow();
        var period = engine.Settings.Scaled(TargetTrackingRules.Period);
        var index = now.UtcTicks / Math.Max(1, period.Ticks);
        var ecs = engine.Ecs.World;

        var services = new Dictionary<string, Service>(StringComparer.Ordinal);
        foreach (var target in scaling.Targets.Values)
            if (ecs.Services.TryGetValue(EcsCapacity.ServiceArn(target), out var service) && service.Status == ServiceStatus.Active)
                services[target.Key] = service;
        var counts = ServiceCounts.For(ecs, services.Values);
        var running = RunningTasksByService(ecs, services.Values);
        var decisions = new List<(ScalableTarget Target, ScalingDecision.Scale Decision)>();

        var changed = engine.Mutate(tx =>
        {
            var touched = 0;
            foreach (var target in tx.World.Targets.Values)
            {
                if (!services.TryGetValue(target.Key, out var service)) continue;
                var serviceCounts = counts[service.Arn];
                var current = CloseFulfilled(tx, target, service, serviceCounts);
                if (current.LastEvaluatedPeriod is not { } last || index > last)
                {
                    var periods = current.LastEvaluatedPeriod is { } seen ? (int)Math.Min(index - seen, MaxCatchUp) : 0;
                    var decision = periods == 0
                        ? ScalingDecision.None
                        : Evaluate(engine, tx, current, service, serviceCounts.Total.Running, running.GetValueOrDefault(service.Arn) ?? [], periods, now, period);
                    current = current with { LastEvaluatedPeriod = index };
                    if (decision is ScalingDecision.Scale scale) decisions.Add((current, scale));
                    if (periods > 0)
                    {
                        // An alarm that stays in ALARM at a bound is recorded once, not every minute.
                        var notScaled = decision as ScalingDecision.NotScaled;
                        if (notScaled is not null && current.ReportedNotScaled != notScaled.Code) RecordNotScaled(engine, tx, current, service, notScaled);
                        current = current with { ReportedNotScaled = notScaled?.Code };
                    }
                }
                if (current != target)
                {
                    tx.Put(current);
                    touched++;
                }
            }
            return touched;
        });

        foreach (var (target, decision) in decisions) Apply(engine, target, decision);
        return changed + decisions.Count;
    }

    private static ScalingDecision Evaluate(AutoScalingEngine engine, AutoScalingTransaction tx, ScalableTarget target, Service service, int runningCount,
        IReadOnlyList<EcsTask> runningTasks, int periods, DateTimeOffset now, TimeSpan period)
    {
        var metered = new MeteredService(service, engine.Ecs.World.TaskDefinitions.GetValueOrDefault(service.TaskDefinitionArn), runningTasks, tx.World);
        var readings = new List<PolicyReading>();
        foreach (var policy in tx.World.PoliciesOf(target.Key).ToList())
        {
            var metric = Metric(engine, policy, metered, now - period, now);
            var streaks = policy.Streaks;
            for (var i = 0; i < periods; i++) streaks = TargetTrackingRules.Next(streaks, metric, policy.TargetTracking.TargetValue);
            var updated = streaks == policy.Streaks ? policy : policy with { Streaks = streaks };
            if (!ReferenceEquals(updated, policy)) tx.Put(updated);
            readings.Add(new PolicyReading(updated, metric, streaks));
        }
        if (readings.Count == 0) return ScalingDecision.None;
        return TargetTrackingRules.Decide(new ScalingSituation(
            target.MinCapacity, target.MaxCapacity, service.DesiredCount, runningCount, EcsCapacity.Deploying(service), target.Suspended,
            now, target.LastScaleInAt, engine.Settings.Scaled, readings));
    }

    /// <summary>One period's datapoint of a policy's metric, or null (insufficient data).</summary>
    public static double? Metric(AutoScalingEngine engine, ScalingPolicy policy, MeteredService service, DateTimeOffset from, DateTimeOffset to)
    {
        switch (policy.TargetTracking.PredefinedMetricType)
        {
            case AutoScalingNames.Cpu:
                return engine.Utilization.Utilization(service, UtilizationKind.Cpu, from, to);
            case AutoScalingNames.Memory:
                return engine.Utilization.Utilization(service, UtilizationKind.Memory, from, to);
            case AutoScalingNames.RequestCountPerTarget:
                var elbv2 = engine.Elbv2.World;
                if (policy.TargetTracking.ResourceLabel is not { } label || ResourceLabels.TargetGroupOf(label, service.Service, elbv2) is not { } group)
                    return null;
                var targets = elbv2.TargetsOf(group).Count();
                if (targets == 0) return null;
                return (double)engine.Requests.Requests(group, from, to) / targets;
            default:
                return null;
        }
    }

    /// <summary>Marks the target's in-progress activity Successful once the service runs the count it set.</summary>
    private static ScalableTarget CloseFulfilled(AutoScalingTransaction tx, ScalableTarget target, Service service, ServiceCounts counts)
    {
        if (target.InProgressActivityKey is not { } key || !tx.World.Activities.TryGetValue(key, out var activity))
            return target.InProgressActivityKey is null ? target : target with { InProgressActivityKey = null };
        if (service.DesiredCount != activity.DesiredCount)
        {
            tx.Put(activity with { StatusCode = ActivityStatus.Overridden, EndTime = tx.Now });
            return target with { InProgressActivityKey = null };
        }
        if (counts.Total.Running != activity.DesiredCount || counts.Total.Pending > 0) return target;
        tx.Put(activity with
        {
            StatusCode = ActivityStatus.Successful,
            EndTime = tx.Now,
            StatusMessage = ScalingMessages.Fulfilled(activity.DesiredCount),
        });
        return target with { InProgressActivityKey = null };
    }

    /// <summary>Sets the new desired count through ECS, then records the activity (Failed with ECS's error when ECS refuses).</summary>
    private static void Apply(AutoScalingEngine engine, ScalableTarget target, ScalingDecision.Scale decision)
    {
        string? failure = null;
        try
        {
            EcsCapacity.SetDesiredCount(engine.Ecs, target, decision.DesiredCount);
        }
        catch (DomainError e)
        {
            failure = ScalingMessages.Failed(e.Code, e.Message);
        }
        engine.Mutate(tx =>
        {
            if (!tx.World.Targets.TryGetValue(target.Key, out var current)) return 0;
            if (current.InProgressActivityKey is { } previous && tx.World.Activities.TryGetValue(previous, out var superseded))
                tx.Put(superseded with { StatusCode = ActivityStatus.Overridden, EndTime = tx.Now });
            var id = engine.Ids.Uuid();
            var activity = new ScalingActivity(
                Key: ScalingActivity.KeyOf(target.Key, tx.Now, id),
                ActivityId: id,
                TargetKey: target.Key,
                Region: target.Region,
                ServiceNamespace: target.ServiceNamespace,
                ResourceId: target.ResourceId,
                ScalableDimension: target.ScalableDimension,
                Description: ScalingMessages.SettingDesiredCount(decision.DesiredCount),
                Cause: ScalingMessages.AlarmCause(decision.Alarm.AlarmName, decision.Policy.PolicyName),
                StartTime: tx.Now,
                EndTime: failure is null ? null : tx.Now,
                StatusCode: failure is null ? ActivityStatus.InProgress : ActivityStatus.Failed,
                StatusMessage: failure,
                DesiredCount: decision.DesiredCount,
                NotScaledReasons: []);
            tx.Put(activity);
            tx.Put(current with
            {
                InProgressActivityKey = failure is null ? activity.Key : null,
                LastScaleOutAt = decision.ScaleOut && failure is null ? tx.Now : current.LastScaleOutAt,
                // A scale-out ends the scale-in cooldown; a scale-in starts it.
                LastScaleInAt = failure is not null ? current.LastScaleInAt : decision.ScaleOut ? null : tx.Now,
            });
            return 1;
        });
    }

    private static void RecordNotScaled(AutoScalingEngine engine, AutoScalingTransaction tx, ScalableTarget target, Service service, ScalingDecision.NotScaled decision)
    {
        var id = engine.Ids.Uuid();
        var reason = decision.Code == NotScaledCodes.AlreadyAtMaxCapacity
            ? new NotScaledReason(decision.Code, target.MaxCapacity, null, service.DesiredCount)
            : new NotScaledReason(decision.Code, null, target.MinCapacity, service.DesiredCount);
        tx.Put(new ScalingActivity(
            Key: ScalingActivity.KeyOf(target.Key, tx.Now, id),
            ActivityId: id,
            TargetKey: target.Key,
            Region: target.Region,
            ServiceNamespace: target.ServiceNamespace,
            ResourceId: target.ResourceId,
            ScalableDimension: target.ScalableDimension,
            Description: ScalingMessages.AttemptingToScale,
            Cause: ScalingMessages.AlarmCause(decision.Alarm.AlarmName, decision.Policy.PolicyName),
            StartTime: tx.Now,
            EndTime: tx.Now,
            StatusCode: ActivityStatus.Failed,
            StatusMessage: null,
            DesiredCount: service.DesiredCount,
            NotScaledReasons: [reason]));
    }

    private static Dictionary<string, List<EcsTask>> RunningTasksByService(EcsWorld world, IEnumerable<Service> services)
    {
        var wanted = services.Select(s => s.Arn).ToHashSet(StringComparer.Ordinal);
        var byService = new Dictionary<string, List<EcsTask>>(StringComparer.Ordinal);
        foreach (var task in world.Tasks.Values)
        {
            if (task.ServiceArn is not { } arn || !wanted.Contains(arn) || task.LastStatus != EcsTaskStatus.Running) continue;
            if (!byService.TryGetValue(arn, out var list)) byService[arn] = list = [];
            list.Add(task);
        }
        return byService;
    }
}
