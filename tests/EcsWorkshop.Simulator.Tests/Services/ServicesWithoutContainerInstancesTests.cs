using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

/// <summary>EC2 and EXTERNAL tasks need container instances; the simulator has none, as an empty cluster.</summary>
public sealed class ServicesWithoutContainerInstancesTests : IDisposable
{
    private const string NoInstances =
        "(service legacy) was unable to place a task because no container instance met all of its requirements. " +
        "Reason: No Container Instances were found in your cluster.";

    private readonly SimulatedWorld _world = new();

    [Fact]
    public void An_EC2_service_is_accepted_but_its_tasks_cannot_be_placed()
    {
        _world.Ecs("CreateCluster", new { clusterName = "workshop" });
        var legacy = ServiceTestTaskDefinitions.PutEc2Bridge(_world.Engine, _world.Arns);

        var service = _world.Ecs("CreateService", new
        {
            cluster = "workshop", serviceName = "legacy", taskDefinition = legacy.FamilyRevision, desiredCount = 2, launchType = "EC2",
        }).GetProperty("service");
        _world.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("EC2", service.Str("launchType"));
        Assert.False(service.TryGetProperty("platformVersion", out _));
        var described = _world.Describe("legacy");
        Assert.Equal(0, described.Int("runningCount"));
        Assert.Empty(_world.TasksOf("legacy"));
        Assert.Equal([NoInstances], described.Messages());
    }

    [Fact]
    public void Without_a_launch_type_or_a_default_capacity_provider_strategy_ECS_uses_EC2()
    {
        var definition = Prepare(_world);
        var request = FargateService("legacy", definition);
        request.Remove("launchType");
        request["networkConfiguration"] = Network(assignPublicIp: "DISABLED");

        var service = _world.Ecs("CreateService", request).GetProperty("service");
        _world.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("EC2", service.Str("launchType"));
        Assert.Equal(NoInstances, _world.Describe("legacy").Messages()[0]);
    }

    [Fact]
    public void A_public_IP_is_refused_for_the_EC2_launch_type_ECS_defaults_to()
    {
        var definition = Prepare(_world);
        var request = FargateService("legacy", definition);
        request.Remove("launchType");

        var error = _world.EcsFails("CreateService", request);

        Assert.Equal("Assign public IP is not supported for this launch type.", error.Message);
    }

    [Fact]
    public void The_placement_failure_is_reported_again_after_six_hours()
    {
        _world.Ecs("CreateCluster", new { clusterName = "workshop" });
        var legacy = ServiceTestTaskDefinitions.PutEc2Bridge(_world.Engine, _world.Arns);
        _world.Ecs("CreateService", new { cluster = "workshop", serviceName = "legacy", taskDefinition = legacy.FamilyRevision, desiredCount = 1, launchType = "EC2" });

        _world.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1), tick: TimeSpan.FromMinutes(1));

        Assert.Equal(2, _world.Describe("legacy").Messages().Count(m => m == NoInstances));
    }

    [Fact]
    public void A_daemon_service_on_EC2_has_no_instances_to_run_on_and_is_steady_at_zero()
    {
        _world.Ecs("CreateCluster", new { clusterName = "workshop" });
        var legacy = ServiceTestTaskDefinitions.PutEc2Bridge(_world.Engine, _world.Arns);

        var service = _world.Ecs("CreateService", new
        {
            cluster = "workshop", serviceName = "agent", taskDefinition = legacy.FamilyRevision, launchType = "EC2", schedulingStrategy = "DAEMON",
        }).GetProperty("service");
        _world.AdvanceUntilSteady("agent");

        Assert.Equal("DAEMON", service.Str("schedulingStrategy"));
        Assert.Equal(0, service.Int("desiredCount"));
        Assert.Equal(100, service.GetProperty("deploymentConfiguration").Int("maximumPercent"));
        Assert.Equal(0, service.GetProperty("deploymentConfiguration").Int("minimumHealthyPercent"));
    }

    public void Dispose() => _world.Dispose();
}
