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
public sealed class LogsTransaction(LogsWorld world, DateTimeOffset now) : WorldTransaction<LogsWorld>(world, now)
{
    public void Put(LogGroup group) => Write(group, static (w, r) => w with { Groups = w.Groups.SetItem(r.Arn, r) });

    public void Put(LogStream stream) => Write(stream, static (w, r) => w with { Streams = w.Streams.SetItem(r.Key, r) });

    public void Put(LogEvent logEvent) => Write(logEvent, static (w, r) => w with { Events = w.Events.SetItem(r.Key, r) });

    /// <summary>Removes a group with its streams and events.</summary>
    public void Remove(LogGroup group)
    {
        foreach (var stream in World.StreamsOf(group).ToList())
        {
            foreach (var logEvent in World.EventsOf(stream).ToList())
                Delete<LogEvent>(logEvent.Key, static (w, key) => w with { Events = w.Events.Remove(key) });
            Delete<LogStream>(stream.Key, static (w, key) => w with { Streams = w.Streams.Remove(key) });
        }
        Delete<LogGroup>(group.Arn, static (w, key) => w with { Groups = w.Groups.Remove(key) });
    }
}
