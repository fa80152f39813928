using EcsWorkshop.Simulator.Logs.Domain;

namespace EcsWorkshop.Simulator.Logs.Wire;

/// <summary>
/// The one mapper between CloudWatch Logs wire shapes and the domain model. Inbound, it turns epoch milliseconds,
/// identifiers and enum names into domain values and refuses what cannot be mapped with Logs' errors; outbound, it
/// renders groups, streams and events as shapes.
/// </summary>
public static class LogsMapper
{
    private static readonly long MaxMillis = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>
    /// A Logs timestamp (epoch milliseconds, at least 0 in the API model). Past the year 9999 it stands for the end of
    /// time: as late as any event can be.
    /// </summary>
    public static DateTimeOffset? FromMillis(long? millis, string member)
    {
        if (millis is not { } ms) return null;
        if (ms < 0) throw LogsErrors.NegativeTimestamp.With(ms, member);
        return ms > MaxMillis ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    /// <summary>A log group identifier may be a name or an ARN.</summary>
    public static string? GroupName(string? identifier)
    {
        if (identifier is null || !identifier.StartsWith("arn:", StringComparison.Ordinal)) return identifier;
        var marker = identifier.IndexOf(":log-group:", StringComparison.Ordinal);
        return marker < 0 ? identifier : identifier[(marker + ":log-group:".Length)..].TrimEnd('*').TrimEnd(':');
    }

    /// <summary>The <c>orderBy</c> of DescribeLogStreams (none = by name).</summary>
    public static StreamOrder ToStreamOrder(string? orderBy) => orderBy switch
    {
        null or "LogStreamName" => StreamOrder.LogStreamName,
        "LastEventTime" => StreamOrder.LastEventTime,
        _ => throw LogsErrors.OrderByInvalid.With(orderBy, "orderBy"),
    };

    /// <summary>The events of a PutLogEvents request; each needs a timestamp and a message.</summary>
    public static List<InputLogEvent> ToDomain(List<InputLogEventShape>? events) =>
        [.. (events ?? []).Select((e, i) => new InputLogEvent(
            FromMillis(e.Timestamp, $"logEvents.{i + 1}.member.timestamp") ?? throw LogsErrors.MemberNull.With("null", $"logEvents.{i + 1}.member.timestamp"),
            e.Message ?? throw LogsErrors.MemberNull.With("null", $"logEvents.{i + 1}.member.message")))];

    public static LogGroupShape ToShape(LogGroup group, LogsWorld world) => new()
    {
        LogGroupName = group.Name,
        CreationTime = group.CreatedAt.ToUnixTimeMilliseconds(),
        RetentionInDays = group.RetentionInDays,
        Arn = group.ArnWithWildcard,
        LogGroupArn = group.Arn,
        StoredBytes = world.StreamsOf(group).Sum(s => s.StoredBytes),
        LogGroupClass = "STANDARD",
    };

    public static LogStreamShape ToShape(LogStream stream, LogGroup group) => new()
    {
        LogStreamName = stream.Name,
        CreationTime = stream.CreatedAt.ToUnixTimeMilliseconds(),
        FirstEventTimestamp = stream.FirstEventTimestamp?.ToUnixTimeMilliseconds(),
        LastEventTimestamp = stream.LastEventTimestamp?.ToUnixTimeMilliseconds(),
        LastIngestionTime = stream.LastIngestionTime?.ToUnixTimeMilliseconds(),
        Arn = $"{group.Arn}:log-stream:{stream.Name}",
        StoredBytes = stream.StoredBytes,
    };

    public static PutLogEventsResponse ToShape(PutLogEventsResult result) => new()
    {
        NextSequenceToken = result.NextSequenceToken,
        RejectedLogEventsInfo = result.TooNewStartIndex is null && result.TooOldEndIndex is null ? null : new()
        {
            TooNewLogEventStartIndex = result.TooNewStartIndex,
            TooOldLogEventEndIndex = result.TooOldEndIndex,
        },
    };

    public static OutputLogEventShape ToShape(LogEvent logEvent) => new()
    {
        Timestamp = logEvent.Timestamp.ToUnixTimeMilliseconds(),
        Message = logEvent.Message,
        IngestionTime = logEvent.IngestionTime.ToUnixTimeMilliseconds(),
    };

    public static FilteredLogEventShape ToShape(LogStream stream, LogEvent logEvent) => new()
    {
        LogStreamName = stream.Name,
        Timestamp = logEvent.Timestamp.ToUnixTimeMilliseconds(),
        Message = logEvent.Message,
        IngestionTime = logEvent.IngestionTime.ToUnixTimeMilliseconds(),
        EventId = $"{logEvent.Timestamp.ToUnixTimeMilliseconds():D20}{logEvent.Sequence:D16}",
    };
}
