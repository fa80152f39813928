using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Logs;

// Paging: every page of a list or read operation, as one stream.
public sealed partial class LogsClient
{
    /// <summary>Every log group that matches, all pages.</summary>
    public IAsyncEnumerable<LogGroup> DescribeAllLogGroupsAsync(DescribeLogGroupsRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new();
        return AwsPaging.EnumerateAsync(
            (token, ct) => DescribeLogGroupsAsync(request with { NextToken = token }, ct),
            page => page.LogGroups, page => page.NextToken, cancellationToken);
    }

    /// <summary>Every stream of a group that matches, all pages.</summary>
    public IAsyncEnumerable<LogStream> DescribeAllLogStreamsAsync(DescribeLogStreamsRequest request, CancellationToken cancellationToken = default) =>
        AwsPaging.EnumerateAsync(
            (token, ct) => DescribeLogStreamsAsync(request with { NextToken = token }, ct),
            page => page.LogStreams, page => page.NextToken, cancellationToken);

    /// <summary>
    /// Every event of a stream, oldest first (from the head unless the request says otherwise), following
    /// <c>nextForwardToken</c> until it comes back unchanged, which is how GetLogEvents marks the end.
    /// </summary>
    public IAsyncEnumerable<OutputLogEvent> GetAllLogEventsAsync(GetLogEventsRequest request, CancellationToken cancellationToken = default)
    {
        request = request with { StartFromHead = request.StartFromHead ?? true };
        return AwsPaging.EnumerateAsync(
            (token, ct) => GetLogEventsAsync(request with { NextToken = token ?? request.NextToken }, ct),
            page => page.Events, page => page.NextForwardToken, cancellationToken);
    }

    /// <summary>Every event of a group that matches, all pages.</summary>
    public IAsyncEnumerable<FilteredLogEvent> FilterAllLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken = default) =>
        AwsPaging.EnumerateAsync(
            (token, ct) => FilterLogEventsAsync(request with { NextToken = token }, ct),
            page => page.Events, page => page.NextToken, cancellationToken);
}
