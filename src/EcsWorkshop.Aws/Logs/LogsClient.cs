using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Logs;

/// <summary>
/// Amazon CloudWatch Logs over AWS JSON 1.1 (target prefix <c>Logs_20140328</c>, signing name <c>logs</c>).
/// One method per operation; paging helpers are in <c>LogsClient.Paging.cs</c>.
/// </summary>
public sealed partial class LogsClient : IDisposable
{
    /// <summary>The <c>X-Amz-Target</c> prefix of CloudWatch Logs.</summary>
    public const string TargetPrefix = "Logs_20140328";

    private readonly AwsJsonClient _json;

    public LogsClient(AwsClientSettings settings) => _json = new AwsJsonClient(AwsService.Logs, TargetPrefix, settings);

    /// <summary>The URL requests go to.</summary>
    public Uri Endpoint => _json.Endpoint;

    /// <summary>Creates a log group.</summary>
    public Task<CreateLogGroupResponse> CreateLogGroupAsync(CreateLogGroupRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("CreateLogGroup", request, LogsJsonContext.Default.CreateLogGroupRequest, LogsJsonContext.Default.CreateLogGroupResponse, cancellationToken);

    /// <summary>Describes log groups, one page.</summary>
    public Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DescribeLogGroups", request, LogsJsonContext.Default.DescribeLogGroupsRequest, LogsJsonContext.Default.DescribeLogGroupsResponse, cancellationToken);

    /// <summary>Deletes a log group and its streams.</summary>
    public Task<DeleteLogGroupResponse> DeleteLogGroupAsync(DeleteLogGroupRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DeleteLogGroup", request, LogsJsonContext.Default.DeleteLogGroupRequest, LogsJsonContext.Default.DeleteLogGroupResponse, cancellationToken);

    /// <summary>Creates a log stream in a group.</summary>
    public Task<CreateLogStreamResponse> CreateLogStreamAsync(CreateLogStreamRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("CreateLogStream", request, LogsJsonContext.Default.CreateLogStreamRequest, LogsJsonContext.Default.CreateLogStreamResponse, cancellationToken);

    /// <summary>Describes the streams of a group, one page.</summary>
    public Task<DescribeLogStreamsResponse> DescribeLogStreamsAsync(DescribeLogStreamsRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DescribeLogStreams", request, LogsJsonContext.Default.DescribeLogStreamsRequest, LogsJsonContext.Default.DescribeLogStreamsResponse, cancellationToken);

    /// <summary>Writes events to a stream.</summary>
    public Task<PutLogEventsResponse> PutLogEventsAsync(PutLogEventsRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("PutLogEvents", request, LogsJsonContext.Default.PutLogEventsRequest, LogsJsonContext.Default.PutLogEventsResponse, cancellationToken);

    /// <summary>Reads events of one stream, one page.</summary>
    public Task<GetLogEventsResponse> GetLogEventsAsync(GetLogEventsRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("GetLogEvents", request, LogsJsonContext.Default.GetLogEventsRequest, LogsJsonContext.Default.GetLogEventsResponse, cancellationToken);

    /// <summary>Finds events across the streams of a group, one page.</summary>
    public Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("FilterLogEvents", request, LogsJsonContext.Default.FilterLogEventsRequest, LogsJsonContext.Default.FilterLogEventsResponse, cancellationToken);

    public void Dispose() => _json.Dispose();
}
