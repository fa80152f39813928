using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Storage;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

public sealed class ServiceDurabilityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecs-services-durability-").FullName;

    [Fact]
    public void Services_and_deployments_survive_a_restart_and_the_scheduler_carries_on()
    {
        DateTimeOffset stoppedAt;
        Service before;
        using (var world = new SimulatedWorld(store: StateStore.Open(_directory)))
        {
            var definition = Prepare(world);
            var request = FargateService("web", definition, desiredCount: 1);
            request["deploymentConfiguration"] = new { deploymentCircuitBreaker = new { enable = true, rollback = true } };
            world.Ecs("CreateService", request);
            world.AdvanceUntilSteady("web");
            ServiceTestTaskDefinitions.PutFargate(world.Engine, world.Arns);
            world.Ecs("UpdateService", new { cluster = "workshop", service = "web", taskDefinition = "web:2" });
            world.Advance(TimeSpan.FromSeconds(3));
            before = world.Service("web");
            stoppedAt = world.Clock.GetUtcNow();
        }

        using var reopened = new SimulatedWorld(store: StateStore.Open(_directory), seed: 7);
        reopened.Clock.SetUtcNow(stoppedAt);

        var restored = reopened.Service("web");
        Assert.Equal(2, restored.Deployments.Length);
        Assert.Equal(before.Primary.Id, restored.Primary.Id);
        Assert.Equal(before.Events.Select(e => e.Message), restored.Events.Select(e => e.Message));
        Assert.Equal(before.LastCompletedDeployment?.Id, restored.LastCompletedDeployment?.Id);
        Assert.True(restored.DeploymentConfiguration.CircuitBreakerRollback);

        reopened.AdvanceUntilSteady("web");
        var service = reopened.Describe("web");
        Assert.Equal(reopened.Arns.TaskDefinition("web", 2), service.Str("taskDefinition"));
        Assert.Equal(1, service.Int("runningCount"));
        Assert.Equal(before.Primary.Id, service.GetProperty("deployments")[0].Str("id"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
