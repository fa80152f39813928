using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>A container health check runs in the container (Docker's HEALTHCHECK); its result is the container's and the task's health.</summary>
[Collection(DockerCollection.Name)]
public sealed class HealthCheckTests : IAsyncLifetime
{
    private readonly DockerSimulator _simulator = new();

    [Fact]
    public async Task A_passing_health_check_makes_the_container_and_the_task_HEALTHY()
    {
        await _simulator.RegisterAsync("healthy", DockerContainers.Web(extra: """
            ,"healthCheck":{"command":["CMD-SHELL","wget -qO- http://127.0.0.1:8080/ || exit 1"],"interval":5,"timeout":2,"retries":1}
            """));
        var arn = await _simulator.RunTaskAsync("healthy");

        await _simulator.WaitForTaskAsync(arn, t => t.HealthStatus == ContainerHealth.Healthy, "HEALTHY", TimeSpan.FromSeconds(40));

        var task = await _simulator.DescribeAsync(arn);
        Assert.Equal("HEALTHY", task.Text("healthStatus"));
        Assert.Equal("HEALTHY", task.GetProperty("containers")[0].Text("healthStatus"));
    }

    [Fact]
    public async Task A_failing_health_check_makes_the_service_replace_the_task_and_say_so_in_its_events()
    {
        await _simulator.RegisterAsync("sick", DockerContainers.Web(extra: """
            ,"healthCheck":{"command":["CMD-SHELL","exit 1"],"interval":5,"timeout":2,"retries":1}
            """));
        (await _simulator.Cli.RunAsync("ecs", "create-service", "--cluster", DockerSimulator.Cluster, "--service-name", "sick", "--task-definition", "sick",
            "--desired-count", "1", "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}")).Succeeded();
        await _simulator.WaitUntilAsync(() => _simulator.Server.Engine.World.Tasks.Count > 0, "a task");
        var first = _simulator.Server.Engine.World.Tasks.Values.Single().Arn;

        await _simulator.WaitForTaskAsync(first, t => t.DesiredStatus == EcsTaskStatus.Stopped, "stopped for its health", TimeSpan.FromSeconds(40));
        await _simulator.WaitUntilAsync(() => _simulator.Server.Engine.World.Tasks.Keys.Any(k => k != first), "a replacement task");

        var task = await _simulator.DescribeAsync(first);
        Assert.Equal("UNHEALTHY", task.GetProperty("containers")[0].Text("healthStatus"));
        Assert.Equal("ServiceSchedulerInitiated", task.Text("stopCode"));
        Assert.Equal("Task failed container health checks", task.Text("stoppedReason"));
        var services = (await _simulator.Cli.RunAsync("ecs", "describe-services", "--cluster", DockerSimulator.Cluster, "--services", "sick")).Succeeded().Json;
        var events = services.GetProperty("services")[0].GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.Contains($"(service sick) (task {first.Split('/')[^1]}) failed container health checks.", events);
        (await _simulator.Cli.RunAsync("ecs", "delete-service", "--cluster", DockerSimulator.Cluster, "--service", "sick", "--force")).Succeeded();
        await _simulator.WaitUntilAsync(() => _simulator.Server.Engine.World.Tasks.Values.All(t => !t.IsAlive), "every task stopped");
    }

    public Task InitializeAsync() => _simulator.InitializeAsync();

    public Task DisposeAsync() => _simulator.DisposeAsync();
}
