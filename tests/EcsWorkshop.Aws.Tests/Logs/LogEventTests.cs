using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Logs;

public sealed class LogEventTests(Backends backends) : BackendTests(backends)
{
    /// <summary>Ten minutes ago, to the millisecond (what Logs keeps).</summary>
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds());

    /// <summary>A group with one stream holding the given messages, one millisecond-exact second apart.</summary>
    private async Task<(string Group, string Stream)> StreamWithAsync(string backend, params string[] messages)
    {
        var logs = On(backend).Logs;
        var group = "/ecs/" + UniqueNames.Next("web");
        const string stream = "ecs/web/0123456789abcdef0123456789abcdef";
        await logs.CreateLogGroupAsync(new CreateLogGroupRequest { LogGroupName = group });
        await logs.CreateLogStreamAsync(new CreateLogStreamRequest { LogGroupName = group, LogStreamName = stream });
        await logs.PutLogEventsAsync(new PutLogEventsRequest
        {
            LogGroupName = group,
            LogStreamName = stream,
            LogEvents = [.. messages.Select((m, i) => new InputLogEvent(Start.AddSeconds(i).AddMilliseconds(123), m))],
        });
        return (group, stream);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Written_events_are_read_back_in_order_with_millisecond_timestamps(string backend)
    {
        var (group, stream) = await StreamWithAsync(backend, "starting", "listening on :80", "こんにちは");

        var events = await On(backend).Logs.GetAllLogEventsAsync(new GetLogEventsRequest { LogGroupName = group, LogStreamName = stream }).ToListAsync();

        Assert.Equal(["starting", "listening on :80", "こんにちは"], events.Select(e => e.Message));
        Assert.Equal(Start.AddSeconds(2).AddMilliseconds(123), events[2].Timestamp);
        Assert.NotNull(events[0].IngestionTime);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Reading_a_stream_page_by_page_gives_every_event_once(string backend)
    {
        var messages = Enumerable.Range(1, 5).Select(i => $"line {i}").ToArray();
        var (group, stream) = await StreamWithAsync(backend, messages);

        var events = await On(backend).Logs.GetAllLogEventsAsync(new GetLogEventsRequest { LogGroupName = group, LogStreamName = stream, Limit = 2 }).ToListAsync();

        Assert.Equal(messages, events.Select(e => e.Message));
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_stream_is_described_with_its_name(string backend)
    {
        var (group, stream) = await StreamWithAsync(backend, "one");

        var streams = await On(backend).Logs.DescribeAllLogStreamsAsync(new DescribeLogStreamsRequest { LogGroupName = group }).ToListAsync();

        Assert.Equal(stream, Assert.Single(streams).LogStreamName);
        Assert.NotNull(streams[0].CreationTime);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Filtering_a_group_finds_the_matching_events_and_their_stream(string backend)
    {
        var (group, stream) = await StreamWithAsync(backend, "GET / 200", "GET /missing 404", "ERROR upstream timed out");

        var found = await On(backend).Logs.FilterAllLogEventsAsync(new FilterLogEventsRequest { LogGroupName = group, FilterPattern = "ERROR" }).ToListAsync();

        var match = Assert.Single(found);
        Assert.Equal(("ERROR upstream timed out", stream), (match.Message, match.LogStreamName));
        Assert.Equal(Start.AddSeconds(2).AddMilliseconds(123), match.Timestamp);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Reading_a_stream_of_an_unknown_group_is_ResourceNotFoundException(string backend)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            On(backend).Logs.GetLogEventsAsync(new GetLogEventsRequest { LogGroupName = "/ecs/" + UniqueNames.Next("missing"), LogStreamName = "s" }));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
    }
}
