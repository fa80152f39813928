using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain.Scheduling;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Ecs.Persistence;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>Told what happened in every committed change to the ECS world (for example, to write task logs).</summary>
public interface IEcsObserver
{
    /// <summary>
    /// Called after a change is stored and visible, in commit order, with one event per task the change touched
    /// (never empty). Must not throw.
    /// </summary>
    void TasksChanged(IReadOnlyList<TaskChanged> changes);
}

/// <summary>
/// Owns the ECS world: loads it from the store, applies changes one at a time (so concurrent clients never see
/// duplicate or skipped revisions), stores each change before anyone can see it, and moves the world on with the
/// clock (<see cref="Advance"/>).
/// </summary>
public sealed class EcsEngine(
    StateStore store,
    TimeProvider time,
    SimulationSettings settings,
    IdGenerator ids,
    IContainerEnvironment? environment = null,
    IReadOnlyList<IEcsObserver>? observers = null,
    ILoadBalancing? loadBalancing = null,
    ITaskNetworks? networks = null)
{
    private readonly DurableWorld<EcsWorld> _world = new(store, EcsRows.Kinds, EcsRows.Load(store));
    private readonly IContainerEnvironment _environment = environment ?? StandaloneEnvironment.Instance;
    private readonly IReadOnlyList<IEcsObserver> _observers = observers ?? [];

    /// <summary>The clock the world runs on.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>Elastic Load Balancing around ECS (none unless the simulation plugs it in).</summary>
    public ILoadBalancing LoadBalancing { get; } = loadBalancing ?? NoLoadBalancing.Instance;

    /// <summary>The VPCs around ECS (any well-formed id exists unless the simulation plugs its EC2 in).</summary>
    public ITaskNetworks Networks { get; } = networks ?? ShapeOnlyNetworks.Instance;

    /// <summary>The simulation speed and lifecycle durations.</summary>
    public SimulationSettings Settings { get; } = settings;

    /// <summary>Where new ids come from.</summary>
    public IdGenerator Ids { get; } = ids;

    /// <summary>The current world (a consistent snapshot; it never changes under the reader).</summary>
    public EcsWorld World => _world.Current;

    /// <summary>Applies one change atomically and durably, tells the observers, and returns what it produced.</summary>
    public T Mutate<T>(Func<EcsTransaction, T> change) =>
        _world.Mutate(
            world => new EcsTransaction(world, Time.GetUtcNow(), Ids, Settings, _environment, LoadBalancing, Networks),
            change,
            _observers.Count == 0 ? null : (before, transaction) =>
            {
                var events = transaction.TaskEvents(before);
                if (events.Count == 0) return;
                foreach (var observer in _observers) observer.TasksChanged(events);
            });

    /// <summary>Moves every task and service on to the current time. Returns how many entities changed.</summary>
    public int Advance() => Mutate(transaction =>
    {
        Scheduler.Reconcile(transaction);
        return transaction.Changes.Count;
    });
}
