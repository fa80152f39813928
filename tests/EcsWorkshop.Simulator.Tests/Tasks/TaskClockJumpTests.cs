using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tasks;

/// <summary>However coarsely the clock is ticked, a task's history comes out the same.</summary>
public sealed class TaskClockJumpTests
{
    [Fact]
    public void One_big_jump_of_the_clock_gives_the_same_task_as_many_small_ticks()
    {
        using var ticked = new SimulatedWorld(seed: 7);
        using var jumped = new SimulatedWorld(seed: 7);
        var tickedArn = StartAndStop(ticked, world => world.Advance(TimeSpan.FromSeconds(40)));
        var jumpedArn = StartAndStop(jumped, world => world.Advance(TimeSpan.FromSeconds(40), tick: TimeSpan.FromSeconds(40)));

        Assert.Equal(tickedArn, jumpedArn);
        Assert.Equal(ticked.DescribeTask(tickedArn).GetRawText(), jumped.DescribeTask(jumpedArn).GetRawText());
        Assert.Equal("STOPPED", jumped.LastStatus(jumpedArn));
    }

    [Fact]
    public void Stopping_a_task_the_scheduler_has_not_caught_up_with_keeps_the_history_it_had()
    {
        using var ticked = new SimulatedWorld(seed: 7);
        using var unticked = new SimulatedWorld(seed: 7);
        var tickedArn = StartAndStop(ticked, world => world.Advance(TimeSpan.FromSeconds(40)));
        var untickedArn = StartAndStop(unticked, world => world.Clock.Advance(TimeSpan.FromSeconds(40)));
        unticked.Engine.Advance();

        Assert.Equal(ticked.DescribeTask(tickedArn).GetRawText(), unticked.DescribeTask(untickedArn).GetRawText());
        Assert.NotNull(unticked.DescribeTask(untickedArn).Time("startedAt"));
    }

    private static string StartAndStop(SimulatedWorld world, Action<SimulatedWorld> letTimePass)
    {
        world.WithFargateFamily();
        var arn = world.RunFargateTask();
        letTimePass(world);
        world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn, reason = "done" });
        letTimePass(world);
        return arn;
    }
}
