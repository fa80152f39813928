using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain.Metrics;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain.TargetTracking;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Persistence;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Elbv2.Domain;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

/// <summary>
/// Owns Application Auto Scaling: its targets, policies and activities, durable in the state store; and, with the
/// clock (<see cref="Advance"/>), runs the target tracking policies against the ECS services they scale, changing a
/// service's desired count through ECS's own UpdateService command.
/// </summary>
public sealed class AutoScalingEngine(StateStore store, TimeProvider time, SimulationSettings settings, IdGenerator ids, EcsEngine ecs, Elbv2Engine elbv2)
{
    private readonly DurableWorld<AutoScalingWorld> _world = new(store, AutoScalingRows.Kinds, AutoScalingRows.Load(store));

    public AutoScalingWorld World => _world.Current;

    public TimeProvider Time { get; } = time;

    public SimulationSettings Settings { get; } = settings;

    public IdGenerator Ids { get; } = ids;

    /// <summary>The ECS services the targets scale.</summary>
    public EcsEngine Ecs { get; } = ecs;

    /// <summary>The load balancers behind <c>ALBRequestCountPerTarget</c>.</summary>
    public Elbv2Engine Elbv2 { get; } = elbv2;

    /// <summary>Where CPU and memory utilization come from (the workshop control unless a runtime plugs in its stats).</summary>
    public IUtilizationSource Utilization { get; set; } = SimulatedLoadUtilization.Instance;

    /// <summary>Where request counts come from (the listeners, when the server runs them).</summary>
    public IRequestCounts Requests { get; set; } = NoRequests.Instance;

    /// <summary>True while the simulated runtime runs the tasks (only then does the workshop load control apply).</summary>
    public bool UsesSimulatedLoad => Utilization is SimulatedLoadUtilization;

    public T Mutate<T>(Func<AutoScalingTransaction, T> change) =>
        _world.Mutate(world => new AutoScalingTransaction(world, Time.GetUtcNow()), change);

    /// <summary>Registers (or updates) a target; an update that leaves the service's desired count outside the range brings it in, through ECS.</summary>
    public ScalableTarget Register(RegisterScalableTargetCommand command)
    {
        var registration = Mutate(tx => ScalableTargetCommands.Register(tx, Ecs.World, Ids, command));
        if (registration.ClampedDesiredCount is { } count) EcsCapacity.SetDesiredCount(Ecs, registration.Target, count);
        return registration.Target;
    }

    /// <summary>Runs one step of target tracking (see <see cref="TargetTrackingScheduler"/>). Returns how many targets changed.</summary>
    public int Advance() => TargetTrackingScheduler.Run(this);
}
