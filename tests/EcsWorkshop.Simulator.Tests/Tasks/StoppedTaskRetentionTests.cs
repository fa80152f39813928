using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tasks;

public sealed class StoppedTaskRetentionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void A_stopped_task_stays_describable_for_one_real_hour_then_goes_missing(double speed)
    {
        using var world = new SimulatedWorld(speed);
        world.WithFargateFamily();
        var arn = world.RunFargateTask();
        world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn });
        world.Advance(TimeSpan.FromSeconds(30));
        var stoppedAt = world.DescribeTask(arn).Time("stoppedAt")!.Value;

        world.Advance(stoppedAt.AddMinutes(59) - world.Clock.GetUtcNow(), tick: TimeSpan.FromMinutes(1));
        Assert.Equal("STOPPED", world.LastStatus(arn));
        world.Advance(TimeSpan.FromMinutes(1), tick: TimeSpan.FromMinutes(1));

        var response = world.Ecs("DescribeTasks", new { cluster = TaskTestSupport.Cluster, tasks = new[] { arn } });
        Assert.Empty(response.GetProperty("tasks").EnumerateArray());
        Assert.Equal("MISSING", response.GetProperty("failures")[0].Text("reason"));
        Assert.Empty(world.Engine.World.Tasks);
    }
}
