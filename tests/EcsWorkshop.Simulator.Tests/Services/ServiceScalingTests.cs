using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

public sealed class ServiceScalingTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void A_service_scales_from_1_to_3_and_back_to_1_in_one_deployment()
    {
        var definition = Prepare(_world);
        var deploymentId = _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 1))
            .GetProperty("service").GetProperty("deployments")[0].Str("id");
        _world.AdvanceUntilSteady("web");

        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", desiredCount = 3 });
        _world.AdvanceUntil(w => _world.Describe("web").Int("runningCount") == 3, Patience);
        _world.AdvanceUntilSteady("web");
        Assert.Contains(_world.Describe("web").Messages(), m => m.StartsWith("(service web) has started 2 tasks: (task ", StringComparison.Ordinal));

        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", desiredCount = 1 });
        _world.AdvanceUntil(w => _world.Describe("web").Int("runningCount") == 1, Patience);
        _world.AdvanceUntilSteady("web");

        var service = _world.Describe("web");
        Assert.Contains(service.Messages(), m => m.StartsWith("(service web) has stopped 2 running tasks: (task ", StringComparison.Ordinal));
        var deployment = Assert.Single(service.GetProperty("deployments").EnumerateArray());
        Assert.Equal(deploymentId, deployment.Str("id"));
        Assert.Equal(1, deployment.Int("desiredCount"));
        Assert.Equal("COMPLETED", deployment.Str("rolloutState"));
        var stopped = _world.TasksOf("web").Where(t => t.DesiredStatus == EcsTaskStatus.Stopped).ToList();
        Assert.Equal(2, stopped.Count);
        Assert.All(stopped, t => Assert.Equal(StopCode.ServiceSchedulerInitiated, t.StopCode));
        Assert.All(stopped, t => Assert.Equal($"Scaling activity initiated by (deployment {deploymentId})", t.StoppedReason));
    }

    [Fact]
    public void Scaling_in_stops_the_tasks_that_are_still_starting_first()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 1));
        _world.AdvanceUntilSteady("web");
        var first = Assert.Single(_world.TasksOf("web"));

        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", desiredCount = 3 });
        _world.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(3, _world.TasksOf("web").Count);
        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", desiredCount = 1 });
        _world.Advance(TimeSpan.FromSeconds(1));

        var running = _world.TasksOf("web").Where(t => t.DesiredStatus == EcsTaskStatus.Running).ToList();
        Assert.Equal(first.Arn, Assert.Single(running).Arn);
    }

    [Fact]
    public void Scaling_to_zero_stops_every_task_and_the_service_stays_active()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 2));
        _world.AdvanceUntilSteady("web");

        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", desiredCount = 0 });
        _world.AdvanceUntil(w => _world.TasksOf("web").All(t => t.LastStatus == EcsTaskStatus.Stopped), Patience);
        _world.AdvanceUntilSteady("web");

        var service = _world.Describe("web");
        Assert.Equal("ACTIVE", service.Str("status"));
        Assert.Equal(0, service.Int("runningCount"));
        Assert.Equal(0, service.Int("pendingCount"));
    }

    [Fact]
    public void Many_tasks_are_started_in_batches_of_ten()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 25));

        _world.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, _world.TasksOf("web").Count);
        _world.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(25, _world.TasksOf("web").Count);
        _world.AdvanceUntilSteady("web");
    }

    public void Dispose() => _world.Dispose();
}
