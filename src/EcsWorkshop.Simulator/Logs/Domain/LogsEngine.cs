using EcsWorkshop.Simulator.Logs.Persistence;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Logs.Domain;

/// <summary>Owns CloudWatch Logs: groups, streams and events, durable in the state store.</summary>
public sealed class LogsEngine(StateStore store, TimeProvider time)
{
    private readonly DurableWorld<LogsWorld> _world = new(store, LogsRows.Kinds, LogsRows.Load(store));

    public LogsWorld World => _world.Current;

    public TimeProvider Time { get; } = time;

    public T Mutate<T>(Func<LogsTransaction, T> change) =>
        _world.Mutate(world => new LogsTransaction(world, Time.GetUtcNow()), change);
}
