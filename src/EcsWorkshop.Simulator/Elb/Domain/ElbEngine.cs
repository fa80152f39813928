using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Elb.Domain;

/// <summary>
/// Owns Elastic Load Balancing (v2): load balancers, target groups, listeners and targets, durable in the state
/// store, moving on with the simulated clock (provisioning ends, draining ends) when read or changed.
/// </summary>
public sealed class ElbEngine(StateStore store, TimeProvider time, ElbContext context)
{
    private readonly DurableWorld<ElbWorld> _world = new(store, ElbStorage.Load(store));

    public ElbWorld World => _world.Current;

    public TimeProvider Time { get; } = time;

    public ElbContext Context { get; } = context;

    /// <summary>Applies one change atomically and durably (after removing targets whose draining has ended).</summary>
    public T Mutate<T>(Func<ElbTransaction, T> change) =>
        _world.Mutate(world => new ElbTransaction(world, Time.GetUtcNow(), Context), transaction =>
        {
            TargetCommands.ExpireDrained(transaction);
            return change(transaction);
        });

    /// <summary>Whether a load balancer of the region uses a security group (EC2 refuses to delete it then).</summary>
    public bool UsesSecurityGroup(string region, string groupId) =>
        World.LoadBalancers.Values.Any(lb => lb.Region == region && lb.SecurityGroups.Contains(groupId));
}
