using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Runtime.Docker;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>Two simulators with different state folders on one engine never touch each other's containers.</summary>
[Collection(DockerCollection.Name)]
public sealed class SideBySideTests
{
    [Fact]
    public async Task Two_simulators_run_their_own_containers_and_stopping_one_leaves_the_other_s_running()
    {
        var first = new DockerSimulator();
        var second = new DockerSimulator();
        await first.InitializeAsync();
        try
        {
            await second.InitializeAsync();
            await first.RegisterAsync("web", DockerContainers.Web("first"));
            await second.RegisterAsync("web", DockerContainers.Web("second"));
            var firstTask = await first.RunTaskAsync("web");
            var secondTask = await second.RunTaskAsync("web");
            await first.WaitForTaskAsync(firstTask, t => t.LastStatus == EcsTaskStatus.Running, "RUNNING");
            await second.WaitForTaskAsync(secondTask, t => t.LastStatus == EcsTaskStatus.Running, "RUNNING");

            var firstContainers = await DockerEngine.ContainersOfAsync(first.Docker, first.StateDirectory);
            Assert.Equal(2, firstContainers.Count);
            Assert.All(firstContainers, c => Assert.Equal(firstTask, c.Labels![WorkshopLabels.TaskArn]));

            await first.DisposeAsync();

            var secondUrl = Assert.Single(await second.EndpointsAsync()).GetProperty("url").GetString()!;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            Assert.Equal("second", (await http.GetStringAsync(secondUrl)).Trim());
            Assert.Equal(2, (await DockerEngine.ContainersOfAsync(second.Docker, second.StateDirectory)).Count(c => c.State == "running"));
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
