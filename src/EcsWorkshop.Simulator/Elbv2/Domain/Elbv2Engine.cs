using EcsWorkshop.Simulator.Elbv2.Persistence;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>
/// Owns Elastic Load Balancing (v2): load balancers, target groups, listeners and targets, durable in the state
/// store, moving on with the simulated clock (provisioning ends, draining ends) when read or changed.
/// </summary>
public sealed class Elbv2Engine(StateStore store, TimeProvider time, Elbv2Context context)
{
    private readonly DurableWorld<Elbv2World> _world = new(store, Elbv2Rows.Kinds, Elbv2Rows.Load(store));

    public Elbv2World World => _world.Current;

    public TimeProvider Time { get; } = time;

    public Elbv2Context Context { get; } = context;

    /// <summary>Applies one change atomically and durably (after removing targets whose draining has ended).</summary>
    public T Mutate<T>(Func<Elbv2Transaction, T> change) =>
        _world.Mutate(world => new Elbv2Transaction(world, Time.GetUtcNow(), Context), transaction =>
        {
            TargetCommands.ExpireDrained(transaction);
            return change(transaction);
        });

    /// <summary>Whether a load balancer of the region uses a security group (EC2 refuses to delete it then).</summary>
    public bool UsesSecurityGroup(string region, string groupId) =>
        World.LoadBalancers.Values.Any(lb => lb.Region == region && lb.SecurityGroups.Contains(groupId));
}
