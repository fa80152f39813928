using EcsWorkshop.Aws.Ecs;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Logs;
using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Transport;

public sealed class PagingTests
{
    [Fact]
    public async Task Every_page_is_fetched_with_the_previous_pages_token_until_there_is_none()
    {
        using var server = new ScriptedHttpServer(
            ScriptedResponse.Json(200, """{"clusterArns":["a","b"],"nextToken":"t1"}"""),
            ScriptedResponse.Json(200, """{"clusterArns":["c"],"nextToken":"t2"}"""),
            ScriptedResponse.Json(200, """{"clusterArns":["d"]}"""));
        using var ecs = new EcsClient(AwsClientSettings.ForLocalEndpoint(server.Endpoint));

        var arns = await ecs.ListAllClusterArnsAsync(new ListClustersRequest { MaxResults = 2 }).ToListAsync();

        Assert.Equal(["a", "b", "c", "d"], arns);
        Assert.Equal(
            ["""{"maxResults":2}""", """{"nextToken":"t1","maxResults":2}""", """{"nextToken":"t2","maxResults":2}"""],
            server.Received.Select(r => r.Body));
    }

    [Fact]
    public async Task Log_events_are_read_until_the_forward_token_comes_back_unchanged()
    {
        using var server = new ScriptedHttpServer(
            ScriptedResponse.Json(200, """{"events":[{"timestamp":1000,"message":"one","ingestionTime":1001}],"nextForwardToken":"f/1","nextBackwardToken":"b/0"}"""),
            ScriptedResponse.Json(200, """{"events":[{"timestamp":2000,"message":"two","ingestionTime":2001}],"nextForwardToken":"f/2","nextBackwardToken":"b/1"}"""),
            ScriptedResponse.Json(200, """{"events":[],"nextForwardToken":"f/2","nextBackwardToken":"b/2"}"""));
        using var logs = new LogsClient(AwsClientSettings.ForLocalEndpoint(server.Endpoint));

        var events = await logs.GetAllLogEventsAsync(new GetLogEventsRequest { LogGroupName = "/ecs/web", LogStreamName = "s" }).ToListAsync();

        Assert.Equal(["one", "two"], events.Select(e => e.Message));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(2000), events[1].Timestamp);
        Assert.Equal(3, server.Received.Count);
        Assert.Contains("\"startFromHead\":true", server.Received[0].Body);
    }
}
