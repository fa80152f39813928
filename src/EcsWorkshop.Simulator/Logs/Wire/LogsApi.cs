using System.Collections.Immutable;
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
        var world = logs.World;
        var (page, next) = LogsQueries.Groups(world, ArnsFor(context), request.LogGroupNamePrefix, request.LogGroupNamePattern, request.NextToken, request.Limit);
        return new() { LogGroups = [.. page.Select(g => LogsMapper.ToShape(g, world))], NextToken = next };
    }

    private LogsEmptyResponse CreateLogStream(RequestContext context, CreateLogStreamRequest request)
    {
        logs.Mutate(tx => LogsCommands.CreateStream(tx, ArnsFor(context), request.LogGroupName, request.LogStreamName));
        return new();
    }

    private DescribeLogStreamsResponse DescribeLogStreams(RequestContext context, DescribeLogStreamsRequest request)
    {
        var world = logs.World;
        var group = LogsCommands.RequireGroup(world, ArnsFor(context), request.LogGroupName ?? LogsMapper.GroupName(request.LogGroupIdentifier));
        var (page, next) = LogsQueries.Streams(world, group, LogsMapper.ToStreamOrder(request.OrderBy), request.LogStreamNamePrefix,
            request.Descending == true, request.NextToken, request.Limit);
        return new() { LogStreams = [.. page.Select(s => LogsMapper.ToShape(s, group))], NextToken = next };
    }

    private PutLogEventsResponse PutLogEvents(RequestContext context, PutLogEventsRequest request)
    {
        var events = LogsMapper.ToDomain(request.LogEvents);
        var result = logs.Mutate(tx => LogsCommands.Put(tx, ArnsFor(context), request.LogGroupName, request.LogStreamName, events));
        return LogsMapper.ToShape(result);
    }

    private GetLogEventsResponse GetLogEvents(RequestContext context, GetLogEventsRequest request)
    {
        var world = logs.World;
        var group = LogsCommands.RequireGroup(world, ArnsFor(context), request.LogGroupName ?? LogsMapper.GroupName(request.LogGroupIdentifier));
        var stream = LogsCommands.RequireStream(world, group, request.LogStreamName);
        var page = LogsQueries.Read(world, stream, LogsMapper.FromMillis(request.StartTime, "startTime"), LogsMapper.FromMillis(request.EndTime, "endTime"), request.NextToken, request.Limit, request.StartFromHead ?? false);
        return new()
        {
            Events = [.. page.Events.Select(LogsMapper.ToShape)],
            NextForwardToken = page.ForwardToken,
            NextBackwardToken = page.BackwardToken,
        };
    }

    private FilterLogEventsResponse FilterLogEvents(RequestContext context, FilterLogEventsRequest request)
    {
        var world = logs.World;
        var group = LogsCommands.RequireGroup(world, ArnsFor(context), request.LogGroupName ?? LogsMapper.GroupName(request.LogGroupIdentifier));
        var page = LogsQueries.Filter(world, group, request.LogStreamNames, request.LogStreamNamePrefix,
            LogsMapper.FromMillis(request.StartTime, "startTime"), LogsMapper.FromMillis(request.EndTime, "endTime"), request.FilterPattern, request.NextToken, request.Limit);
        return new()
        {
            Events = [.. page.Events.Select(x => LogsMapper.ToShape(x.Stream, x.Event))],
            SearchedLogStreams = [.. page.Events.Select(x => x.Stream.Name).Distinct().Select(n => new SearchedLogStreamShape { LogStreamName = n, SearchedCompletely = true })],
            NextToken = page.NextToken,
        };
    }
}
