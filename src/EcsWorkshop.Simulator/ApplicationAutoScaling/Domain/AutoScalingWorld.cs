using System.Collections.Immutable;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

/// <summary>Everything Application Auto Scaling holds: scalable targets, policies, activities, and the workshop's simulated loads.</summary>
public sealed record AutoScalingWorld(
    ImmutableSortedDictionary<string, ScalableTarget> Targets,
    ImmutableSortedDictionary<string, ScalingPolicy> Policies,
    ImmutableSortedDictionary<string, ScalingActivity> Activities,
    ImmutableSortedDictionary<string, ServiceLoad> Loads)
{
    public static AutoScalingWorld Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, ScalableTarget>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, ScalingPolicy>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, ScalingActivity>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, ServiceLoad>(StringComparer.Ordinal));

    /// <summary>The policies of a target, by name.</summary>
    public IEnumerable<ScalingPolicy> PoliciesOf(string targetKey)
    {
        var prefix = targetKey + "|";
        return Policies.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p.Value);
    }

    /// <summary>The activities of a target, oldest first.</summary>
    public IEnumerable<ScalingActivity> ActivitiesOf(string targetKey)
    {
        var prefix = targetKey + "|";
        return Activities.Where(a => a.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(a => a.Value);
    }
}

/// <summary>One change to the Application Auto Scaling world.</summary>
public sealed class AutoScalingTransaction(AutoScalingWorld world, DateTimeOffset now) : WorldTransaction<AutoScalingWorld>(world, now)
{
    public void Put(ScalableTarget target) => Write(target, static (w, r) => w with { Targets = w.Targets.SetItem(r.Key, r) });

    public void Put(ScalingPolicy policy) => Write(policy, static (w, r) => w with { Policies = w.Policies.SetItem(r.Key, r) });

    public void Put(ScalingActivity activity) => Write(activity, static (w, r) => w with { Activities = w.Activities.SetItem(r.Key, r) });

    public void Put(ServiceLoad load) => Write(load, static (w, r) => w with { Loads = w.Loads.SetItem(r.ServiceArn, r) });

    public void Remove(ScalingPolicy policy) => Delete<ScalingPolicy>(policy.Key, static (w, key) => w with { Policies = w.Policies.Remove(key) });

    public void Remove(ScalingActivity activity) => Delete<ScalingActivity>(activity.Key, static (w, key) => w with { Activities = w.Activities.Remove(key) });

    /// <summary>Removes a target with its policies (its activities stay, as AWS keeps them for six weeks).</summary>
    public void Remove(ScalableTarget target)
    {
        foreach (var policy in World.PoliciesOf(target.Key).ToList()) Remove(policy);
        Delete<ScalableTarget>(target.Key, static (w, key) => w with { Targets = w.Targets.Remove(key) });
    }
}
