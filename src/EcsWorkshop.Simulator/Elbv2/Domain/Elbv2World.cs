using System.Collections.Immutable;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>Everything ELBv2 holds, by ARN (targets by target group, id and port).</summary>
public sealed record Elbv2World(
    ImmutableSortedDictionary<string, LoadBalancer> LoadBalancers,
    ImmutableSortedDictionary<string, TargetGroup> TargetGroups,
    ImmutableSortedDictionary<string, Listener> Listeners,
    ImmutableSortedDictionary<string, TargetRegistration> Targets)
{
    public static Elbv2World Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, LoadBalancer>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, TargetGroup>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Listener>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, TargetRegistration>(StringComparer.Ordinal));

    public IEnumerable<Listener> ListenersOf(string loadBalancerArn) =>
        Listeners.Values.Where(l => l.LoadBalancerArn == loadBalancerArn).OrderBy(l => l.Port);

    /// <summary>The listeners whose actions forward to a target group.</summary>
    public IEnumerable<Listener> ListenersForwardingTo(string targetGroupArn) =>
        Listeners.Values.Where(l => l.DefaultActions.Any(a => a.TargetGroupArn == targetGroupArn));

    /// <summary>The load balancers a target group receives traffic from (through their listeners).</summary>
    public IReadOnlyList<string> LoadBalancersOf(string targetGroupArn) =>
        [.. ListenersForwardingTo(targetGroupArn).Select(l => l.LoadBalancerArn).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The targets of a target group, draining ones included.</summary>
    public IEnumerable<TargetRegistration> TargetsOf(string targetGroupArn)
    {
        var prefix = targetGroupArn + "|";
        return Targets.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(t => t.Value);
    }
}

/// <summary>One change to the ELBv2 world, at one moment of the simulated clock.</summary>
public sealed class Elbv2Transaction(Elbv2World world, DateTimeOffset now, Elbv2Context context) : IWorldTransaction<Elbv2World>
{
    private readonly List<RecordChange> _changes = [];

    public Elbv2World World { get; private set; } = world;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Ids, the simulated durations and the VPC the load balancers live in.</summary>
    public Elbv2Context Context { get; } = context;

    public IReadOnlyList<RecordChange> Changes => _changes;

    public void Put(LoadBalancer value)
    {
        World = World with { LoadBalancers = World.LoadBalancers.SetItem(value.Arn, value) };
        _changes.Add(RecordChange.Write(value));
    }

    public void Put(TargetGroup value)
    {
        World = World with { TargetGroups = World.TargetGroups.SetItem(value.Arn, value) };
        _changes.Add(RecordChange.Write(value));
    }

    public void Put(Listener value)
    {
        World = World with { Listeners = World.Listeners.SetItem(value.Arn, value) };
        _changes.Add(RecordChange.Write(value));
    }

    public void Put(TargetRegistration value)
    {
        World = World with { Targets = World.Targets.SetItem(value.Key, value) };
        _changes.Add(RecordChange.Write(value));
    }

    public void Remove(LoadBalancer value)
    {
        World = World with { LoadBalancers = World.LoadBalancers.Remove(value.Arn) };
        _changes.Add(RecordChange.Remove<LoadBalancer>(value.Arn));
    }

    public void Remove(TargetGroup value)
    {
        World = World with { TargetGroups = World.TargetGroups.Remove(value.Arn) };
        _changes.Add(RecordChange.Remove<TargetGroup>(value.Arn));
    }

    public void Remove(Listener value)
    {
        World = World with { Listeners = World.Listeners.Remove(value.Arn) };
        _changes.Add(RecordChange.Remove<Listener>(value.Arn));
    }

    public void Remove(TargetRegistration value)
    {
        World = World with { Targets = World.Targets.Remove(value.Key) };
        _changes.Add(RecordChange.Remove<TargetRegistration>(value.Key));
    }
}
