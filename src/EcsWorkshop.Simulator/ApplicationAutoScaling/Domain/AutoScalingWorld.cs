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
public sealed class AutoScalingTransaction(AutoScalingWorld world, DateTimeOffset now) : IWorldTransaction<AutoScalingWorld>
{
    private readonly List<RecordChange> _changes = [];

    public AutoScalingWorld World { get; private set; } = world;

    public DateTimeOffset Now { get; } = now;

    public IReadOnlyList<RecordChange> Changes => _changes;

    public void Put(ScalableTarget target)
    {
        World = World with { Targets = World.Targets.SetItem(target.Key, target) };
        _changes.Add(RecordChange.Write(target));
    }

    public void Put(ScalingPolicy policy)
    {
        World = World with { Policies = World.Policies.SetItem(policy.Key, policy) };
        _changes.Add(RecordChange.Write(policy));
    }

    public void Put(ScalingActivity activity)
    {
        World = World with { Activities = World.Activities.SetItem(activity.Key, activity) };
        _changes.Add(RecordChange.Write(activity));
    }

    public void Put(ServiceLoad load)
    {
        World = World with { Loads = World.Loads.SetItem(load.ServiceArn, load) };
        _changes.Add(RecordChange.Write(load));
    }

    public void Remove(ScalingPolicy policy)
    {
        World = World with { Policies = World.Policies.Remove(policy.Key) };
        _changes.Add(RecordChange.Remove<ScalingPolicy>(policy.Key));
    }

    public void Remove(ScalingActivity activity)
    {
        World = World with { Activities = World.Activities.Remove(activity.Key) };
        _changes.Add(RecordChange.Remove<ScalingActivity>(activity.Key));
    }

    /// <summary>Removes a target with its policies (its activities stay, as AWS keeps them for six weeks).</summary>
    public void Remove(ScalableTarget target)
    {
        foreach (var policy in World.PoliciesOf(target.Key).ToList()) Remove(policy);
        World = World with { Targets = World.Targets.Remove(target.Key) };
        _changes.Add(RecordChange.Remove<ScalableTarget>(target.Key));
    }
}
