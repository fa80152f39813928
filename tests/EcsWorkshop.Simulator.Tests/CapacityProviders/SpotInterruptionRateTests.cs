using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.CapacityProviders;

/// <summary>
/// Spot interruptions at a seeded rate, on the fake clock: only Spot tasks are interrupted, about as often as the
/// rate says, the service keeps its count, and the same seed gives the same interruptions.
/// </summary>
public sealed class SpotInterruptionRateTests
{
    /// <summary>Runs a 2 FARGATE + 8 FARGATE_SPOT service for <paramref name="hours"/> at a rate; returns the interrupted tasks.</summary>
    private static (List<EcsTask> Interrupted, List<EcsTask> Live) Run(double perTaskHour, int seed, int hours)
    {
        using var world = new SimulatedWorld(SimulationSettings.AtSpeed(1) with { SpotInterruptionsPerTaskHour = perTaskHour }, seed);
        world.Ecs("CreateCluster", new { clusterName = "workshop", capacityProviders = new[] { "FARGATE", "FARGATE_SPOT" } });
        var definition = ServiceTestTaskDefinitions.PutFargate(world.Engine, world.Arns, "web");
        var request = FargateService("web", definition, desiredCount: 10);
        request.Remove("launchType");
        request["capacityProviderStrategy"] = new object[]
        {
            new { capacityProvider = "FARGATE", weight = 0, @base = 2 },
            new { capacityProvider = "FARGATE_SPOT", weight = 1 },
        };
        world.Ecs("CreateService", request);
        world.Advance(TimeSpan.FromHours(hours), tick: TimeSpan.FromSeconds(10));
        var tasks = world.TasksOf("web");
        return ([.. tasks.Where(t => t.StopCode == StopCode.SpotInterruption)],
            [.. tasks.Where(t => t.IsAlive && t.DesiredStatus == EcsTaskStatus.Running)]);
    }

    [Fact]
    public void Spot_tasks_are_interrupted_about_as_often_as_the_rate_says_and_the_service_keeps_its_count()
    {
        // 8 Spot tasks for 1 hour at 1 per task-hour: 8 expected (a Poisson count; 1 to 20 holds with overwhelming odds).
        var (interrupted, live) = Run(perTaskHour: 1, seed: 7, hours: 1);

        Assert.InRange(interrupted.Count, 1, 20);
        Assert.All(interrupted, t => Assert.Equal("FARGATE_SPOT", t.CapacityProviderName));
        Assert.All(interrupted, t => Assert.Equal("Your Spot Task was interrupted.", t.StoppedReason));
        Assert.Equal(10, live.Count);
        Assert.Equal(2, live.Count(t => t.CapacityProviderName == "FARGATE"));
        Assert.Equal(8, live.Count(t => t.CapacityProviderName == "FARGATE_SPOT"));
    }

    [Fact]
    public void The_same_seed_interrupts_the_same_way_and_rate_zero_never_does()
    {
        var first = Run(perTaskHour: 2, seed: 11, hours: 1).Interrupted.Select(t => (t.Id, t.StoppingAt)).ToList();
        var again = Run(perTaskHour: 2, seed: 11, hours: 1).Interrupted.Select(t => (t.Id, t.StoppingAt)).ToList();
        var never = Run(perTaskHour: 0, seed: 11, hours: 1).Interrupted;

        Assert.NotEmpty(first);
        Assert.Equal(first, again);
        Assert.Empty(never);
    }
}
