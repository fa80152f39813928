using System.Net.Http.Json;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>
/// A Fargate Spot interruption on real containers: the containers get SIGTERM (a container that handles it exits 0
/// and logs it), one that ignores it is killed after its stopTimeout (137), and the service starts a replacement on
/// Spot.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class SpotInterruptionOnDockerTests : IAsyncLifetime
{
    private readonly DockerSimulator _simulator = new();

    private async Task<EcsTask> ServiceOnSpotAsync(string family, string containerJson)
    {
        var cli = _simulator.Cli;
        (await cli.RunAsync("ecs", "put-cluster-capacity-providers", "--cluster", DockerSimulator.Cluster, "--capacity-providers", "FARGATE", "FARGATE_SPOT",
            "--default-capacity-provider-strategy", "[]")).Succeeded();
        await _simulator.RegisterAsync(family, containerJson);
        (await cli.RunAsync("ecs", "create-service", "--cluster", DockerSimulator.Cluster, "--service-name", family, "--task-definition", family,
            "--desired-count", "1", "--capacity-provider-strategy", "capacityProvider=FARGATE_SPOT,weight=1",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}")).Succeeded();
        await _simulator.WaitUntilAsync(() => _simulator.Server.Engine.World.Tasks.Values.Any(t => t.LastStatus == EcsTaskStatus.Running), "a RUNNING task");
        return _simulator.Server.Engine.World.Tasks.Values.Single(t => t.LastStatus == EcsTaskStatus.Running);
    }

    private async Task InterruptAsync(EcsTask task)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(new Uri(_simulator.Server.Endpoint, SpotInterruptionControl.Path),
            new { cluster = DockerSimulator.Cluster, task = task.Arn });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_container_that_handles_sigterm_exits_cleanly_and_spot_replaces_the_task()
    {
        var task = await ServiceOnSpotAsync("graceful", $$$"""
            {"name":"app","image":"{{{DockerEngine.BaseImage}}}","essential":true,"stopTimeout":30,
             "command":["sh","-c","trap 'echo SIGTERM received; exit 0' TERM; echo ready; while true; do sleep 1; done"],
             "logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/graceful","awslogs-region":"ap-northeast-1","awslogs-stream-prefix":"ecs","awslogs-create-group":"true"} } }
            """);
        await WaitForLogLineAsync("/ecs/graceful", task, "ready");
        var interruptedAt = DateTime.UtcNow;

        await InterruptAsync(task);
        await _simulator.WaitForTaskAsync(task.Arn, t => t.LastStatus == EcsTaskStatus.Stopped, "STOPPED", TimeSpan.FromSeconds(60));

        Assert.True(DateTime.UtcNow - interruptedAt < TimeSpan.FromSeconds(25), "the container should stop on SIGTERM, well before its 30 s stopTimeout");
        var described = await _simulator.DescribeAsync(task.Arn);
        Assert.Equal("SpotInterruption", described.Text("stopCode"));
        Assert.Equal("Your Spot Task was interrupted.", described.Text("stoppedReason"));
        Assert.Equal(0, described.GetProperty("containers")[0].GetProperty("exitCode").GetInt32());
        await WaitForLogLineAsync("/ecs/graceful", task, "SIGTERM received");
        var replacement = await WaitForReplacementAsync(task);
        Assert.Equal("FARGATE_SPOT", replacement.CapacityProviderName);
    }

    [Fact]
    public async Task A_container_that_ignores_sigterm_is_killed_after_its_stop_timeout()
    {
        var task = await ServiceOnSpotAsync("stubborn", $$$"""
            {"name":"app","image":"{{{DockerEngine.BaseImage}}}","essential":true,"stopTimeout":3,
             "command":["sh","-c","trap '' TERM; while true; do sleep 1; done"]}
            """);
        var interruptedAt = DateTime.UtcNow;

        await InterruptAsync(task);
        await _simulator.WaitForTaskAsync(task.Arn, t => t.LastStatus == EcsTaskStatus.Stopped, "STOPPED", TimeSpan.FromSeconds(60));

        Assert.True(DateTime.UtcNow - interruptedAt >= TimeSpan.FromSeconds(3), "SIGKILL must wait for the stopTimeout");
        var described = await _simulator.DescribeAsync(task.Arn);
        Assert.Equal("SpotInterruption", described.Text("stopCode"));
        Assert.Equal(137, described.GetProperty("containers")[0].GetProperty("exitCode").GetInt32());
        await WaitForReplacementAsync(task);
    }

    private async Task<EcsTask> WaitForReplacementAsync(EcsTask interrupted)
    {
        await _simulator.WaitUntilAsync(() => _simulator.Server.Engine.World.Tasks.Values.Any(t => t.Arn != interrupted.Arn && t.LastStatus == EcsTaskStatus.Running),
            "a replacement task RUNNING");
        return _simulator.Server.Engine.World.Tasks.Values.Single(t => t.Arn != interrupted.Arn && t.LastStatus == EcsTaskStatus.Running);
    }

    /// <summary>Waits (bounded) until the task's awslogs stream holds <paramref name="line"/>, read with the AWS CLI.</summary>
    private async Task WaitForLogLineAsync(string group, EcsTask task, string line)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var result = await _simulator.Cli.RunAsync("logs", "get-log-events", "--log-group-name", group, "--log-stream-name", $"ecs/app/{task.Id}");
            if (result.ExitCode == 0 && result.Json.GetProperty("events").EnumerateArray().Any(e => e.GetProperty("message").GetString() == line)) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"The log of task {task.Id} never showed \"{line}\".");
            await Task.Delay(200);
        }
    }

    public Task InitializeAsync() => _simulator.InitializeAsync();

    public Task DisposeAsync() => _simulator.DisposeAsync();
}
