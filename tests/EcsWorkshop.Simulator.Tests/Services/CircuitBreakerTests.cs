using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

public sealed class CircuitBreakerTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Theory]
    [InlineData(1, 3)]
    [InlineData(6, 3)]
    [InlineData(7, 4)]
    [InlineData(10, 5)]
    [InlineData(1000, 200)]
    public void The_breaker_trips_after_half_the_desired_count_at_least_3_and_at_most_200(int desired, int threshold)
    {
        Assert.Equal(threshold, DeploymentRules.CircuitBreakerThreshold(desired));
    }

    [Fact]
    public void A_deployment_whose_tasks_never_start_fails_and_starts_no_more_tasks()
    {
        var definition = Prepare(_world, ServiceTestTaskDefinitions.ExitsAfter(seconds: 0));
        var request = FargateService("web", definition, desiredCount: 1);
        request["deploymentConfiguration"] = new { deploymentCircuitBreaker = new { enable = true, rollback = true } };
        _world.Ecs("CreateService", request);

        _world.AdvanceUntil(w => _world.Service("web").Primary.RolloutState == RolloutState.Failed, TimeSpan.FromMinutes(10));

        var service = _world.Describe("web");
        var deployment = Assert.Single(service.GetProperty("deployments").EnumerateArray());
        Assert.Equal("FAILED", deployment.Str("rolloutState"));
        Assert.Equal("ECS deployment circuit breaker: tasks failed to start.", deployment.Str("rolloutStateReason"));
        Assert.Equal(3, deployment.Int("failedTasks"));
        Assert.Equal($"(service web) (deployment {deployment.Str("id")}) deployment failed: tasks failed to start.", service.Messages()[0]);
        var launched = _world.TasksOf("web").Count;
        Assert.Equal(3, launched);

        _world.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(launched, _world.TasksOf("web").Count);
        Assert.Equal("FAILED", _world.Describe("web").GetProperty("deployments")[0].Str("rolloutState"));
    }

    [Fact]
    public void A_failed_update_rolls_back_to_the_last_completed_deployment()
    {
        var good = Prepare(_world);
        var request = FargateService("web", good, desiredCount: 2);
        request["deploymentConfiguration"] = new { deploymentCircuitBreaker = new { enable = true, rollback = true } };
        var completedId = _world.Ecs("CreateService", request).GetProperty("service").GetProperty("deployments")[0].Str("id");
        _world.AdvanceUntilSteady("web");
        var bad = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns, "web", ServiceTestTaskDefinitions.ExitsAfter(seconds: 0));

        var failedId = _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", taskDefinition = bad.FamilyRevision })
            .GetProperty("service").GetProperty("deployments")[0].Str("id");
        _world.AdvanceUntil(w => _world.Service("web").Primary.Id != failedId, TimeSpan.FromMinutes(10));

        var rolledBack = _world.Describe("web");
        Assert.Equal(good.Arn, rolledBack.Str("taskDefinition"));
        var deployments = rolledBack.GetProperty("deployments");
        Assert.Equal("PRIMARY", deployments[0].Str("status"));
        Assert.Equal(good.Arn, deployments[0].Str("taskDefinition"));
        Assert.Equal($"ECS deployment circuit breaker: rolling back to deploymentId {completedId}.", deployments[0].Str("rolloutStateReason"));
        var failed = deployments.EnumerateArray().Single(d => d.Str("id") == failedId);
        Assert.Equal("ACTIVE", failed.Str("status"));
        Assert.Equal("FAILED", failed.Str("rolloutState"));
        Assert.InRange(failed.Int("failedTasks"), 3, 4); // two tasks start (and fail) side by side
        Assert.Equal($"(service web) rolling back to deployment {completedId}.", rolledBack.Messages()[0]);
        Assert.Equal($"(service web) (deployment {failedId}) deployment failed: tasks failed to start.", rolledBack.Messages()[1]);
        Assert.True(rolledBack.Int("runningCount") >= 2, "the good tasks kept running throughout (minimumHealthyPercent 100)");

        _world.AdvanceUntilSteady("web");
        var final = _world.Describe("web");
        var deployment = Assert.Single(final.GetProperty("deployments").EnumerateArray());
        Assert.Equal("COMPLETED", deployment.Str("rolloutState"));
        Assert.Equal(good.Arn, deployment.Str("taskDefinition"));
        Assert.Equal(2, final.Int("runningCount"));
        Assert.All(_world.TasksOf("web").Where(t => t.IsAlive), t => Assert.Equal(good.Arn, t.TaskDefinitionArn));
    }

    [Fact]
    public void Without_rollback_a_failed_update_leaves_the_old_tasks_running()
    {
        var good = Prepare(_world);
        var request = FargateService("web", good, desiredCount: 1);
        request["deploymentConfiguration"] = new { deploymentCircuitBreaker = new { enable = true, rollback = false } };
        _world.Ecs("CreateService", request);
        _world.AdvanceUntilSteady("web");
        var bad = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns, "web", ServiceTestTaskDefinitions.ExitsAfter(seconds: 0));

        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", taskDefinition = bad.FamilyRevision });
        _world.AdvanceUntil(w => _world.Service("web").Primary.RolloutState == RolloutState.Failed, TimeSpan.FromMinutes(10));
        _world.Advance(TimeSpan.FromMinutes(2));

        var service = _world.Describe("web");
        Assert.Equal(bad.Arn, service.Str("taskDefinition"));
        Assert.Equal(2, service.GetProperty("deployments").GetArrayLength());
        Assert.Equal(1, service.Int("runningCount"));
        Assert.Equal(good.Arn, _world.TasksOf("web").Single(t => t.LastStatus == EcsTaskStatus.Running).TaskDefinitionArn);
    }

    [Fact]
    public void A_task_that_reached_running_resets_the_failure_count()
    {
        var definition = Prepare(_world, ServiceTestTaskDefinitions.ExitsAfter(seconds: 20));
        var request = FargateService("web", definition, desiredCount: 1);
        request["deploymentConfiguration"] = new { deploymentCircuitBreaker = new { enable = true, rollback = true } };
        _world.Ecs("CreateService", request);

        _world.AdvanceUntil(w => _world.TasksOf("web").Count(t => t.StopCode == StopCode.EssentialContainerExited) >= 3, TimeSpan.FromMinutes(10));

        var deployment = _world.Service("web").Primary;
        Assert.Equal(0, deployment.FailedTasks);
        Assert.NotEqual(RolloutState.Failed, deployment.RolloutState);
    }

    public void Dispose() => _world.Dispose();
}
