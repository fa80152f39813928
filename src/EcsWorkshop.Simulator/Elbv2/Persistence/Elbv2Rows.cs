using EcsWorkshop.Simulator.Elbv2.Domain;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Elbv2.Persistence;

/// <summary>
/// The storage adapter of Elastic Load Balancing v2: the rows of its load balancers, target groups, listeners and
/// targets. A new kind of record gets a <see cref="RowKind{T}"/> here, in <see cref="Kinds"/> and in <see cref="Load"/>.
/// </summary>
public static class Elbv2Rows
{
    public static RowKind<LoadBalancer> LoadBalancers { get; } = new("elbv2/load-balancer", b => b.Arn);
    public static RowKind<TargetGroup> TargetGroups { get; } = new("elbv2/target-group", g => g.Arn);
    public static RowKind<Listener> Listeners { get; } = new("elbv2/listener", l => l.Arn);
    public static RowKind<TargetRegistration> Targets { get; } = new("elbv2/target", t => t.Key);

    /// <summary>Every kind of ELBv2 row.</summary>
    public static RowKinds Kinds { get; } = new(LoadBalancers, TargetGroups, Listeners, Targets);

    /// <summary>Reads the ELBv2 world back from the store.</summary>
    public static Elbv2World Load(StateStore store) => new(
        LoadBalancers.LoadAll(store, Elbv2World.Empty.LoadBalancers),
        TargetGroups.LoadAll(store, Elbv2World.Empty.TargetGroups),
        Listeners.LoadAll(store, Elbv2World.Empty.Listeners),
        Targets.LoadAll(store, Elbv2World.Empty.Targets));
}
