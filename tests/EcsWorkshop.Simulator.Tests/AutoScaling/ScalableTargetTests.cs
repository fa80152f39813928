using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.AutoScaling.AutoScalingTestSupport;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.AutoScaling;

/// <summary>Registering an ECS service as a scalable target: the range, the update that clamps, and the refusals.</summary>
public sealed class ScalableTargetTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void Re_registering_with_a_lower_maximum_brings_the_desired_count_down_through_ECS()
    {
        _world.PrepareScalableService(desiredCount: 4, min: 1, max: 6);

        _world.Register(min: null, max: 2);

        Assert.Equal(2, _world.Desired());
        Assert.Equal(2, _world.Describe("web").GetProperty("deployments")[0].Int("desiredCount"));
        var target = _world.AutoScaling("DescribeScalableTargets", new { ServiceNamespace = "ecs" }).GetProperty("ScalableTargets")[0];
        Assert.Equal(1, target.GetProperty("MinCapacity").GetInt32());
        Assert.Equal(2, target.GetProperty("MaxCapacity").GetInt32());
        _world.AdvanceUntil(_ => _world.Running() == 2, Patience);
    }

    [Fact]
    public void A_registration_answers_the_targets_ARN_and_Describe_shows_it()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition));

        var arn = _world.Register(1, 3).GetProperty("ScalableTargetARN").GetString()!;

        Assert.Matches(@"^arn:aws:application-autoscaling:ap-northeast-1:123456789012:scalable-target/[0-9a-f]{36}$", arn);
        var target = _world.AutoScaling("DescribeScalableTargets", new { ServiceNamespace = "ecs", ResourceIds = new[] { ResourceId } })
            .GetProperty("ScalableTargets")[0];
        Assert.Equal(arn, target.GetProperty("ScalableTargetARN").GetString());
        Assert.Equal(arn, _world.Register(null, 4).GetProperty("ScalableTargetARN").GetString());
    }

    [Fact]
    public void Re_registering_with_a_higher_minimum_brings_the_desired_count_up()
    {
        _world.PrepareScalableService(desiredCount: 1, min: 1, max: 6);

        _world.Register(min: 3, max: null);

        Assert.Equal(3, _world.Desired());
    }

    [Fact]
    public void A_new_target_needs_both_capacities()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition));

        var error = _world.AutoScalingFails("RegisterScalableTarget", new
        {
            ServiceNamespace = "ecs", ResourceId = ResourceId, ScalableDimension = "ecs:service:DesiredCount", MinCapacity = 1,
        });

        Assert.Equal("ValidationException", error.Code);
        Assert.Empty(_world.AutoScalingEngine.World.Targets);
    }

    [Fact]
    public void A_service_that_does_not_exist_cannot_be_registered()
    {
        _world.Ecs("CreateCluster", new { clusterName = "workshop" });

        var error = _world.AutoScalingFails("RegisterScalableTarget", new
        {
            ServiceNamespace = "ecs", ResourceId = "service/workshop/nothing", ScalableDimension = "ecs:service:DesiredCount", MinCapacity = 1, MaxCapacity = 2,
        });

        Assert.Equal("ValidationException", error.Code);
        Assert.Equal("ECS service doesn't exist: service/workshop/nothing", error.Message);
    }

    [Fact]
    public void Deregistering_deletes_the_target_with_its_policies()
    {
        _world.PrepareScalableService();
        _world.PutPolicy();

        _world.AutoScaling("DeregisterScalableTarget", new { ServiceNamespace = "ecs", ResourceId, ScalableDimension = "ecs:service:DesiredCount" });

        Assert.Empty(_world.AutoScalingEngine.World.Targets);
        Assert.Empty(_world.AutoScalingEngine.World.Policies);
        var error = _world.AutoScalingFails("DeregisterScalableTarget", new { ServiceNamespace = "ecs", ResourceId, ScalableDimension = "ecs:service:DesiredCount" });
        Assert.Equal("ObjectNotFoundException", error.Code);
    }

    [Fact]
    public void A_deployment_in_progress_keeps_the_scale_in_back()
    {
        _world.PrepareScalableService(desiredCount: 3);
        _world.PutPolicy();
        // A revision whose container exits while starting: its deployment never completes, the old tasks keep running.
        var crashing = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns, "web", ServiceTestTaskDefinitions.ExitsAfter(0));
        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", taskDefinition = crashing.FamilyRevision });

        // Idle for 20 minutes: AlarmLow is in ALARM from minute 15 (an idle service without a deployment scales in then).
        var samples = _world.Watch(TimeSpan.FromMinutes(20));

        Assert.Equal(2, _world.Service("web").Deployments.Length);
        Assert.All(samples, s => Assert.Equal(3, s.Desired));
        Assert.True(_world.AutoScalingEngine.World.Policies.Values.Single().Streaks.Low >= 15);
    }

    public void Dispose() => _world.Dispose();
}
