using EcsWorkshop.Simulator.Logs.Domain;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Logs.Persistence;

/// <summary>
/// The storage adapter of CloudWatch Logs: the rows of its groups, streams and events (one row per event). A new kind
/// of record gets a <see cref="RowKind{T}"/> here, in <see cref="Kinds"/> and in <see cref="Load"/>.
/// </summary>
public static class LogsRows
{
    public static RowKind<LogGroup> Groups { get; } = new("logs/group", g => g.Arn);
    public static RowKind<LogStream> Streams { get; } = new("logs/stream", s => s.Key);
    public static RowKind<LogEvent> Events { get; } = new("logs/event", e => e.Key);

    /// <summary>Every kind of CloudWatch Logs row.</summary>
    public static RowKinds Kinds { get; } = new(Groups, Streams, Events);

    /// <summary>Reads the logs world back from the store.</summary>
    public static LogsWorld Load(StateStore store) => new(
        Groups.LoadAll(store, LogsWorld.Empty.Groups),
        Streams.LoadAll(store, LogsWorld.Empty.Streams),
        Events.LoadAll(store, LogsWorld.Empty.Events));
}
