using System.Net;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// Clients creating, tagging and deleting services in one cluster at the same time: no change is lost, a contested
/// name is created once, and the counts agree with what is there afterwards.
/// </summary>
public sealed class ConcurrentServiceTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private const int Clients = 8;
    private const int ServicesEach = 4;
    private const string Cluster = "crowded";

    private static object Network => new { awsvpcConfiguration = new { subnets = new[] { "subnet-abcd1234" } } };

    [Fact(Timeout = 90_000)]
    public async Task Parallel_creates_tags_and_deletes_lose_nothing_and_leave_consistent_counts()
    {
        using var setup = new AwsJsonClient(simulator.Server.Endpoint);
        await setup.EcsAsync("CreateCluster", new { clusterName = Cluster });
        await setup.EcsAsync("RegisterTaskDefinition", new
        {
            family = "crowd", networkMode = "awsvpc", requiresCompatibilities = new[] { "FARGATE" }, cpu = "256", memory = "512",
            containerDefinitions = new[] { new { name = "web", image = "public.ecr.aws/nginx/nginx:latest" } },
        });
        await setup.EcsAsync("CreateService", new { cluster = Cluster, serviceName = "shared", taskDefinition = "crowd", desiredCount = 0, launchType = "FARGATE", networkConfiguration = Network });
        var sharedArn = $"arn:aws:ecs:{SimulatedWorld.Region}:123456789012:service/{Cluster}/shared";

        var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            using var http = new AwsJsonClient(simulator.Server.Endpoint);
            var contested = await http.CallAsync(AwsJsonClient.Ecs, "CreateService", new
            {
                cluster = Cluster, serviceName = "contested", taskDefinition = "crowd", desiredCount = 0, launchType = "FARGATE",
                networkConfiguration = Network, clientToken = $"client-{client}",
            });
            for (var i = 0; i < ServicesEach; i++)
            {
                await http.EcsAsync("CreateService", new { cluster = Cluster, serviceName = $"svc-{client}-{i}", taskDefinition = "crowd", desiredCount = 1, launchType = "FARGATE", networkConfiguration = Network });
                await http.EcsAsync("TagResource", new { resourceArn = sharedArn, tags = new[] { new { key = $"client-{client}-{i}", value = "x" } } });
            }
            for (var i = 0; i < ServicesEach; i += 2)
                await http.EcsAsync("DeleteService", new { cluster = Cluster, service = $"svc-{client}-{i}", force = true });
            return contested;
        })).ToList();
        var contestedAnswers = await Task.WhenAll(clients);

        var kept = Enumerable.Range(0, Clients).SelectMany(c => Enumerable.Range(0, ServicesEach).Where(i => i % 2 == 1).Select(i => $"svc-{c}-{i}"));
        var listed = await ListServicesAsync(setup);
        var cluster = (await setup.EcsAsync("DescribeClusters", new { clusters = new[] { Cluster } }))["clusters"]![0]!;
        var tags = (await setup.EcsAsync("ListTagsForResource", new { resourceArn = sharedArn }))["tags"]!.AsArray().Select(t => t!["key"]!.GetValue<string>());

        Assert.Single(contestedAnswers, a => a.Status == HttpStatusCode.OK);
        Assert.All(contestedAnswers.Where(a => a.Status != HttpStatusCode.OK), a =>
            Assert.Equal("Creation of service was not idempotent.", a.Body["message"]!.GetValue<string>()));
        Assert.Equal(kept.Append("shared").Append("contested").Order(), listed.Order());
        Assert.Equal(listed.Count, cluster["activeServicesCount"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(0, Clients).SelectMany(c => Enumerable.Range(0, ServicesEach).Select(i => $"client-{c}-{i}")).Order(), tags.Order());
        var world = simulator.Server.Engine.World;
        Assert.Equal(Clients * ServicesEach / 2, world.Services.Values.Count(s => s.Name.StartsWith("svc-", StringComparison.Ordinal) && s.Status.ToString() != "Active"));
    }

    private static async Task<List<string>> ListServicesAsync(AwsJsonClient http)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await http.EcsAsync("ListServices", token is null ? new { cluster = Cluster, maxResults = 100 } : (object)new { cluster = Cluster, maxResults = 100, nextToken = token });
            names.AddRange(page["serviceArns"]!.AsArray().Select(a => a!.GetValue<string>().Split('/')[^1]));
            token = page["nextToken"]?.GetValue<string>();
        }
        while (token is not null);
        return names;
    }
}
