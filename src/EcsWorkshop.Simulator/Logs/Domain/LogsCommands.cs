using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Logs.Domain;

/// <summary>ARNs of log groups for one region of the simulated account.</summary>
public sealed record LogsArns(string Region, string AccountId)
{
    public string Group(string name) => $"arn:aws:logs:{Region}:{AccountId}:log-group:{name}";
}

/// <summary>What PutLogEvents reports back.</summary>
public sealed record PutLogEventsResult(string NextSequenceToken, int? TooNewStartIndex, int? TooOldEndIndex);

/// <summary>Creating and deleting groups and streams, and writing events.</summary>
public static partial class LogsCommands
{
    /// <summary>CloudWatch Logs refuses events older than 14 days or more than 2 hours ahead.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(14);
    public static readonly TimeSpan MaxAhead = TimeSpan.FromHours(2);

    [GeneratedRegex(@"^[\.\-_/#A-Za-z0-9]{1,512}$")]
    private static partial Regex GroupNamePattern();

    [GeneratedRegex(@"^[^:*]{1,512}$")]
    private static partial Regex StreamNamePattern();

    public static void RequireGroupName(string? name)
    {
        if (name is null || !GroupNamePattern().IsMatch(name))
            throw (name is null or "" or { Length: > 512 } ? LogsErrors.NameLength : LogsErrors.GroupNamePattern).With(name ?? "null", "logGroupName");
    }

    public static void RequireStreamName(string? name)
    {
        if (name is null || !StreamNamePattern().IsMatch(name))
            throw (name is null or "" or { Length: > 512 } ? LogsErrors.NameLength : LogsErrors.StreamNamePattern).With(name ?? "null", "logStreamName");
    }

    public static LogGroup CreateGroup(LogsTransaction transaction, LogsArns arns, string? name, ImmutableDictionary<string, string>? tags)
    {
        RequireGroupName(name);
        var arn = arns.Group(name!);
        if (transaction.World.Groups.ContainsKey(arn)) throw LogsErrors.GroupExists.With();
        var group = new LogGroup(arn, name!, arns.Region, transaction.Now, null, tags ?? ImmutableDictionary<string, string>.Empty);
        transaction.Put(group);
        return group;
    }

    public static LogGroup RequireGroup(LogsWorld world, LogsArns arns, string? name)
    {
        RequireGroupName(name);
        return world.Groups.GetValueOrDefault(arns.Group(name!)) ?? throw LogsErrors.GroupNotFound.With();
    }

    public static LogStream RequireStream(LogsWorld world, LogGroup group, string? name)
    {
        RequireStreamName(name);
        return world.Streams.GetValueOrDefault(LogStream.KeyOf(group.Arn, name!)) ?? throw LogsErrors.StreamNotFound.With();
    }

    public static void DeleteGroup(LogsTransaction transaction, LogsArns arns, string? name) =>
        transaction.Remove(RequireGroup(transaction.World, arns, name));

    public static LogStream CreateStream(LogsTransaction transaction, LogsArns arns, string? groupName, string? streamName)
    {
        var group = RequireGroup(transaction.World, arns, groupName);
        RequireStreamName(streamName);
        var key = LogStream.KeyOf(group.Arn, streamName!);
        if (transaction.World.Streams.ContainsKey(key)) throw LogsErrors.StreamExists.With();
        var stream = new LogStream(key, group.Arn, streamName!, transaction.Now, null, null, null, 0, 0);
        transaction.Put(stream);
        return stream;
    }

    /// <summary>
    /// Writes a batch of events (chronological, at most 10,000) into a stream. Events too old or too far ahead are
    /// rejected as CloudWatch Logs rejects them: reported by index, the rest are stored.
    /// </summary>
    public static PutLogEventsResult Put(LogsTransaction transaction, LogsArns arns, string? groupName, string? streamName, IReadOnlyList<InputLogEvent> events)
    {
        var group = RequireGroup(transaction.World, arns, groupName);
        var stream = RequireStream(transaction.World, group, streamName);
        if (events.Count is 0 or > 10_000)
            throw LogsErrors.EventCountOutOfRange.With($"{events.Count} events", "logEvents");
        for (var i = 1; i < events.Count; i++)
            if (events[i].Timestamp < events[i - 1].Timestamp)
                throw LogsErrors.EventsOutOfOrder.With();
        if (events[^1].Timestamp - events[0].Timestamp > TimeSpan.FromHours(24))
            throw LogsErrors.EventsSpanTooLong.With();

        int? tooOldEnd = null, tooNewStart = null;
        var accepted = new List<InputLogEvent>();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Timestamp < transaction.Now - MaxAge) tooOldEnd = i + 1;
            else if (events[i].Timestamp > transaction.Now + MaxAhead) tooNewStart ??= i;
            else accepted.Add(events[i]);
        }
        Append(transaction, stream, accepted);
        return new PutLogEventsResult(transaction.World.Streams[stream.Key].EventCount.ToString("D56"), tooNewStart, tooOldEnd);
    }

    /// <summary>Appends events to a stream (already validated), updating its bookkeeping.</summary>
    public static LogStream Append(LogsTransaction transaction, LogStream stream, IReadOnlyList<InputLogEvent> events)
    {
        var current = transaction.World.Streams[stream.Key];
        foreach (var input in events)
        {
            var sequence = current.EventCount + 1;
            transaction.Put(new LogEvent(LogEvent.KeyOf(current.Key, sequence), current.Key, sequence, input.Timestamp, transaction.Now, input.Message));
            current = current with
            {
                EventCount = sequence,
                StoredBytes = current.StoredBytes + System.Text.Encoding.UTF8.GetByteCount(input.Message) + 26,
                FirstEventTimestamp = current.FirstEventTimestamp is { } first && first <= input.Timestamp ? first : input.Timestamp,
                LastEventTimestamp = current.LastEventTimestamp is { } last && last >= input.Timestamp ? last : input.Timestamp,
                LastIngestionTime = transaction.Now,
            };
        }
        transaction.Put(current);
        return current;
    }

    /// <summary>The stream, created on first use (what the awslogs driver does for each task).</summary>
    public static LogStream EnsureStream(LogsTransaction transaction, LogGroup group, string streamName)
    {
        var key = LogStream.KeyOf(group.Arn, streamName);
        if (transaction.World.Streams.TryGetValue(key, out var existing)) return existing;
        var stream = new LogStream(key, group.Arn, streamName, transaction.Now, null, null, null, 0, 0);
        transaction.Put(stream);
        return stream;
    }
}
