using System.Globalization;

namespace EcsWorkshop.Simulator.Logs.Domain;

/// <summary>A page of one stream's events, with the tokens to go forward and backward.</summary>
public sealed record StreamPage(IReadOnlyList<LogEvent> Events, string ForwardToken, string BackwardToken);

/// <summary>A page of events across streams, and the token of the next page (null at the end).</summary>
public sealed record FilteredPage(IReadOnlyList<(LogStream Stream, LogEvent Event)> Events, string? NextToken);

/// <summary>How DescribeLogStreams orders the streams.</summary>
public enum StreamOrder
{
    LogStreamName,
    LastEventTime,
}

/// <summary>
/// Reading the world back: DescribeLogGroups and DescribeLogStreams, GetLogEvents (one stream) and FilterLogEvents
/// (many streams, a pattern).
/// </summary>
public static class LogsQueries
{
    /// <summary>DescribeLogGroups: the region's groups whose name starts with the prefix or contains the pattern, by name; one page.</summary>
    public static (List<LogGroup> Page, string? NextToken) Groups(
        LogsWorld world, LogsArns arns, string? namePrefix, string? namePattern, string? nextToken, int? limit)
    {
        var groups = world.Groups.Values
            .Where(g => g.Region == arns.Region)
            .Where(g => namePrefix is null || g.Name.StartsWith(namePrefix, StringComparison.Ordinal))
            .Where(g => namePattern is null || g.Name.Contains(namePattern, StringComparison.OrdinalIgnoreCase))
            .OrderBy(g => g.Name, StringComparer.Ordinal);
        return Page(groups, nextToken, limit, 50);
    }

    /// <summary>DescribeLogStreams: a group's streams by name (or last event time), optionally by prefix and reversed; one page.</summary>
    public static (List<LogStream> Page, string? NextToken) Streams(
        LogsWorld world, LogGroup group, StreamOrder order, string? namePrefix, bool descending, string? nextToken, int? limit)
    {
        if (order == StreamOrder.LastEventTime && namePrefix is not null)
            throw LogsErrors.OrderByLastEventTimeWithPrefix.With();
        var streams = world.StreamsOf(group).Where(s => namePrefix is null || s.Name.StartsWith(namePrefix, StringComparison.Ordinal));
        streams = order == StreamOrder.LastEventTime
            ? streams.OrderBy(s => s.LastEventTimestamp ?? s.CreatedAt)
            : streams.OrderBy(s => s.Name, StringComparer.Ordinal);
        if (descending) streams = streams.Reverse();
        return Page(streams, nextToken, limit, 50);
    }

    /// <summary>Logs paging: <c>limit</c> 1 to <paramref name="max"/> (default <paramref name="max"/>) and an opaque token.</summary>
    public static (List<T> Page, string? NextToken) Page<T>(IEnumerable<T> items, string? token, int? limit, int max)
    {
        var size = limit ?? max;
        if (size < 1 || size > max) throw LogsErrors.LimitOutOfRange.With(size, "limit", max);
        return Aws.OffsetPages.Page(items, token, size, () => LogsErrors.InvalidNextToken.With());
    }

    /// <summary>
    /// One stream's events between <paramref name="start"/> and <paramref name="end"/>. Without a token: the oldest
    /// page when <paramref name="startFromHead"/>, else the newest. <c>f/N</c> reads forward from position N,
    /// <c>b/N</c> backward from it; at the end the forward token comes back unchanged, as on AWS.
    /// </summary>
    public static StreamPage Read(LogsWorld world, LogStream stream, DateTimeOffset? start, DateTimeOffset? end, string? token, int? limit, bool startFromHead)
    {
        var max = limit ?? 10_000;
        if (max is < 1 or > 10_000) throw LogsErrors.LimitOutOfRange.With(max, "limit", 10_000);
        var events = world.EventsOf(stream).Where(e => (start is null || e.Timestamp >= start) && (end is null || e.Timestamp < end)).ToList();

        int from, to;
        if (string.IsNullOrEmpty(token))
        {
            (from, to) = startFromHead ? (0, Math.Min(max, events.Count)) : (Math.Max(0, events.Count - max), events.Count);
        }
        else
        {
            var (forward, position) = ParseToken(token, events.Count);
            (from, to) = forward ? (position, Math.Min(events.Count, position + max)) : (Math.Max(0, position - max), position);
        }
        return new StreamPage(events[from..to], $"f/{to:D20}", $"b/{from:D20}");
    }

    /// <summary>Events of a group's streams matching a filter pattern, oldest first, a page at a time.</summary>
    public static FilteredPage Filter(
        LogsWorld world, LogGroup group, IReadOnlyCollection<string>? streamNames, string? streamPrefix,
        DateTimeOffset? start, DateTimeOffset? end, string? filterPattern, string? nextToken, int? limit)
    {
        var max = limit ?? 10_000;
        if (max is < 1 or > 10_000) throw LogsErrors.LimitOutOfRange.With(max, "limit", 10_000);
        if (streamNames is { Count: > 0 } && streamPrefix is not null)
            throw LogsErrors.StreamNamesAndPrefix.With();
        var pattern = FilterPattern.Parse(filterPattern);
        var matches = world.StreamsOf(group)
            .Where(s => (streamNames is not { Count: > 0 } || streamNames.Contains(s.Name)) && (streamPrefix is null || s.Name.StartsWith(streamPrefix, StringComparison.Ordinal)))
            .SelectMany(s => world.EventsOf(s).Select(e => (Stream: s, Event: e)))
            .Where(x => (start is null || x.Event.Timestamp >= start) && (end is null || x.Event.Timestamp <= end) && pattern.Matches(x.Event.Message))
            .OrderBy(x => x.Event.Timestamp).ThenBy(x => x.Stream.Name, StringComparer.Ordinal).ThenBy(x => x.Event.Sequence)
            .ToList();
        var (page, next) = Aws.OffsetPages.Page(matches, nextToken, max, () => LogsErrors.InvalidNextToken.With());
        return new FilteredPage(page, next);
    }

    private static (bool Forward, int Position) ParseToken(string token, int count)
    {
        if (token.Length > 2 && (token[0] is 'f' or 'b') && token[1] == '/' &&
            int.TryParse(token.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position <= count)
            return (token[0] == 'f', position);
        throw LogsErrors.InvalidNextToken.With();
    }
}

/// <summary>
/// The plain-text subset of CloudWatch Logs filter patterns: terms that must all appear, "quoted phrases",
/// <c>-term</c> to exclude, <c>?term</c> for any-of. JSON and space-delimited patterns are refused clearly.
/// </summary>
public sealed record FilterPattern(IReadOnlyList<string> Required, IReadOnlyList<string> Excluded, IReadOnlyList<string> AnyOf)
{
    public static FilterPattern Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new([], [], []);
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
            throw LogsErrors.FilterPatternNotSimulated.With();
        List<string> required = [], excluded = [], anyOf = [];
        foreach (var term in Terms(trimmed))
        {
            if (term.StartsWith('-') && term.Length > 1) excluded.Add(term[1..].Trim('"'));
            else if (term.StartsWith('?') && term.Length > 1) anyOf.Add(term[1..].Trim('"'));
            else required.Add(term.Trim('"'));
        }
        return new(required, excluded, anyOf);
    }

    public bool Matches(string message) =>
        Required.All(t => message.Contains(t, StringComparison.Ordinal)) &&
        !Excluded.Any(t => message.Contains(t, StringComparison.Ordinal)) &&
        (AnyOf.Count == 0 || AnyOf.Any(t => message.Contains(t, StringComparison.Ordinal)));

    private static IEnumerable<string> Terms(string text)
    {
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            if (c == ' ' && !quoted)
            {
                if (current.Length > 0) yield return current.ToString();
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0) yield return current.ToString();
    }
}
