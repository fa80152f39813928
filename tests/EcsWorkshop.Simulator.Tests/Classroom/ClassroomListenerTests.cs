using System.Net;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Tests.Elbv2;
using EcsWorkshop.Simulator.Runtime;

namespace EcsWorkshop.Simulator.Tests.Classroom;

/// <summary>
/// The listeners of a classroom: two learners' listeners on the same API port each really listen on a loopback port
/// of their own, and <c>/_workshop/endpoints</c>, signed by a learner, lists that learner's listeners only.
/// </summary>
public sealed class ClassroomListenerTests(ClassroomSimulator room) : IClassFixture<ClassroomSimulator>
{
    private async Task<string> CreateListenerAsync(Learner learner, string name, int port)
    {
        var cli = room.Cli(learner);
        var loadBalancer = (await cli.CreateLoadBalancerAsync(name)).Arn("LoadBalancerArn");
        var targetGroup = (await cli.CreateTargetGroupAsync(name)).Arn("TargetGroupArn");
        return await cli.CreateListenerAsync(loadBalancer, targetGroup, port);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> EndpointsAsync(Learner? learner)
    {
        HttpMessageHandler handler = new SocketsHttpHandler();
        if (learner is not null)
            handler = new SigV4SigningHandler(new BasicAWSCredentials(learner.AccessKeyId, learner.SecretAccessKey), RegionEndpoint.APNortheast1, "ecs", handler);
        using var http = new HttpClient(handler) { BaseAddress = room.Server.Endpoint };
        using var response = await http.GetAsync(RuntimeHosting.EndpointsPath);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<List<JsonElement>> ListenersOfAsync(Learner learner, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var (status, body) = await EndpointsAsync(learner);
            Assert.Equal(HttpStatusCode.OK, status);
            var listeners = body.EnumerateArray().Where(e => e.TryGetProperty("listenerArn", out _)).ToList();
            if (listeners.Count >= count || DateTime.UtcNow > deadline) return listeners;
            await Task.Delay(100);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Each_learner_sees_only_their_own_listener_each_on_its_own_loopback_port()
    {
        var ofA = await CreateListenerAsync(room.A, "lb-a", 18481);
        var ofB = await CreateListenerAsync(room.B, "lb-b", 18481);

        var seenByA = Assert.Single(await ListenersOfAsync(room.A, 1));
        var seenByB = Assert.Single(await ListenersOfAsync(room.B, 1));

        Assert.Equal(ofA, seenByA.GetProperty("listenerArn").GetString());
        Assert.Equal(ofB, seenByB.GetProperty("listenerArn").GetString());
        Assert.NotEqual(seenByA.GetProperty("url").GetString(), seenByB.GetProperty("url").GetString());
        Assert.All([seenByA, seenByB], l => Assert.StartsWith("http://127.0.0.1:", l.GetProperty("url").GetString()));
        using var http = new HttpClient();
        using var answerOfB = await http.GetAsync(seenByB.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answerOfB.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_endpoints_are_not_listed_without_a_learners_signature()
    {
        var (status, body) = await EndpointsAsync(null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MissingAuthenticationTokenException", body.GetProperty("__type").GetString());
    }
}
