using System.Globalization;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>The task definition's memory limit and dependsOn order, applied by the engine.</summary>
[Collection(DockerCollection.Name)]
public sealed class ContainerLimitsAndOrderTests : IAsyncLifetime
{
    private readonly DockerSimulator _simulator = new();

    [Fact]
    public async Task A_container_that_outgrows_its_memory_is_killed_with_ECS_s_OutOfMemoryError()
    {
        await _simulator.RegisterAsync("hungry", $$$"""
            {"name":"app","image":"{{{DockerEngine.BaseImage}}}","essential":true,"memory":16,
             "command":["sh","-c","a=$(head -c 200000000 /dev/zero | tr '\\0' x); echo survived"]}
            """);
        var arn = await _simulator.RunTaskAsync("hungry");

        await _simulator.WaitForTaskAsync(arn, t => t.LastStatus == EcsTaskStatus.Stopped, "STOPPED");

        var task = await _simulator.DescribeAsync(arn);
        var container = task.GetProperty("containers")[0];
        Assert.Equal("OutOfMemoryError: Container killed due to memory usage", container.Text("reason"));
        Assert.Equal(137, container.GetProperty("exitCode").GetInt32());
        Assert.Equal("EssentialContainerExited", task.Text("stopCode"));
        Assert.Equal("Essential container in task exited", task.Text("stoppedReason"));
    }

    [Fact]
    public async Task A_container_that_depends_on_another_s_success_starts_after_it_exited_0()
    {
        await _simulator.RegisterAsync("ordered", $$$"""
            {"name":"init","image":"{{{DockerEngine.BaseImage}}}","essential":false,"command":["sh","-c","sleep 2; exit 0"]},
            {"name":"app","image":"{{{DockerEngine.BaseImage}}}","essential":true,"command":["sleep","300"],"linuxParameters":{"initProcessEnabled":true},"stopTimeout":2,
             "dependsOn":[{"containerName":"init","condition":"SUCCESS"}]}
            """);
        var arn = await _simulator.RunTaskAsync("ordered");

        var task = await _simulator.WaitForTaskAsync(arn, t => t.LastStatus == EcsTaskStatus.Running, "RUNNING");

        var init = await _simulator.Docker.Containers.InspectContainerAsync(task.Containers.Single(c => c.Name == "init").RuntimeId!);
        var app = await _simulator.Docker.Containers.InspectContainerAsync(task.Containers.Single(c => c.Name == "app").RuntimeId!);
        Assert.Equal(0, init.State!.ExitCode);
        Assert.True(DateTimeOffset.Parse(app.State!.StartedAt!, CultureInfo.InvariantCulture) >= DateTimeOffset.Parse(init.State.FinishedAt!, CultureInfo.InvariantCulture),
            $"app started at {app.State.StartedAt}, before init finished at {init.State.FinishedAt}");
        var described = (await _simulator.DescribeAsync(arn)).GetProperty("containers").EnumerateArray().ToDictionary(c => c.Text("name")!);
        Assert.Equal("STOPPED", described["init"].Text("lastStatus"));
        Assert.Equal(0, described["init"].GetProperty("exitCode").GetInt32());
        Assert.Equal("RUNNING", described["app"].Text("lastStatus"));
    }

    public Task InitializeAsync() => _simulator.InitializeAsync();

    public Task DisposeAsync() => _simulator.DisposeAsync();
}
