using System.Collections.Immutable;
using System.Globalization;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Logs.Domain;

namespace EcsWorkshop.Simulator.Logs.Wire;

/// <summary>CloudWatch Logs as a JSON 1.1 service (target prefix <c>Logs_20140328</c>).</summary>
public sealed class LogsApi(LogsEngine logs)
{
    public const string TargetPrefix = "Logs_20140328";

    public AwsJsonService CreateService() => new AwsJsonService(TargetPrefix, "logs")
        .On<CreateLogGroupRequest, LogsEmptyResponse>("CreateLogGroup", CreateLogGroup)
        .On<DeleteLogGroupRequest, LogsEmptyResponse>("DeleteLogGroup", DeleteLogGroup)
        .On<DescribeLogGroupsRequest, DescribeLogGroupsResponse>("DescribeLogGroups", DescribeLogGroups)
        .On<CreateLogStreamRequest, LogsEmptyResponse>("CreateLogStream", CreateLogStream)
        .On<DescribeLogStreamsRequest, DescribeLogStreamsResponse>("DescribeLogStreams", DescribeLogStreams)
        .On<PutLogEventsRequest, PutLogEventsResponse>("PutLogEvents", PutLogEvents)
        .On<GetLogEventsRequest, GetLogEventsResponse>("GetLogEvents", GetLogEvents)
        .On<FilterLogEventsRequest, FilterLogEventsResponse>("FilterLogEvents", FilterLogEvents);

    private static LogsArns ArnsFor(RequestContext context) => new(context.Region, context.AccountId);

    private LogsEmptyResponse CreateLogGroup(RequestContext context, CreateLogGroupRequest request)
    {
        logs.Mutate(tx => LogsCommands.CreateGroup(tx, ArnsFor(context), request.LogGroupName, request.Tags?.ToImmutableDictionary()));
        return new();
    }

    private LogsEmptyResponse DeleteLogGroup(RequestContext context, DeleteLogGroupRequest request)
    {
        logs.Mutate(tx =>
        {
            LogsCommands.DeleteGroup(tx, ArnsFor(context), request.LogGroupName);
            return 0;
        });
        return new();
    }

    private DescribeLogGroupsResponse DescribeLogGroups(RequestContext context, DescribeLogGroupsRequest request)
    {
        var arns = ArnsFor(context);
        var world = logs.World;
        var groups = world.Groups.Values
            .Where(g => g.Region == arns.Region)
            .Where(g => request.LogGroupNamePrefix is null || g.Name.StartsWith(request.LogGroupNamePrefix, StringComparison.Ordinal))
            .Where(g => request.LogGroupNamePattern is null || g.Name.Contains(request.LogGroupNamePattern, StringComparison.OrdinalIgnoreCase))
            .OrderBy(g => g.Name, StringComparer.Ordinal);
        var (page, next) = Page(groups, request.NextToken, request.Limit, 50);
        return new()
        {
            LogGroups = [.. page.Select(g => new LogGroupShape
            {
                LogGroupName = g.Name,
                CreationTime = g.CreatedAt.ToUnixTimeMilliseconds(),
                RetentionInDays = g.RetentionInDays,
                Arn = g.ArnWithWildcard,
                LogGroupArn = g.Arn,
                StoredBytes = world.StreamsOf(g).Sum(s => s.StoredBytes),
                LogGroupClass = "STANDARD",
            })],
            NextToken = next,
        };
    }

    private LogsEmptyResponse CreateLogStream(RequestContext context, CreateLogStreamRequest request)
    {
        logs.Mutate(tx => LogsCommands.CreateStream(tx, ArnsFor(context), request.LogGroupName, request.LogStreamName));
        return new();
    }

    private DescribeLogStreamsResponse DescribeLogStreams(RequestContext context, DescribeLogStreamsRequest request)
    {
        var world = logs.World;
        var group = LogsCommands.RequireGroup(world, ArnsFor(context), request.LogGroupName ?? GroupName(request.LogGroupIdentifier));
        if (request.OrderBy is not (null or "LogStreamName" or "LastEventTime"))
            throw LogsErrors.OrderByInvalid.With(request.OrderBy, "orderBy");
        if (request.OrderBy == "LastEventTime" && request.LogStreamNamePrefix is not null)
            throw LogsErrors.OrderByLastEventTimeWithPrefix.With();
        var streams = world.StreamsOf(group).Where(s => request.LogStreamNamePrefix is null || s.Name.StartsWith(request.LogStreamNamePrefix, StringComparison.Ordinal));
        streams = request.OrderBy == "LastEventTime"
            ? streams.OrderBy(s => s.LastEventTimestamp ?? s.CreatedAt)
            : streams.OrderBy(s => s.Name, StringComparer.Ordinal);
        if (request.Descending == true) streams = streams.Reverse();
        var (page, next) = Page(streams, request.NextToken, request.Limit, 50);
        return new()
        {
            LogStreams = [.. page.Select(s => new LogStreamShape
            {
                LogStreamName = s.Name,
                CreationTime = s.CreatedAt.ToUnixTimeMilliseconds(),
                FirstEventTimestamp = s.FirstEventTimestamp?.ToUnixTimeMilliseconds(),
                LastEventTimestamp = s.LastEventTimestamp?.ToUnixTimeMilliseconds(),
                LastIngestionTime = s.LastIngestionTime?.ToUnixTimeMilliseconds(),
                Arn = $"{group.Arn}:log-stream:{s.Name}",
                StoredBytes = s.StoredBytes,
            })],
            NextToken = next,
        };
    }

    private PutLogEventsResponse PutLogEvents(RequestContext context, PutLogEventsRequest request)
    {
        var events = (request.LogEvents ?? []).Select((e, i) => new InputLogEvent(
            FromMillis(e.Timestamp, $"logEvents.{i + 1}.member.timestamp") ?? throw LogsErrors.MemberNull.With("null", $"logEvents.{i + 1}.member.timestamp"),
            e.Message ?? throw LogsErrors.MemberNull.With("null", $"logEvents.{i + 1}.member.message"))).ToList();
        var result = logs.Mutate(tx => LogsCommands.Put(tx, ArnsFor(context), request.LogGroupName, request.LogStreamName, events));
        return new()
        {
            NextSequenceToken = result.NextSequenceToken,
            RejectedLogEventsInfo = result.TooNewStartIndex is null && result.TooOldEndIndex is null ? null : new()
            {
                TooNewLogEventStartIndex = result.TooNewStartIndex,
                TooOldLogEventEndIndex = result.TooOldEndIndex,
            },
        };
    }

    private GetLogEventsResponse GetLogEvents(RequestContext context, GetLogEventsRequest request)
    {
        var world = logs.World;
        var group = LogsCommands.RequireGroup(world, ArnsFor(context), request.LogGroupName ?? GroupName(request.LogGroupIdentifier));
        var stream = LogsCommands.RequireStream(world, group, request.LogStreamName);
        var page = LogsQueries.Read(world, stream, FromMillis(request.StartTime, "startTime"), FromMillis(request.EndTime, "endTime"), request.NextToken, request.Limit, request.StartFromHead ?? false);
        return new()
        {
            Events = [.. page.Events.Select(e => new OutputLogEventShape
            {
                Timestamp = e.Timestamp.ToUnixTimeMilliseconds(),
                Message = e.Message,
                IngestionTime = e.IngestionTime.ToUnixTimeMilliseconds(),
            })],
            NextForwardToken = page.ForwardToken,
            NextBackwardToken = page.BackwardToken,
        };
    }

    private FilterLogEventsResponse FilterLogEvents(RequestContext context, FilterLogEventsRequest request)
    {
        var world = logs.World;
        var group = LogsCommands.RequireGroup(world, ArnsFor(context), request.LogGroupName ?? GroupName(request.LogGroupIdentifier));
        var page = LogsQueries.Filter(world, group, request.LogStreamNames, request.LogStreamNamePrefix,
            FromMillis(request.StartTime, "startTime"), FromMillis(request.EndTime, "endTime"), request.FilterPattern, request.NextToken, request.Limit);
        return new()
        {
            Events = [.. page.Events.Select(x => new FilteredLogEventShape
            {
                LogStreamName = x.Stream.Name,
                Timestamp = x.Event.Timestamp.ToUnixTimeMilliseconds(),
                Message = x.Event.Message,
                IngestionTime = x.Event.IngestionTime.ToUnixTimeMilliseconds(),
                EventId = $"{x.Event.Timestamp.ToUnixTimeMilliseconds():D20}{x.Event.Sequence:D16}",
            })],
            SearchedLogStreams = [.. page.Events.Select(x => x.Stream.Name).Distinct().Select(n => new SearchedLogStreamShape { LogStreamName = n, SearchedCompletely = true })],
            NextToken = page.NextToken,
        };
    }

    /// <summary>
    /// A Logs timestamp (epoch milliseconds, at least 0 in the API model). Past the year 9999 it stands for the end of
    /// time: as late as any event can be.
    /// </summary>
    private static DateTimeOffset? FromMillis(long? millis, string member)
    {
        if (millis is not { } ms) return null;
        if (ms < 0) throw LogsErrors.NegativeTimestamp.With(ms, member);
        return ms > MaxMillis ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    private static readonly long MaxMillis = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>A log group identifier may be a name or an ARN.</summary>
    private static string? GroupName(string? identifier)
    {
        if (identifier is null || !identifier.StartsWith("arn:", StringComparison.Ordinal)) return identifier;
        var marker = identifier.IndexOf(":log-group:", StringComparison.Ordinal);
        return marker < 0 ? identifier : identifier[(marker + ":log-group:".Length)..].TrimEnd('*').TrimEnd(':');
    }

    private static (List<T> Page, string? Next) Page<T>(IEnumerable<T> items, string? token, int? limit, int max)
    {
        var size = limit ?? max;
        if (size < 1 || size > max) throw LogsErrors.LimitOutOfRange.With(size, "limit", max);
        return OffsetPages.Page(items, token, size, () => LogsErrors.InvalidNextToken.With());
    }
}
