using System.Collections.Immutable;
using System.Text.Json;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain.Scheduling;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>
/// Owns the ECS world: loads it from the store, applies changes one at a time (so concurrent clients never see
/// duplicate or skipped revisions), stores each change before anyone can see it, and moves the world on with the
/// clock (<see cref="Advance"/>).
/// </summary>
public sealed class EcsEngine
{
    private readonly Lock _gate = new();
    private readonly StateStore _store;
    private volatile EcsWorld _world;

    public EcsEngine(StateStore store, TimeProvider time, SimulationSettings settings, IdGenerator ids)
    {
        _store = store;
        Time = time;
        Settings = settings;
        Ids = ids;
        _world = Load(store);
    }

    /// <summary>The clock the world runs on.</summary>
    public TimeProvider Time { get; }

    /// <summary>The simulation speed and lifecycle durations.</summary>
    public SimulationSettings Settings { get; }

    /// <summary>Where new ids come from.</summary>
    public IdGenerator Ids { get; }

    /// <summary>The current world (a consistent snapshot; it never changes under the reader).</summary>
    public EcsWorld World => _world;

    /// <summary>Applies one change atomically and durably, and returns what it produced.</summary>
    public T Mutate<T>(Func<EcsTransaction, T> change)
    {
        lock (_gate)
        {
            var transaction = new EcsTransaction(_world, Time.GetUtcNow(), Ids, Settings);
            var result = change(transaction);
            _store.Apply(transaction.Changes);
            _world = transaction.World;
            return result;
        }
    }

    /// <summary>Moves every task and service on to the current time. Returns how many entities changed.</summary>
    public int Advance() => Mutate(transaction =>
    {
        Scheduler.Reconcile(transaction);
        return transaction.Changes.Count;
    });

    private static EcsWorld Load(StateStore store)
    {
        var empty = EcsWorld.Empty;
        return new EcsWorld(
            LoadKind<Clusters.Cluster>(store, EcsTransaction.ClusterKind, empty.Clusters),
            LoadKind<TaskDefinitions.TaskDefinitionFamily>(store, EcsTransaction.FamilyKind, empty.Families),
            LoadKind<TaskDefinitions.TaskDefinition>(store, EcsTransaction.TaskDefinitionKind, empty.TaskDefinitions),
            LoadKind<Services.Service>(store, EcsTransaction.ServiceKind, empty.Services),
            LoadKind<Tasks.EcsTask>(store, EcsTransaction.TaskKind, empty.Tasks));
    }

    private static ImmutableSortedDictionary<string, T> LoadKind<T>(StateStore store, string kind, ImmutableSortedDictionary<string, T> empty)
    {
        var builder = empty.ToBuilder();
        foreach (var (key, json) in store.Load(kind))
            builder[key] = JsonSerializer.Deserialize<T>(json, StorageJson.Options)
                ?? throw new InvalidDataException($"The stored {kind} '{key}' is empty.");
        return builder.ToImmutable();
    }
}
