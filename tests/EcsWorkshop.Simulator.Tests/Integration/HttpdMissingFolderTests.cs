using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Integration.StandIns;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Integration;

/// <summary>
/// On the simulated runtime (a fake clock), BusyBox httpd told to serve a folder the image lacks does what the real
/// one does (checked on the Docker engine, and by <c>HttpdMissingFolderOnDockerTests</c>): it exits with code 1 as it
/// starts, so its essential container stops the task. A folder the image has, or one the command makes first with
/// <c>mkdir</c>, is served as before.
/// </summary>
public sealed class HttpdMissingFolderTests : IDisposable
{
    private readonly SimulatedWorld _world = SimulatedWorld.WithEcrAndLogs();
    private readonly string _image;

    public HttpdMissingFolderTests()
    {
        _image = SampleWebImage.Push(_world);
        _world.Ecs("CreateCluster", new { clusterName = "workshop" });
    }

    public void Dispose() => _world.Dispose();

    private EcsTask RunWith(params string[] command)
    {
        _world.Ecs("RegisterTaskDefinition", new
        {
            family = "web", requiresCompatibilities = new[] { "FARGATE" }, networkMode = "awsvpc", cpu = "256", memory = "512",
            containerDefinitions = new[] { new { name = "web", image = _image, essential = true, portMappings = new[] { new { containerPort = 80 } }, command } },
        });
        var arn = _world.Ecs("RunTask", new { cluster = "workshop", taskDefinition = "web", launchType = "FARGATE", networkConfiguration = Network() })
            .GetProperty("tasks")[0].GetProperty("taskArn").GetString()!;
        _world.AdvanceUntil(w => w.Tasks[arn].LastStatus is EcsTaskStatus.Running or EcsTaskStatus.Stopped, TimeSpan.FromMinutes(5));
        return _world.Engine.World.Tasks[arn];
    }

    [Fact]
    public void Httpd_serving_a_folder_the_image_lacks_exits_with_code_1_and_stops_its_task()
    {
        var task = RunWith("httpd", "-f", "-p", "80", "-h", "/nope");

        Assert.Equal(EcsTaskStatus.Stopped, task.LastStatus);
        Assert.Equal(StopCode.EssentialContainerExited, task.StopCode);
        Assert.Equal("Essential container in task exited", task.StoppedReason);
        Assert.Equal(1, task.Containers.Single().ExitCode);
    }

    [Fact]
    public void Httpd_serving_a_folder_the_command_makes_first_keeps_running()
    {
        var task = RunWith("sh", "-c", "mkdir -p /srv/empty && exec httpd -f -p 80 -h /srv/empty");

        Assert.Equal(EcsTaskStatus.Running, task.LastStatus);
    }

    [Fact]
    public void Httpd_serving_a_folder_of_the_image_keeps_running()
    {
        var task = RunWith("httpd", "-f", "-p", "80", "-h", "/www");

        Assert.Equal(EcsTaskStatus.Running, task.LastStatus);
    }

    [Fact]
    public void The_missing_folder_is_told_as_busybox_prints_it()
    {
        var exit = BusyboxHttpd.ExitForMissingDocumentRoot("/nope");

        Assert.Equal(1, exit.ExitCode);
        Assert.Equal(TimeSpan.Zero, exit.After);
        Assert.Equal(["httpd: can't change directory to '/nope': No such file or directory"], exit.Output!.Select(l => l.Text));
    }
}
