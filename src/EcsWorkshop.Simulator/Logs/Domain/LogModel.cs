using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Logs.Domain;

/// <summary>A CloudWatch Logs log group.</summary>
public sealed record LogGroup(string Arn, string Name, string Region, DateTimeOffset CreatedAt, int? RetentionInDays, ImmutableDictionary<string, string> Tags)
{
    /// <summary>The ARN form DescribeLogGroups shows (with <c>:*</c>).</summary>
    public string ArnWithWildcard => Arn + ":*";
}

/// <summary>A log stream of a group, with the bookkeeping DescribeLogStreams shows.</summary>
public sealed record LogStream(
    string Key,
    string GroupArn,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstEventTimestamp,
    DateTimeOffset? LastEventTimestamp,
    DateTimeOffset? LastIngestionTime,
    long EventCount,
    long StoredBytes)
{
    public static string KeyOf(string groupArn, string streamName) => $"{groupArn}|{streamName}";
}

/// <summary>One log event. <see cref="Sequence"/> orders events within the stream (and makes event ids).</summary>
public sealed record LogEvent(string Key, string StreamKey, long Sequence, DateTimeOffset Timestamp, DateTimeOffset IngestionTime, string Message)
{
    public static string KeyOf(string streamKey, long sequence) => $"{streamKey}|{sequence:D12}";
}

/// <summary>An event to write: when it happened and what it says.</summary>
public sealed record InputLogEvent(DateTimeOffset Timestamp, string Message);
