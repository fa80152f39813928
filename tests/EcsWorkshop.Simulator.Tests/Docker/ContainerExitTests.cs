using System.Globalization;
using Docker.DotNet.Models;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>Real exits drive the lifecycle: a container's own exit code, one killed from outside, and its log lines.</summary>
[Collection(DockerCollection.Name)]
public sealed class ContainerExitTests : IAsyncLifetime
{
    private readonly DockerSimulator _simulator = new();

    [Fact]
    public async Task A_command_that_prints_a_line_and_exits_3_stops_the_task_with_its_exit_code_and_the_line_in_its_log()
    {
        await _simulator.RegisterAsync("exit3", $$$"""
            {"name":"app","image":"{{{DockerEngine.BaseImage}}}","essential":true,"command":["sh","-c","echo about to fail; sleep 1; exit 3"],
             "logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/exit3","awslogs-region":"ap-northeast-1","awslogs-stream-prefix":"ecs","awslogs-create-group":"true"} } }
            """);
        var arn = await _simulator.RunTaskAsync("exit3");

        await _simulator.WaitForTaskAsync(arn, t => t.LastStatus == EcsTaskStatus.Stopped, "STOPPED");

        var task = await _simulator.DescribeAsync(arn);
        Assert.Equal("EssentialContainerExited", task.Text("stopCode"));
        Assert.Equal("Essential container in task exited", task.Text("stoppedReason"));
        Assert.Equal(3, task.GetProperty("containers")[0].GetProperty("exitCode").GetInt32());
        var events = (await _simulator.Cli.RunAsync("logs", "get-log-events", "--log-group-name", "/ecs/exit3",
            "--log-stream-name", $"ecs/app/{arn.Split('/')[^1]}")).Succeeded().Json.GetProperty("events");
        var line = Assert.Single(events.EnumerateArray());
        Assert.Equal("about to fail", line.GetProperty("message").GetString());
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(line.GetProperty("timestamp").GetInt64()),
            DateTimeOffset.Parse(task.Text("createdAt")!, CultureInfo.InvariantCulture), DateTimeOffset.Parse(task.Text("stoppedAt")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Docker_kill_of_a_service_task_s_container_stops_it_with_137_and_the_service_replaces_it()
    {
        await _simulator.RegisterAsync("web", DockerContainers.Web());
        (await _simulator.Cli.RunAsync("ecs", "create-service", "--cluster", DockerSimulator.Cluster, "--service-name", "web", "--task-definition", "web",
            "--desired-count", "1", "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}")).Succeeded();
        await _simulator.WaitUntilAsync(() => _simulator.Server.Engine.World.Tasks.Values.Any(t => t.LastStatus == EcsTaskStatus.Running), "a RUNNING task");
        var first = _simulator.Server.Engine.World.Tasks.Values.Single(t => t.LastStatus == EcsTaskStatus.Running);

        await _simulator.Docker.Containers.KillContainerAsync(first.Containers[0].RuntimeId!, new ContainerKillParameters { Signal = "SIGKILL" });

        await _simulator.WaitForTaskAsync(first.Arn, t => t.LastStatus == EcsTaskStatus.Stopped, "STOPPED");
        var killed = await _simulator.DescribeAsync(first.Arn);
        Assert.Equal(137, killed.GetProperty("containers")[0].GetProperty("exitCode").GetInt32());
        Assert.Equal("EssentialContainerExited", killed.Text("stopCode"));
        await _simulator.WaitUntilAsync(() => _simulator.Server.Engine.World.Tasks.Values.Any(t => t.Arn != first.Arn && t.LastStatus == EcsTaskStatus.Running),
            "a replacement task RUNNING");
    }

    [Fact]
    public async Task Stop_task_stops_the_container_gracefully_as_user_initiated()
    {
        await _simulator.RegisterAsync("web", DockerContainers.Web());
        var arn = await _simulator.RunTaskAsync("web");
        await _simulator.WaitForTaskAsync(arn, t => t.LastStatus == EcsTaskStatus.Running, "RUNNING");

        (await _simulator.Cli.RunAsync("ecs", "stop-task", "--cluster", DockerSimulator.Cluster, "--task", arn)).Succeeded();
        await _simulator.WaitForTaskAsync(arn, t => t.LastStatus == EcsTaskStatus.Stopped, "STOPPED");

        var task = await _simulator.DescribeAsync(arn);
        Assert.Equal("UserInitiated", task.Text("stopCode"));
        Assert.Equal(143, task.GetProperty("containers")[0].GetProperty("exitCode").GetInt32());
        Assert.Empty(await DockerEngine.ContainersOfAsync(_simulator.Docker, _simulator.StateDirectory));
    }

    public Task InitializeAsync() => _simulator.InitializeAsync();

    public Task DisposeAsync() => _simulator.DisposeAsync();
}
