namespace EcsWorkshop.Simulator.Logs.Wire;

// CloudWatch Logs wire shapes. Unlike ECS, every timestamp here is epoch milliseconds (a long).

public sealed class CreateLogGroupRequest
{
    public string? LogGroupName { get; set; }
    public string? KmsKeyId { get; set; }
    public Dictionary<string, string>? Tags { get; set; }
}

public sealed class DeleteLogGroupRequest
{
    public string? LogGroupName { get; set; }
}

public sealed class DescribeLogGroupsRequest
{
    public string? LogGroupNamePrefix { get; set; }
    public string? LogGroupNamePattern { get; set; }
    public string? NextToken { get; set; }
    public int? Limit { get; set; }
}

public sealed class LogGroupShape
{
    public string? LogGroupName { get; set; }
    public long CreationTime { get; set; }
    public int? RetentionInDays { get; set; }
    public int MetricFilterCount { get; set; }
    public string? Arn { get; set; }
    public long StoredBytes { get; set; }
    public string? LogGroupClass { get; set; }
    public string? LogGroupArn { get; set; }
}

public sealed class DescribeLogGroupsResponse
{
    public List<LogGroupShape> LogGroups { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class CreateLogStreamRequest
{
    public string? LogGroupName { get; set; }
    public string? LogStreamName { get; set; }
}

public sealed class DescribeLogStreamsRequest
{
    public string? LogGroupName { get; set; }
    public string? LogGroupIdentifier { get; set; }
    public string? LogStreamNamePrefix { get; set; }
    public string? OrderBy { get; set; }
    public bool? Descending { get; set; }
    public string? NextToken { get; set; }
    public int? Limit { get; set; }
}

public sealed class LogStreamShape
{
    public string? LogStreamName { get; set; }
    public long CreationTime { get; set; }
    public long? FirstEventTimestamp { get; set; }
    public long? LastEventTimestamp { get; set; }
    public long? LastIngestionTime { get; set; }
    public string? UploadSequenceToken { get; set; }
    public string? Arn { get; set; }
    public long StoredBytes { get; set; }
}

public sealed class DescribeLogStreamsResponse
{
    public List<LogStreamShape> LogStreams { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class InputLogEventShape
{
    public long? Timestamp { get; set; }
    public string? Message { get; set; }
}

public sealed class PutLogEventsRequest
{
    public string? LogGroupName { get; set; }
    public string? LogStreamName { get; set; }
    public List<InputLogEventShape>? LogEvents { get; set; }
    public string? SequenceToken { get; set; }
}

public sealed class RejectedLogEventsInfoShape
{
    public int? TooNewLogEventStartIndex { get; set; }
    public int? TooOldLogEventEndIndex { get; set; }
    public int? ExpiredLogEventEndIndex { get; set; }
}

public sealed class PutLogEventsResponse
{
    public string? NextSequenceToken { get; set; }
    public RejectedLogEventsInfoShape? RejectedLogEventsInfo { get; set; }
}

public sealed class GetLogEventsRequest
{
    public string? LogGroupName { get; set; }
    public string? LogGroupIdentifier { get; set; }
    public string? LogStreamName { get; set; }
    public long? StartTime { get; set; }
    public long? EndTime { get; set; }
    public string? NextToken { get; set; }
    public int? Limit { get; set; }
    public bool? StartFromHead { get; set; }
}

public sealed class OutputLogEventShape
{
    public long Timestamp { get; set; }
    public string? Message { get; set; }
    public long IngestionTime { get; set; }
}

public sealed class GetLogEventsResponse
{
    public List<OutputLogEventShape> Events { get; set; } = [];
    public string? NextForwardToken { get; set; }
    public string? NextBackwardToken { get; set; }
}

public sealed class FilterLogEventsRequest
{
    public string? LogGroupName { get; set; }
    public string? LogGroupIdentifier { get; set; }
    public List<string>? LogStreamNames { get; set; }
    public string? LogStreamNamePrefix { get; set; }
    public long? StartTime { get; set; }
    public long? EndTime { get; set; }
    public string? FilterPattern { get; set; }
    public string? NextToken { get; set; }
    public int? Limit { get; set; }
    public bool? Interleaved { get; set; }
    public bool? Unmask { get; set; }
}

public sealed class FilteredLogEventShape
{
    public string? LogStreamName { get; set; }
    public long Timestamp { get; set; }
    public string? Message { get; set; }
    public long IngestionTime { get; set; }
    public string? EventId { get; set; }
}

public sealed class SearchedLogStreamShape
{
    public string? LogStreamName { get; set; }
    public bool SearchedCompletely { get; set; }
}

public sealed class FilterLogEventsResponse
{
    public List<FilteredLogEventShape> Events { get; set; } = [];
    public List<SearchedLogStreamShape> SearchedLogStreams { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class LogsEmptyResponse;
