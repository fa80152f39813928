using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Quotas;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>
/// A classroom's limits with real containers: a learner's container quota, and the room's memory budget shared by
/// two learners' simulators on one engine. A refused task starts no container; memory freed by one learner's
/// stopped task lets the other's task start.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class ClassroomLimitsOnDockerTests
{
    private static async Task<System.Text.Json.JsonElement> RunAsync(DockerSimulator learner) =>
        (await learner.Cli.RunAsync("ecs", "run-task", "--cluster", DockerSimulator.Cluster, "--task-definition", "web", "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}")).Succeeded().Json;

    [Fact]
    public async Task A_learner_at_the_container_quota_gets_the_task_limit_failure_and_no_new_container()
    {
        var learner = new DockerSimulator(SimulationSettings.AtSpeed(20) with { Quotas = new AccountQuotas { Containers = 1 } });
        await learner.InitializeAsync();
        try
        {
            await learner.RegisterAsync("web", DockerContainers.Web("limited"));
            var first = await learner.RunTaskAsync("web");
            await learner.WaitForTaskAsync(first, t => t.LastStatus == EcsTaskStatus.Running, "RUNNING");
            var containersBefore = (await DockerEngine.ContainersOfAsync(learner.Docker, learner.StateDirectory)).Count;

            var refused = await RunAsync(learner);

            Assert.Equal(0, refused.GetProperty("tasks").GetArrayLength());
            Assert.Equal("You've reached the limit on the number of tasks you can run concurrently",
                refused.GetProperty("failures")[0].GetProperty("reason").GetString());
            Assert.Equal(containersBefore, (await DockerEngine.ContainersOfAsync(learner.Docker, learner.StateDirectory)).Count);
        }
        finally
        {
            await learner.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_learners_share_the_rooms_memory_and_a_stopped_task_makes_room_for_the_other()
    {
        var room = new RoomMemoryBudget(1024);
        var settings = SimulationSettings.AtSpeed(20) with { RoomMemory = room };
        var alice = new DockerSimulator(settings);
        var bob = new DockerSimulator(settings);
        await alice.InitializeAsync();
        try
        {
            await bob.InitializeAsync();
            await alice.RegisterAsync("web", DockerContainers.Web("alice"));
            await bob.RegisterAsync("web", DockerContainers.Web("bob"));
            var alicesTask = await alice.RunTaskAsync("web");
            var bobsTask = await bob.RunTaskAsync("web");
            await alice.WaitForTaskAsync(alicesTask, t => t.LastStatus == EcsTaskStatus.Running, "RUNNING");
            await bob.WaitForTaskAsync(bobsTask, t => t.LastStatus == EcsTaskStatus.Running, "RUNNING");

            var refused = await RunAsync(bob);
            Assert.Equal(0, refused.GetProperty("tasks").GetArrayLength());
            Assert.Equal("Capacity is unavailable at this time. Please try again later or in a different availability zone",
                refused.GetProperty("failures")[0].GetProperty("reason").GetString());

            (await alice.Cli.RunAsync("ecs", "stop-task", "--cluster", DockerSimulator.Cluster, "--task", alicesTask)).Succeeded();
            await alice.WaitForTaskAsync(alicesTask, t => t.LastStatus == EcsTaskStatus.Stopped, "STOPPED");
            Assert.DoesNotContain(await DockerEngine.ContainersOfAsync(alice.Docker, alice.StateDirectory), c => c.State == "running");

            var started = await RunAsync(bob);
            var bobsSecond = started.GetProperty("tasks")[0].GetProperty("taskArn").GetString()!;
            await bob.WaitForTaskAsync(bobsSecond, t => t.LastStatus == EcsTaskStatus.Running, "RUNNING");
            Assert.Equal(1024, room.ReservedMiB);
        }
        finally
        {
            await bob.DisposeAsync();
            await alice.DisposeAsync();
        }
    }
}
