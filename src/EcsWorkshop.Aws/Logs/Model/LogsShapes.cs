using System.Text.Json.Serialization;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Logs.Model;

// CloudWatch Logs wire shapes, named as in the Logs API model. Unlike ECS and ECR, every timestamp here is epoch
// MILLISECONDS (a whole number) on the wire: the members say so with EpochMillisecondsConverter.

/// <summary>A log group.</summary>
public sealed record LogGroup
{
    public string? LogGroupName { get; init; }
    [JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? CreationTime { get; init; }
    public int? RetentionInDays { get; init; }
    public int? MetricFilterCount { get; init; }
    /// <summary>The ARN with a trailing <c>:*</c>.</summary>
    public string? Arn { get; init; }
    public long? StoredBytes { get; init; }
    public string? LogGroupClass { get; init; }
    /// <summary>The ARN without the trailing <c>:*</c>.</summary>
    public string? LogGroupArn { get; init; }
}

/// <summary>A log stream of a group.</summary>
public sealed record LogStream
{
    public string? LogStreamName { get; init; }
    [JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? CreationTime { get; init; }
    [JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? FirstEventTimestamp { get; init; }
    [JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? LastEventTimestamp { get; init; }
    [JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? LastIngestionTime { get; init; }
    public string? UploadSequenceToken { get; init; }
    public string? Arn { get; init; }
    public long? StoredBytes { get; init; }
}

/// <summary>An event to write.</summary>
public sealed record InputLogEvent(
    [property: JsonConverter(typeof(EpochMillisecondsConverter))] DateTimeOffset Timestamp,
    string Message);

/// <summary>An event of one stream.</summary>
public sealed record OutputLogEvent
{
    [JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? Timestamp { get; init; }
    public string? Message { get; init; }
    [JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? IngestionTime { get; init; }
}

/// <summary>An event found across the streams of a group.</summary>
public sealed record FilteredLogEvent
{
    public string? LogStreamName { get; init; }
    [JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? Timestamp { get; init; }
    public string? Message { get; init; }
    [JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? IngestionTime { get; init; }
    public string? EventId { get; init; }
}

/// <summary>Which events of a PutLogEvents were refused (by index).</summary>
public sealed record RejectedLogEventsInfo
{
    public int? TooNewLogEventStartIndex { get; init; }
    public int? TooOldLogEventEndIndex { get; init; }
    public int? ExpiredLogEventEndIndex { get; init; }
}

public sealed record CreateLogGroupRequest
{
    public required string LogGroupName { get; init; }
    public string? KmsKeyId { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record CreateLogGroupResponse;

public sealed record DescribeLogGroupsRequest
{
    public string? LogGroupNamePrefix { get; init; }
    public string? NextToken { get; init; }
    /// <summary>Groups per page, 1–50.</summary>
    public int? Limit { get; init; }
}

public sealed record DescribeLogGroupsResponse
{
    public IReadOnlyList<LogGroup>? LogGroups { get; init; }
    public string? NextToken { get; init; }
}

public sealed record DeleteLogGroupRequest
{
    public required string LogGroupName { get; init; }
}

public sealed record DeleteLogGroupResponse;

public sealed record CreateLogStreamRequest
{
    public required string LogGroupName { get; init; }
    public required string LogStreamName { get; init; }
}

public sealed record CreateLogStreamResponse;

public sealed record DescribeLogStreamsRequest
{
    public required string LogGroupName { get; init; }
    public string? LogStreamNamePrefix { get; init; }
    /// <summary><c>LogStreamName</c> (the default) or <c>LastEventTime</c>.</summary>
    public string? OrderBy { get; init; }
    public bool? Descending { get; init; }
    public string? NextToken { get; init; }
    public int? Limit { get; init; }
}

public sealed record DescribeLogStreamsResponse
{
    public IReadOnlyList<LogStream>? LogStreams { get; init; }
    public string? NextToken { get; init; }
}

public sealed record PutLogEventsRequest
{
    public required string LogGroupName { get; init; }
    public required string LogStreamName { get; init; }
    /// <summary>Events in time order.</summary>
    public required IReadOnlyList<InputLogEvent> LogEvents { get; init; }
    public string? SequenceToken { get; init; }
}

public sealed record PutLogEventsResponse
{
    public string? NextSequenceToken { get; init; }
    public RejectedLogEventsInfo? RejectedLogEventsInfo { get; init; }
}

public sealed record GetLogEventsRequest
{
    public required string LogStreamName { get; init; }
    public string? LogGroupName { get; init; }
    [JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? StartTime { get; init; }
    [JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? EndTime { get; init; }
    /// <summary>A <c>f/…</c> or <c>b/…</c> token of an earlier page.</summary>
    public string? NextToken { get; init; }
    public int? Limit { get; init; }
    /// <summary>Read from the oldest event (otherwise the last page comes first).</summary>
    public bool? StartFromHead { get; init; }
}

public sealed record GetLogEventsResponse
{
    public IReadOnlyList<OutputLogEvent>? Events { get; init; }
    /// <summary>The next page's token; at the end of the stream the same token comes back.</summary>
    public string? NextForwardToken { get; init; }
    public string? NextBackwardToken { get; init; }
}

public sealed record FilterLogEventsRequest
{
    public string? LogGroupName { get; init; }
    public IReadOnlyList<string>? LogStreamNames { get; init; }
    public string? LogStreamNamePrefix { get; init; }
    [JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? StartTime { get; init; }
    [JsonConverter(typeof(EpochMillisecondsConverter))] public DateTimeOffset? EndTime { get; init; }
    /// <summary>Terms to match, for example <c>ERROR</c> or <c>"exit code"</c>.</summary>
    public string? FilterPattern { get; init; }
    public string? NextToken { get; init; }
    public int? Limit { get; init; }
}

public sealed record FilterLogEventsResponse
{
    public IReadOnlyList<FilteredLogEvent>? Events { get; init; }
    public string? NextToken { get; init; }
}
