using System.Net.Sockets;
using System.Net;
using EcsWorkshop.Aws.Ecs;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Iam;
using EcsWorkshop.Aws.Tests.Support;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Tests.Transport;

public sealed class RetryTests
{
    private const string ClustersJson = """{"clusterArns":["arn:aws:ecs:ap-northeast-1:123456789012:cluster/a"]}""";

    private static (EcsClient Client, InstantTimeProvider Clock) ClientFor(ScriptedHttpServer server, AwsRetryPolicy? retry = null)
    {
        var clock = new InstantTimeProvider();
        var settings = AwsClientSettings.ForLocalEndpoint(server.Endpoint) with { Time = clock, Retry = retry ?? AwsRetryPolicy.Standard };
        return (new EcsClient(settings), clock);
    }

    [Fact]
    public async Task A_500_is_tried_again_and_the_second_answer_is_returned()
    {
        using var server = new ScriptedHttpServer(
            ScriptedResponse.Json(500, """{"__type":"ServerException","message":"Service Unavailable. Please try again later."}"""),
            ScriptedResponse.Json(200, ClustersJson));
        var (ecs, clock) = ClientFor(server);
        using var _ = ecs;

        var response = await ecs.ListClustersAsync(new ListClustersRequest());

        Assert.Equal(["arn:aws:ecs:ap-northeast-1:123456789012:cluster/a"], response.ClusterArns);
        Assert.Equal(2, server.Received.Count);
        Assert.Single(clock.Waits);
    }

    [Fact]
    public async Task A_ThrottlingException_is_tried_again()
    {
        using var server = new ScriptedHttpServer(
            ScriptedResponse.Json(400, """{"__type":"ThrottlingException","message":"Rate exceeded"}"""),
            ScriptedResponse.Json(200, ClustersJson));
        var (ecs, clock) = ClientFor(server);
        using var _ = ecs;

        var response = await ecs.ListClustersAsync(new ListClustersRequest());

        Assert.Single(response.ClusterArns!);
        Assert.Equal(2, server.Received.Count);
        Assert.Single(clock.Waits);
    }

    [Fact]
    public async Task A_ClientException_is_not_tried_again()
    {
        using var server = new ScriptedHttpServer(
            ScriptedResponse.Json(400, """{"__type":"ClientException","message":"Family contains invalid characters."}"""),
            ScriptedResponse.Json(200, ClustersJson));
        var (ecs, clock) = ClientFor(server);
        using var _ = ecs;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecs.ListClustersAsync(new ListClustersRequest()));

        Assert.Equal("ClientException", error.ErrorCode);
        Assert.Single(server.Received);
        Assert.Empty(clock.Waits);
    }

    [Fact]
    public async Task Server_faults_stop_after_the_last_attempt_with_the_service_error()
    {
        using var server = new ScriptedHttpServer(
            ScriptedResponse.Json(503, """{"__type":"ServiceUnavailableException","message":"The service is unavailable."}"""));
        var (ecs, clock) = ClientFor(server, AwsRetryPolicy.Standard with { MaxAttempts = 4 });
        using var _ = ecs;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecs.ListClustersAsync(new ListClustersRequest()));

        Assert.Equal("ServiceUnavailableException", error.ErrorCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, server.Received.Count);
        Assert.Equal(3, clock.Waits.Count);
    }

    [Fact]
    public async Task Each_wait_stays_under_a_ceiling_that_doubles_from_the_base_delay()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Json(500, """{"__type":"ServerException","message":"x"}"""));
        var policy = AwsRetryPolicy.Standard with { MaxAttempts = 5, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(3) };
        var (ecs, clock) = ClientFor(server, policy);
        using var _ = ecs;

        await Assert.ThrowsAsync<AwsServiceException>(() => ecs.ListClustersAsync(new ListClustersRequest()));

        var ceilings = new[] { 1, 2, 3, 3 }.Select(s => TimeSpan.FromSeconds(s)).ToList();
        Assert.Equal(4, clock.Waits.Count);
        Assert.All(clock.Waits.Zip(ceilings), pair => Assert.InRange(pair.First, TimeSpan.Zero, pair.Second));
    }

    [Fact]
    public async Task A_refused_connection_is_tried_again_and_then_reported_as_it_is()
    {
        // A port bound but never listened on refuses every connection, and no other test can take it meanwhile.
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)closed.LocalEndPoint!).Port;
        var clock = new InstantTimeProvider();
        var settings = AwsClientSettings.ForLocalEndpoint(new Uri($"http://127.0.0.1:{port}/")) with { Time = clock };
        using var ecs = new EcsClient(settings);

        await Assert.ThrowsAsync<HttpRequestException>(() => ecs.ListClustersAsync(new ListClustersRequest()));

        Assert.Equal(AwsRetryPolicy.Standard.MaxAttempts - 1, clock.Waits.Count);
    }

    [Fact]
    public async Task A_query_service_is_retried_on_Throttling_too()
    {
        using var server = new ScriptedHttpServer(
            ScriptedResponse.Xml(400, """<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r1</RequestId></ErrorResponse>"""),
            ScriptedResponse.Xml(200, """<AttachRolePolicyResponse><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></AttachRolePolicyResponse>"""));
        var clock = new InstantTimeProvider();
        using var iam = new IamClient(AwsClientSettings.ForLocalEndpoint(server.Endpoint) with { Time = clock });

        await iam.AttachRolePolicyAsync("role", "arn:aws:iam::aws:policy/x");

        Assert.Equal(2, server.Received.Count);
        Assert.Single(clock.Waits);
    }

    [Fact]
    public async Task Cancelling_stops_the_waiting_between_attempts()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Json(500, """{"__type":"ServerException","message":"x"}"""));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        using var ecs = new EcsClient(AwsClientSettings.ForLocalEndpoint(server.Endpoint));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ecs.ListClustersAsync(new ListClustersRequest(), cancellation.Token));
    }

    [Theory]
    [InlineData(1, 0.5, 500)]
    [InlineData(2, 0.5, 1000)]
    [InlineData(3, 1.0, 4000)]
    [InlineData(10, 1.0, 20000)]
    [InlineData(3, 0.0, 0)]
    public void The_backoff_is_a_random_share_of_a_doubling_ceiling_capped_at_the_maximum(int retry, double random, int expectedMilliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), AwsRetryPolicy.Standard.DelayBefore(retry, random));
    }
}
