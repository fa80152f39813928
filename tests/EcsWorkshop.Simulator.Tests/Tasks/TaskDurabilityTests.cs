using EcsWorkshop.Simulator.Storage;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tasks;

public sealed class TaskDurabilityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecs-workshop-tasks-").FullName;

    [Fact]
    public void Tasks_survive_a_reopen_of_the_store_and_carry_on_with_their_lifecycle()
    {
        using var uninterrupted = new SimulatedWorld(seed: 3);
        var expectedArn = RunAndStop(uninterrupted, reopenAfterStart: null);

        string arn;
        DateTimeOffset stoppedWorldTime;
        using (var before = new SimulatedWorld(store: StateStore.Open(_directory), seed: 3))
        {
            before.WithFargateFamily();
            arn = before.RunFargateTask();
            before.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal("PENDING", before.LastStatus(arn));
            stoppedWorldTime = before.Clock.GetUtcNow();
        }

        using var after = new SimulatedWorld(store: StateStore.Open(_directory), seed: 99);
        after.Clock.SetUtcNow(stoppedWorldTime);
        Assert.Equal("PENDING", after.LastStatus(arn));
        RunAndStop(after, reopenAfterStart: arn);

        Assert.Equal(expectedArn, arn);
        Assert.Equal(uninterrupted.DescribeTask(expectedArn).GetRawText(), after.DescribeTask(arn).GetRawText());
    }

    /// <summary>Runs a task (or takes over one already started), lets it run, stops it and lets it stop.</summary>
    private static string RunAndStop(SimulatedWorld world, string? reopenAfterStart)
    {
        string arn;
        if (reopenAfterStart is null)
        {
            world.WithFargateFamily();
            arn = world.RunFargateTask();
            world.Advance(TimeSpan.FromSeconds(10));
        }
        else arn = reopenAfterStart;
        world.Advance(TimeSpan.FromSeconds(20));
        world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn });
        world.Advance(TimeSpan.FromSeconds(20));
        return arn;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
