using System.Collections.Immutable;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Logs.Domain;

/// <summary>Everything CloudWatch Logs holds: groups (by ARN), streams and events (by key).</summary>
public sealed record LogsWorld(
    ImmutableSortedDictionary<string, LogGroup> Groups,
    ImmutableSortedDictionary<string, LogStream> Streams,
    ImmutableSortedDictionary<string, LogEvent> Events)
{
    public static LogsWorld Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, LogGroup>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, LogStream>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, LogEvent>(StringComparer.Ordinal));

    /// <summary>The streams of a group, by name.</summary>
    public IEnumerable<LogStream> StreamsOf(LogGroup group)
    {
        var prefix = group.Arn + "|";
        return Streams.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(s => s.Value);
    }

    /// <summary>The events of a stream, oldest first.</summary>
    public IEnumerable<LogEvent> EventsOf(LogStream stream)
    {
        var prefix = stream.Key + "|";
        return Events.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(e => e.Value).OrderBy(e => e.Timestamp).ThenBy(e => e.Sequence);
    }
}

/// <summary>One change to the logs world.</summary>
public sealed class LogsTransaction(LogsWorld world, DateTimeOffset now) : IWorldTransaction<LogsWorld>
{
    private readonly List<RecordChange> _changes = [];

    public LogsWorld World { get; private set; } = world;

    public DateTimeOffset Now { get; } = now;

    public IReadOnlyList<RecordChange> Changes => _changes;

    public void Put(LogGroup group)
    {
        World = World with { Groups = World.Groups.SetItem(group.Arn, group) };
        _changes.Add(RecordChange.Write(group));
    }

    public void Put(LogStream stream)
    {
        World = World with { Streams = World.Streams.SetItem(stream.Key, stream) };
        _changes.Add(RecordChange.Write(stream));
    }

    public void Put(LogEvent logEvent)
    {
        World = World with { Events = World.Events.SetItem(logEvent.Key, logEvent) };
        _changes.Add(RecordChange.Write(logEvent));
    }

    /// <summary>Removes a group with its streams and events.</summary>
    public void Remove(LogGroup group)
    {
        foreach (var stream in World.StreamsOf(group).ToList())
        {
            foreach (var logEvent in World.EventsOf(stream).ToList())
            {
                World = World with { Events = World.Events.Remove(logEvent.Key) };
                _changes.Add(RecordChange.Remove<LogEvent>(logEvent.Key));
            }
            World = World with { Streams = World.Streams.Remove(stream.Key) };
            _changes.Add(RecordChange.Remove<LogStream>(stream.Key));
        }
        World = World with { Groups = World.Groups.Remove(group.Arn) };
        _changes.Add(RecordChange.Remove<LogGroup>(group.Arn));
    }
}
