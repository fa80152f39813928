using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Logs;

/// <summary>CloudWatch Logs through the real AWS CLI, including <c>aws logs tail</c>.</summary>
public sealed class LogsApiTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private AwsCli Cli => simulator.Cli;

    private async Task<long> GroupWithEventsAsync(string group, string stream, params string[] messages)
    {
        (await Cli.RunAsync("logs", "create-log-group", "--log-group-name", group)).Succeeded();
        (await Cli.RunAsync("logs", "create-log-stream", "--log-group-name", group, "--log-stream-name", stream)).Succeeded();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var events = messages.Select((m, i) => $"timestamp={now + i},message={m}").ToArray();
        (await Cli.RunAsync(["logs", "put-log-events", "--log-group-name", group, "--log-stream-name", stream, "--log-events", .. events])).Succeeded();
        return now;
    }

    [Fact]
    public async Task Events_written_are_read_back_oldest_first_with_tokens()
    {
        await GroupWithEventsAsync("/ecs/read", "ecs/web/1", "one", "two", "three");

        var page = (await Cli.RunAsync("logs", "get-log-events", "--log-group-name", "/ecs/read", "--log-stream-name", "ecs/web/1", "--start-from-head", "--limit", "2", "--no-paginate")).Succeeded().Json;
        var next = (await Cli.RunAsync("logs", "get-log-events", "--log-group-name", "/ecs/read", "--log-stream-name", "ecs/web/1",
            "--next-token", page.GetProperty("nextForwardToken").GetString()!, "--no-paginate")).Succeeded().Json;

        Assert.Equal(["one", "two"], page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
        Assert.Equal(["three"], next.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Logs_tail_shows_every_stream_of_the_group()
    {
        await GroupWithEventsAsync("/ecs/tail", "ecs/web/abc", "hello", "world");

        var tail = (await Cli.RunAsync("logs", "tail", "/ecs/tail", "--since", "10m")).Succeeded().StandardOutput;

        Assert.Contains("ecs/web/abc hello", tail);
        Assert.Contains("ecs/web/abc world", tail);
    }

    [Fact]
    public async Task Filter_log_events_matches_terms()
    {
        await GroupWithEventsAsync("/ecs/filter", "s", "GET / 200", "GET /missing 404 error", "POST /login 500 error");

        var errors = (await Cli.RunAsync("logs", "filter-log-events", "--log-group-name", "/ecs/filter", "--filter-pattern", "error -404")).Succeeded().Json;

        Assert.Equal(["POST /login 500 error"], errors.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_group_created_twice_is_ResourceAlreadyExistsException()
    {
        (await Cli.RunAsync("logs", "create-log-group", "--log-group-name", "/ecs/twice")).Succeeded();

        var error = await Cli.FailsAsync("ResourceAlreadyExistsException", "logs", "create-log-group", "--log-group-name", "/ecs/twice");

        Assert.Contains("The specified log group already exists", error);
    }

    [Fact]
    public async Task Reading_a_missing_group_or_stream_is_ResourceNotFoundException()
    {
        (await Cli.RunAsync("logs", "create-log-group", "--log-group-name", "/ecs/exists")).Succeeded();

        var group = await Cli.FailsAsync("ResourceNotFoundException", "logs", "get-log-events", "--log-group-name", "/ecs/nope", "--log-stream-name", "s");
        var stream = await Cli.FailsAsync("ResourceNotFoundException", "logs", "get-log-events", "--log-group-name", "/ecs/exists", "--log-stream-name", "nope");

        Assert.Contains("The specified log group does not exist.", group);
        Assert.Contains("The specified log stream does not exist.", stream);
    }

    [Fact]
    public async Task Events_out_of_chronological_order_are_refused()
    {
        (await Cli.RunAsync("logs", "create-log-group", "--log-group-name", "/ecs/order")).Succeeded();
        (await Cli.RunAsync("logs", "create-log-stream", "--log-group-name", "/ecs/order", "--log-stream-name", "s")).Succeeded();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var error = await Cli.FailsAsync("InvalidParameterException", "logs", "put-log-events", "--log-group-name", "/ecs/order", "--log-stream-name", "s",
            "--log-events", $"timestamp={now},message=later", $"timestamp={now - 1000},message=earlier");

        Assert.Contains("chronological order", error);
        Assert.Equal(0, simulator.Server.Logs.World.Events.Count(e => e.Key.Contains("/ecs/order", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Log_group_names_outside_the_pattern_are_refused()
    {
        await Cli.FailsAsync("InvalidParameterException", "logs", "create-log-group", "--log-group-name", "bad name with spaces");
    }
}
