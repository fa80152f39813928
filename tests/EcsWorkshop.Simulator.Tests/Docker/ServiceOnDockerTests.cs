using System.Net.Http.Json;
using System.Text.Json;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>A service's tasks run as real containers whose pages answer on the loopback URLs the simulator lists.</summary>
[Collection(DockerCollection.Name)]
public sealed class ServiceOnDockerTests : IAsyncLifetime
{
    private readonly DockerSimulator _simulator = new();

    [Fact]
    public async Task A_service_of_two_tasks_serves_its_page_at_two_loopback_urls()
    {
        await _simulator.RegisterAsync("web", DockerContainers.Web());
        (await _simulator.Cli.RunAsync("ecs", "create-service", "--cluster", DockerSimulator.Cluster, "--service-name", "web", "--task-definition", "web",
            "--desired-count", "2", "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}")).Succeeded();

        await _simulator.WaitUntilAsync(() => _simulator.Server.Engine.World.Tasks.Values.Count(t => t.LastStatus == EcsTaskStatus.Running) == 2, "two RUNNING tasks");
        var endpoints = await _simulator.EndpointsAsync();

        Assert.Equal(2, endpoints.Count);
        Assert.Equal(2, endpoints.Select(e => e.GetProperty("taskArn").GetString()).Distinct().Count());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var endpoint in endpoints)
        {
            var url = endpoint.GetProperty("url").GetString()!;
            Assert.StartsWith("http://127.0.0.1:", url);
            Assert.Equal(("docker", "web", 8080), (endpoint.GetProperty("cluster").GetString(), endpoint.GetProperty("containerName").GetString(), endpoint.GetProperty("containerPort").GetInt32()));
            Assert.Equal("hello from the task", (await http.GetStringAsync(url)).Trim());
        }
        var health = await http.GetFromJsonAsync<JsonElement>(new Uri(_simulator.Server.Endpoint, "/_workshop/health"));
        Assert.Equal("docker", health.GetProperty("runtime").GetString());
    }

    [Fact]
    public async Task The_task_keeps_its_private_ip_and_its_container_runtime_id_is_the_docker_container()
    {
        await _simulator.RegisterAsync("web", DockerContainers.Web());
        var arn = await _simulator.RunTaskAsync("web");
        await _simulator.WaitForTaskAsync(arn, t => t.LastStatus == EcsTaskStatus.Running, "RUNNING");

        var task = await _simulator.DescribeAsync(arn);
        var runtimeId = task.GetProperty("containers")[0].GetProperty("runtimeId").GetString()!;
        var inspect = await _simulator.Docker.Containers.InspectContainerAsync(runtimeId);

        Assert.Equal(arn, inspect.Config!.Labels!["ecs-workshop.task-arn"]);
        Assert.StartsWith("container:", inspect.HostConfig!.NetworkMode);
        var details = task.GetProperty("attachments")[0].GetProperty("details").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("value").GetString());
        Assert.Matches(@"^172\.31\.\d+\.\d+$", details["privateIPv4Address"]);
    }

    public Task InitializeAsync() => _simulator.InitializeAsync();

    public Task DisposeAsync() => _simulator.DisposeAsync();
}
