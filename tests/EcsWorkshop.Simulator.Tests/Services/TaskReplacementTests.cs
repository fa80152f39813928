using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

public sealed class TaskReplacementTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void A_task_whose_container_exits_after_running_is_replaced()
    {
        var definition = Prepare(_world, ServiceTestTaskDefinitions.ExitsAfter(seconds: 60));
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 1));

        _world.AdvanceUntil(w => _world.TasksOf("web").Any(t => t.StopCode == StopCode.EssentialContainerExited), Patience);
        var crashed = _world.TasksOf("web").Single(t => t.StopCode == StopCode.EssentialContainerExited);
        _world.AdvanceUntil(w => _world.TasksOf("web").Any(t => t.Arn != crashed.Arn && t.LastStatus == EcsTaskStatus.Running), Patience);

        Assert.NotNull(crashed.StartedAt);
        var service = _world.Describe("web");
        Assert.Equal(2, service.Messages().Count(m => m.StartsWith("(service web) has started 1 tasks:", StringComparison.Ordinal)));
        Assert.Equal(1, service.Int("desiredCount"));
        Assert.Equal(0, service.GetProperty("deployments")[0].Int("failedTasks"));
    }

    [Fact]
    public void A_task_stopped_by_the_user_is_replaced()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 2));
        _world.AdvanceUntilSteady("web");
        var victim = _world.TasksOf("web")[0];

        _world.Engine.Mutate(tx => TaskLauncher.RequestStop(tx, tx.World.Tasks[victim.Arn], StopCode.UserInitiated, "Task stopped by user"));
        _world.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(3, _world.TasksOf("web").Count);
        _world.AdvanceUntilSteady("web");
        Assert.Equal(2, _world.TasksOf("web").Count(t => t.LastStatus == EcsTaskStatus.Running));
        Assert.Equal(StopCode.UserInitiated, _world.TasksOf("web").Single(t => t.Arn == victim.Arn).StopCode);
    }

    [Fact]
    public void Tasks_that_keep_failing_to_start_are_counted_once_each_and_throttled()
    {
        var definition = Prepare(_world, ServiceTestTaskDefinitions.ExitsAfter(seconds: 0));
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 1));
        const string impaired = "(service web) is unable to consistently start tasks successfully.";

        _world.AdvanceUntil(w => _world.Describe("web").Messages().Contains(impaired), TimeSpan.FromMinutes(10));

        var failed = _world.TasksOf("web").Where(t => t.StopCode == StopCode.EssentialContainerExited).ToList();
        Assert.Equal(3, failed.Count);
        Assert.All(failed, t => Assert.Null(t.StartedAt));
        Assert.Equal(3, _world.Describe("web").GetProperty("deployments")[0].Int("failedTasks"));
        Assert.Equal(3, _world.TasksOf("web").Count);

        _world.Advance(TimeSpan.FromSeconds(25));
        Assert.Equal(3, _world.TasksOf("web").Count);
        Assert.Equal(3, _world.Describe("web").GetProperty("deployments")[0].Int("failedTasks"));

        _world.AdvanceUntil(w => _world.TasksOf("web").Count == 4, TimeSpan.FromMinutes(2));
        Assert.Single(_world.Describe("web").Messages(), m => m == impaired);
    }

    [Fact]
    public void The_throttle_waits_longer_after_each_further_failure_up_to_27_minutes()
    {
        Assert.Equal(TimeSpan.Zero, Ecs.Domain.Scheduling.LaunchThrottle.DelayAfter(2));
        Assert.Equal(TimeSpan.FromSeconds(30), Ecs.Domain.Scheduling.LaunchThrottle.DelayAfter(3));
        Assert.Equal(TimeSpan.FromSeconds(60), Ecs.Domain.Scheduling.LaunchThrottle.DelayAfter(4));
        Assert.Equal(TimeSpan.FromMinutes(27), Ecs.Domain.Scheduling.LaunchThrottle.DelayAfter(50));
    }

    [Fact]
    public void A_new_deployment_lifts_the_throttle()
    {
        var failing = Prepare(_world, ServiceTestTaskDefinitions.ExitsAfter(seconds: 0));
        _world.Ecs("CreateService", FargateService("web", failing, desiredCount: 1));
        _world.AdvanceUntil(w => _world.Service("web").Primary.LaunchHistory.NextLaunchAt is not null, TimeSpan.FromMinutes(10));
        var healthy = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns);

        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", taskDefinition = healthy.FamilyRevision });
        _world.Advance(TimeSpan.FromSeconds(1));

        Assert.Contains(_world.TasksOf("web"), t => t.TaskDefinitionArn == healthy.Arn);
        _world.AdvanceUntilSteady("web");
    }

    public void Dispose() => _world.Dispose();
}
