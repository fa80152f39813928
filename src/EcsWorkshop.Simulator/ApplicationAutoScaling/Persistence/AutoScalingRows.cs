using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Persistence;

/// <summary>
/// The storage adapter of Application Auto Scaling: the rows of its scalable targets, policies, activities and the
/// workshop's simulated loads. A new kind of record gets a <see cref="RowKind{T}"/> here, in <see cref="Kinds"/> and in <see cref="Load"/>.
/// </summary>
public static class AutoScalingRows
{
    public static RowKind<ScalableTarget> Targets { get; } = new("autoscaling/scalable-target", t => t.Key);
    public static RowKind<ScalingPolicy> Policies { get; } = new("autoscaling/scaling-policy", p => p.Key);
    public static RowKind<ScalingActivity> Activities { get; } = new("autoscaling/scaling-activity", a => a.Key);
    public static RowKind<ServiceLoad> Loads { get; } = new("autoscaling/service-load", l => l.ServiceArn);

    /// <summary>Every kind of Application Auto Scaling row.</summary>
    public static RowKinds Kinds { get; } = new(Targets, Policies, Activities, Loads);

    /// <summary>Reads the world back from the store.</summary>
    public static AutoScalingWorld Load(StateStore store) => new(
        Targets.LoadAll(store, AutoScalingWorld.Empty.Targets),
        Policies.LoadAll(store, AutoScalingWorld.Empty.Policies),
        Activities.LoadAll(store, AutoScalingWorld.Empty.Activities),
        Loads.LoadAll(store, AutoScalingWorld.Empty.Loads));
}
