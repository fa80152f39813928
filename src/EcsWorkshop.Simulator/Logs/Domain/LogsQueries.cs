using System.Globalization;

namespace EcsWorkshop.Simulator.Logs.Domain;

/// <summary>A page of one stream's events, with the tokens to go forward and backward.</summary>
public sealed record StreamPage(IReadOnlyList<LogEvent> Events, string ForwardToken, string BackwardToken);

/// <summary>A page of events across streams, and the token of the next page (null at the end).</summary>
public sealed record FilteredPage(IReadOnlyList<(LogStream Stream, LogEvent Event)> Events, string? NextToken);

/// <summary>Reading events back: GetLogEvents (one stream) and FilterLogEvents (many streams, a pattern).</summary>
public static class LogsQueries
{
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
