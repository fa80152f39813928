using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>
/// Real BusyBox httpd told to serve a folder that does not exist exits with code 1 at once ("httpd: can't change
/// directory to '/nope': No such file or directory"), so the task's essential container stops it — the behaviour
/// the simulated runtime's stand-in copies (<c>HttpdMissingFolderTests</c>).
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class HttpdMissingFolderOnDockerTests : IAsyncLifetime
{
    private readonly DockerSimulator _simulator = new();

    [Fact(Timeout = 180_000)]
    public async Task Httpd_serving_a_folder_that_does_not_exist_exits_with_code_1_and_stops_its_task()
    {
        await _simulator.RegisterAsync("web",
            $$"""{"name":"web","image":"{{DockerEngine.BaseImage}}","essential":true,"entryPoint":["httpd"],"command":["-f","-p","8080","-h","/nope"],"portMappings":[{"containerPort":8080}]}""");

        var taskArn = await _simulator.RunTaskAsync("web");
        var task = await _simulator.WaitForTaskAsync(taskArn, t => t.LastStatus == EcsTaskStatus.Stopped, "STOPPED", TimeSpan.FromSeconds(90));

        Assert.Equal(StopCode.EssentialContainerExited, task.StopCode);
        Assert.Equal("Essential container in task exited", task.StoppedReason);
        Assert.Equal(1, task.Containers.Single().ExitCode);
    }

    public Task InitializeAsync() => _simulator.InitializeAsync();

    public Task DisposeAsync() => _simulator.DisposeAsync();
}
