using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Quotas;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Quotas;

/// <summary>
/// A classroom's shared memory: every learner's tasks draw on one <see cref="RoomMemoryBudget"/> (a task counts its
/// task memory until it is STOPPED); a task that does not fit is answered with Fargate's capacity words, for
/// RunTask and in service events, and memory freed by one learner is there for the others.
/// </summary>
public sealed class RoomMemoryBudgetTests : IDisposable
{
    private readonly RoomMemoryBudget _budget = new(1024);
    private readonly SimulatedWorld _alice;
    private readonly SimulatedWorld _bob;

    public RoomMemoryBudgetTests()
    {
        var settings = SimulationSettings.AtSpeed(1) with { RoomMemory = _budget };
        _alice = new SimulatedWorld(settings, seed: 1);
        _bob = new SimulatedWorld(settings, seed: 2);
        _alice.WithFargateFamily();
        _bob.WithFargateFamily();
    }

    private static System.Text.Json.JsonElement Run(SimulatedWorld learner, int count = 1) => learner.Ecs("RunTask", new
    {
        cluster = TaskTestSupport.Cluster, taskDefinition = "web", count, launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network,
    });

    [Fact]
    public void A_learners_task_that_would_pass_the_rooms_memory_is_answered_with_fargates_capacity_failure()
    {
        Assert.Single(Run(_alice).GetProperty("tasks").EnumerateArray());
        Assert.Single(Run(_bob).GetProperty("tasks").EnumerateArray());
        Assert.Equal(1024, _budget.ReservedMiB);

        var refused = Run(_bob);

        Assert.Empty(refused.GetProperty("tasks").EnumerateArray());
        var failure = Assert.Single(refused.GetProperty("failures").EnumerateArray());
        Assert.Equal("Capacity is unavailable at this time. Please try again later or in a different availability zone", failure.Text("reason"));
        Assert.Single(_bob.Engine.World.Tasks);
    }

    [Fact]
    public void Memory_one_learner_frees_is_there_for_another_once_the_task_is_stopped()
    {
        var alicesTasks = Run(_alice, 2).GetProperty("tasks").EnumerateArray().Select(t => t.Text("taskArn")!).ToList();
        Assert.Single(Run(_bob).GetProperty("failures").EnumerateArray());

        _alice.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = alicesTasks[0] });
        Assert.Single(Run(_bob).GetProperty("failures").EnumerateArray()); // still stopping: its memory is still held
        _alice.AdvanceUntil(w => !w.Tasks[alicesTasks[0]].IsAlive, TimeSpan.FromMinutes(2));

        Assert.Single(Run(_bob).GetProperty("tasks").EnumerateArray());
        Assert.Equal(1024, _budget.ReservedMiB);
    }

    [Fact]
    public void A_service_that_finds_no_memory_left_says_capacity_is_unavailable_and_starts_its_task_when_memory_is_freed()
    {
        var alicesTasks = Run(_alice, 2).GetProperty("tasks").EnumerateArray().Select(t => t.Text("taskArn")!).ToList();
        var definition = _bob.Engine.World.TaskDefinitions.Values.Single();
        _bob.Ecs("CreateService", ServiceTestSupport.FargateService("web", definition));

        _bob.Advance(TimeSpan.FromSeconds(10));

        Assert.Empty(_bob.TasksOf("web"));
        Assert.Contains("(service web) was unable to place a task. Reason: Capacity is unavailable at this time. " +
                        "Please try again later or in a different availability zone.", _bob.Describe("web").Messages());

        _alice.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = alicesTasks[1] });
        _alice.AdvanceUntil(w => !w.Tasks[alicesTasks[1]].IsAlive, TimeSpan.FromMinutes(2));
        _bob.AdvanceUntil(w => w.Tasks.Values.Any(t => t.IsAlive), TimeSpan.FromSeconds(10));
        Assert.Single(_bob.TasksOf("web"));
    }

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
    }
}
