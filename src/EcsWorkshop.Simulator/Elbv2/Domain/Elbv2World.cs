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
public sealed class Elbv2Transaction(Elbv2World world, DateTimeOffset now, Elbv2Context context) : WorldTransaction<Elbv2World>(world, now)
{
    /// <summary>Ids, the simulated durations and the VPC the load balancers live in.</summary>
    public Elbv2Context Context { get; } = context;

    public void Put(LoadBalancer value) => Write(value, static (w, r) => w with { LoadBalancers = w.LoadBalancers.SetItem(r.Arn, r) });

    public void Put(TargetGroup value) => Write(value, static (w, r) => w with { TargetGroups = w.TargetGroups.SetItem(r.Arn, r) });

    public void Put(Listener value) => Write(value, static (w, r) => w with { Listeners = w.Listeners.SetItem(r.Arn, r) });

    public void Put(TargetRegistration value) => Write(value, static (w, r) => w with { Targets = w.Targets.SetItem(r.Key, r) });

    public void Remove(LoadBalancer value) => Delete<LoadBalancer>(value.Arn, static (w, key) => w with { LoadBalancers = w.LoadBalancers.Remove(key) });

    public void Remove(TargetGroup value) => Delete<TargetGroup>(value.Arn, static (w, key) => w with { TargetGroups = w.TargetGroups.Remove(key) });

    public void Remove(Listener value) => Delete<Listener>(value.Arn, static (w, key) => w with { Listeners = w.Listeners.Remove(key) });

    public void Remove(TargetRegistration value) => Delete<TargetRegistration>(value.Key, static (w, key) => w with { Targets = w.Targets.Remove(key) });
}
