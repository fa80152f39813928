using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Elbv2.Domain;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.LoadBalancing;

/// <summary>
/// The service scheduler behind a target group, on a fake clock (the simulated runtime: a target passes its first
/// health check one interval after registration): registration, counting only healthy targets, draining before a
/// task stops, and replacing tasks whose targets turn unhealthy.
/// </summary>
public sealed class LoadBalancedServiceTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    public void Dispose() => _world.Dispose();

    private (string TargetGroupArn, Ecs.Domain.TaskDefinitions.TaskDefinition Definition) CreateService(int desiredCount = 2, int? grace = null)
    {
        var definition = Prepare(_world);
        var targetGroup = _world.CreateTargetGroup();
        var request = FargateService("web", definition, desiredCount);
        request["loadBalancers"] = new[] { new { targetGroupArn = targetGroup, containerName = "web", containerPort = 80 } };
        if (grace is { } seconds) request["healthCheckGracePeriodSeconds"] = seconds;
        _world.Ecs("CreateService", request);
        return (targetGroup, definition);
    }

    private IEnumerable<TargetHealthDescription> Serving(string targetGroupArn) =>
        _world.TargetHealth(targetGroupArn).Where(t => t.Health.State == "healthy");

    [Fact]
    public void Each_task_is_registered_by_its_private_ip_and_container_port_and_the_service_says_so()
    {
        var (targetGroup, _) = CreateService();

        _world.AdvanceUntilSteady("web");

        var tasks = _world.TasksOf("web").Where(t => t.IsAlive).ToList();
        Assert.Equal(
            tasks.Select(t => $"{t.NetworkInterface!.PrivateIpv4Address}:80").Order(),
            Serving(targetGroup).Select(t => $"{t.Id}:{t.Port}").Order());
        Assert.Contains($"(service web) registered 2 targets in (target-group {targetGroup})", _world.Describe("web").Messages());
        Assert.Equal(targetGroup, _world.Describe("web").GetProperty("loadBalancers")[0].Str("targetGroupArn"));
    }

    [Fact]
    public void The_deployment_completes_only_once_the_targets_are_healthy()
    {
        var (targetGroup, _) = CreateService();

        _world.AdvanceUntil(w => _world.TasksOf("web").Count(t => t.LastStatus == EcsTaskStatus.Running) == 2, Patience);

        Assert.All(_world.TargetHealth(targetGroup), t => Assert.Equal("initial", t.Health.State));
        Assert.NotEqual("COMPLETED", _world.Describe("web").GetProperty("deployments")[0].Str("rolloutState"));
        _world.AdvanceUntilSteady("web");
        Assert.Equal(2, Serving(targetGroup).Count());
    }

    [Fact]
    public void A_rolling_update_keeps_two_healthy_targets_and_drains_old_tasks_in_DEACTIVATING_before_stopping_them()
    {
        var (targetGroup, _) = CreateService();
        _world.AdvanceUntilSteady("web");
        var v1 = _world.TasksOf("web").Select(t => t.Arn).ToHashSet();
        var v2 = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns, "web", ("APP_VERSION", "v2"));

        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", taskDefinition = v2.FamilyRevision });
        var sawDraining = false;
        _world.AdvanceUntil(w =>
        {
            Assert.True(Serving(targetGroup).Count() >= 2, "fewer than 2 healthy targets during the rollout");
            sawDraining |= w.Tasks.Values.Any(t => v1.Contains(t.Arn) && t.LastStatus == EcsTaskStatus.Deactivating)
                && _world.TargetHealth(targetGroup).Any(t => t.Health.State == "draining");
            return IsSteady(w.Services[_world.Arns.Service("workshop", "web")]);
        }, Patience);

        Assert.True(sawDraining);
        var messages = _world.Describe("web").Messages();
        Assert.Contains($"(service web) deregistered 2 targets in (target-group {targetGroup})", messages);
        Assert.Contains("(service web) has begun draining connections on 2 tasks.", messages);
        Assert.All(Serving(targetGroup), t => Assert.DoesNotContain(t.Id, v1.Select(arn => _world.Engine.World.Tasks.GetValueOrDefault(arn)?.NetworkInterface?.PrivateIpv4Address)));
    }

    [Fact]
    public void An_old_task_stays_DEACTIVATING_for_the_deregistration_delay()
    {
        var (targetGroup, _) = CreateService(desiredCount: 1);
        _world.AdvanceUntilSteady("web");
        var task = _world.TasksOf("web").Single();

        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", desiredCount = 0 });
        _world.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(EcsTaskStatus.Deactivating, _world.Engine.World.Tasks[task.Arn].LastStatus);
        Assert.Equal("draining", _world.TargetHealth(targetGroup).Single().Health.State);

        _world.Advance(TimeSpan.FromSeconds(25));
        Assert.Equal(EcsTaskStatus.Deactivating, _world.Engine.World.Tasks[task.Arn].LastStatus);
        _world.AdvanceUntil(w => w.Tasks[task.Arn].LastStatus == EcsTaskStatus.Stopped, Patience);
        Assert.True(_world.Engine.World.Tasks[task.Arn].StoppedAt >= task.StartedAt + TimeSpan.FromSeconds(30));
        Assert.Empty(_world.TargetHealth(targetGroup));
    }

    [Fact]
    public void A_task_whose_target_turns_unhealthy_is_stopped_with_the_ELB_reason_and_replaced()
    {
        var (targetGroup, _) = CreateService(desiredCount: 1);
        _world.AdvanceUntilSteady("web");
        var task = _world.TasksOf("web").Single();
        var ip = task.NetworkInterface!.PrivateIpv4Address;

        _world.ReportTargetHealth(targetGroup, ip, 80, new TargetHealth("unhealthy", "Target.FailedHealthChecks", "Health checks failed"));
        _world.Advance(TimeSpan.FromSeconds(1));

        var stopped = _world.Engine.World.Tasks[task.Arn];
        Assert.Equal(StopCode.ServiceSchedulerInitiated, stopped.StopCode);
        Assert.Equal($"Task failed ELB health checks in (target-group {targetGroup})", stopped.StoppedReason);
        Assert.Contains($"(service web) (port 80) is unhealthy in (target-group {targetGroup}) due to (reason Health checks failed).",
            _world.Describe("web").Messages());
        _world.AdvanceUntilSteady("web");
        Assert.Single(Serving(targetGroup));
        Assert.DoesNotContain(Serving(targetGroup), t => t.Id == ip);
    }

    [Fact]
    public void The_circuit_breaker_counts_tasks_that_fail_ELB_health_checks_and_fails_the_deployment()
    {
        var definition = Prepare(_world);
        var targetGroup = _world.CreateTargetGroup();
        var request = FargateService("web", definition, 1);
        request["loadBalancers"] = new[] { new { targetGroupArn = targetGroup, containerName = "web", containerPort = 80 } };
        request["deploymentConfiguration"] = new { deploymentCircuitBreaker = new { enable = true, rollback = false } };
        _world.Ecs("CreateService", request);

        // A health check path that never answers 200: every target the checker sees turns unhealthy.
        _world.AdvanceUntil(w =>
        {
            foreach (var target in _world.TargetHealth(targetGroup).Where(t => t.Health.State == "initial"))
                _world.ReportTargetHealth(targetGroup, target.Id, target.Port, new TargetHealth("unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [404]"));
            return _world.Service("web").Primary.RolloutState == Ecs.Domain.Services.RolloutState.Failed;
        }, Patience);

        var service = _world.Describe("web");
        Assert.True(service.GetProperty("deployments")[0].Int("failedTasks") >= 3);
        Assert.Contains(service.Messages(), m => m.Contains("due to (reason Health checks failed with these codes: [404]).", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unhealthy_target_within_the_grace_period_is_left_running()
    {
        var (targetGroup, _) = CreateService(desiredCount: 1, grace: 600);
        _world.AdvanceUntilSteady("web");
        var task = _world.TasksOf("web").Single();

        _world.ReportTargetHealth(targetGroup, task.NetworkInterface!.PrivateIpv4Address, 80, new TargetHealth("unhealthy", "Target.Timeout", "Request timed out"));
        _world.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(EcsTaskStatus.Running, _world.Engine.World.Tasks[task.Arn].DesiredStatus);
    }

    [Fact]
    public void A_task_stopped_by_hand_leaves_its_target_group()
    {
        var (targetGroup, _) = CreateService(desiredCount: 1);
        _world.AdvanceUntilSteady("web");
        var task = _world.TasksOf("web").Single();

        _world.Ecs("StopTask", new { cluster = "workshop", task = task.Arn });
        _world.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("draining", _world.TargetHealth(targetGroup).Single(t => t.Id == task.NetworkInterface!.PrivateIpv4Address).Health.State);
    }
}
