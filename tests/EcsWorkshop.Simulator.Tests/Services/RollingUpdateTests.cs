using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

public sealed class RollingUpdateTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Theory]
    [InlineData(4, 100, 200)]
    [InlineData(4, 50, 100)]
    [InlineData(3, 50, 150)]
    [InlineData(2, 0, 100)]
    [InlineData(5, 100, 120)]
    public void A_rolling_update_keeps_within_minimum_healthy_and_maximum_percent(int desired, int minimumHealthyPercent, int maximumPercent)
    {
        var revision1 = Prepare(_world);
        var request = FargateService("web", revision1, desired);
        request["deploymentConfiguration"] = new { minimumHealthyPercent, maximumPercent };
        _world.Ecs("CreateService", request);
        _world.AdvanceUntilSteady("web");
        var revision2 = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns);
        var minimumRunning = (desired * minimumHealthyPercent + 99) / 100;
        var maximumTasks = desired * maximumPercent / 100;

        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", taskDefinition = revision2.FamilyRevision });
        var sawTwoDeployments = false;
        for (var second = 0; second < 600 && !IsSteady(_world.Service("web")); second++)
        {
            _world.Advance(TimeSpan.FromSeconds(1));
            var service = _world.Describe("web");
            var running = service.Int("runningCount");
            var pending = service.Int("pendingCount");
            Assert.True(running >= minimumRunning, $"{running} running at {second} s, below the minimum of {minimumRunning}");
            Assert.True(running + pending <= maximumTasks, $"{running} running + {pending} pending at {second} s, above the maximum of {maximumTasks}");
            sawTwoDeployments |= service.GetProperty("deployments").GetArrayLength() == 2;
        }

        Assert.True(sawTwoDeployments);
        var final = _world.Describe("web");
        Assert.Equal(revision2.Arn, final.Str("taskDefinition"));
        var deployment = Assert.Single(final.GetProperty("deployments").EnumerateArray());
        Assert.Equal("COMPLETED", deployment.Str("rolloutState"));
        Assert.Equal(revision2.Arn, deployment.Str("taskDefinition"));
        Assert.Equal(desired, final.Int("runningCount"));
        var live = _world.TasksOf("web").Where(t => t.IsAlive).ToList();
        Assert.Equal(desired, live.Count);
        Assert.All(live, t => Assert.Equal(revision2.Arn, t.TaskDefinitionArn));
        Assert.Contains(final.Messages(), m => m == $"(service web) (deployment {deployment.Str("id")}) deployment completed.");
    }

    [Fact]
    public void The_previous_deployment_stays_ACTIVE_while_it_still_has_tasks()
    {
        var revision1 = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", revision1, 2));
        _world.AdvanceUntilSteady("web");
        var revision2 = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns);

        var updated = _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", taskDefinition = "web" }).GetProperty("service");

        var deployments = updated.GetProperty("deployments");
        Assert.Equal(2, deployments.GetArrayLength());
        Assert.Equal("PRIMARY", deployments[0].Str("status"));
        Assert.Equal(revision2.Arn, deployments[0].Str("taskDefinition"));
        Assert.Equal("IN_PROGRESS", deployments[0].Str("rolloutState"));
        Assert.Equal("ACTIVE", deployments[1].Str("status"));
        Assert.Equal(revision1.Arn, deployments[1].Str("taskDefinition"));
        Assert.Equal(2, deployments[1].Int("runningCount"));
        Assert.Equal(revision2.Arn, updated.Str("taskDefinition"));
    }

    [Fact]
    public void Force_new_deployment_replaces_every_task_with_the_same_task_definition()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, 2));
        _world.AdvanceUntilSteady("web");
        var before = _world.TasksOf("web").Select(t => t.Arn).ToHashSet();

        var deployments = _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", forceNewDeployment = true })
            .GetProperty("service").GetProperty("deployments");
        Assert.Equal(2, deployments.GetArrayLength());
        _world.AdvanceUntilSteady("web");

        var live = _world.TasksOf("web").Where(t => t.IsAlive).ToList();
        Assert.Equal(2, live.Count);
        Assert.DoesNotContain(live, t => before.Contains(t.Arn));
        Assert.All(live, t => Assert.Equal(definition.Arn, t.TaskDefinitionArn));
    }

    [Fact]
    public void Changing_only_the_desired_count_starts_no_new_deployment()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, 1));

        var updated = _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", desiredCount = 2, taskDefinition = definition.FamilyRevision })
            .GetProperty("service");

        Assert.Single(updated.GetProperty("deployments").EnumerateArray());
        Assert.Equal(2, updated.GetProperty("deployments")[0].Int("desiredCount"));
    }

    [Fact]
    public void A_configuration_that_leaves_no_room_is_reported_and_the_old_task_keeps_running()
    {
        var revision1 = Prepare(_world);
        var request = FargateService("web", revision1, 1);
        request["deploymentConfiguration"] = new { minimumHealthyPercent = 100, maximumPercent = 100 };
        _world.Ecs("CreateService", request);
        _world.AdvanceUntilSteady("web");
        var revision2 = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns);

        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", taskDefinition = revision2.FamilyRevision });
        _world.Advance(TimeSpan.FromMinutes(2));

        var service = _world.Describe("web");
        Assert.Single(service.Messages(), m => m ==
            "(service web) was unable to stop or start tasks during a deployment because of the service deployment configuration. " +
            "Update the minimumHealthyPercent or maximumPercent value and try again.");
        Assert.Equal(2, service.GetProperty("deployments").GetArrayLength());
        var task = Assert.Single(_world.TasksOf("web"));
        Assert.Equal(revision1.Arn, task.TaskDefinitionArn);
        Assert.Equal(EcsTaskStatus.Running, task.LastStatus);

        _world.Ecs("UpdateService", new
        {
            cluster = "workshop", service = "web",
            deploymentConfiguration = new { minimumHealthyPercent = 0, maximumPercent = 100 },
        });
        _world.AdvanceUntilSteady("web");
        Assert.Equal(revision2.Arn, _world.TasksOf("web").Single(t => t.IsAlive).TaskDefinitionArn);
    }

    [Fact]
    public void A_new_deployment_while_one_is_in_progress_stops_the_tasks_still_starting()
    {
        var revision1 = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", revision1, 2));
        _world.Advance(TimeSpan.FromSeconds(2));
        var revision2 = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns);

        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", taskDefinition = revision2.FamilyRevision });
        _world.Advance(TimeSpan.FromSeconds(1));

        Assert.All(_world.TasksOf("web").Where(t => t.TaskDefinitionArn == revision1.Arn),
            t => Assert.Equal(EcsTaskStatus.Stopped, t.DesiredStatus));
        _world.AdvanceUntilSteady("web");
        Assert.Single(_world.Describe("web").GetProperty("deployments").EnumerateArray());
    }

    public void Dispose() => _world.Dispose();
}
