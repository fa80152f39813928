using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.CapacityProviders;

/// <summary>
/// UpdateService with a capacity provider strategy: ECS takes a new strategy only with forceNewDeployment ("you must
/// force a new deployment when doing so"), and the new deployment's tasks replace the old ones on the new providers.
/// </summary>
public sealed class UpdateServiceStrategyTests : IDisposable
{
    private const string ForceNewDeploymentMessage =
        "When switching from launch type to capacity provider strategy on an existing service, or making a change to a capacity provider strategy " +
        "on a service that is already using one, you must force a new deployment.";

    private readonly SimulatedWorld _world = new();

    private static object[] Strategy(params (string Provider, int Weight, int Base)[] items) =>
        [.. items.Select(i => new { capacityProvider = i.Provider, weight = i.Weight, @base = i.Base })];

    private void CreateService(object? strategy, int desiredCount = 4)
    {
        _world.Ecs("CreateCluster", new { clusterName = "workshop", capacityProviders = new[] { "FARGATE", "FARGATE_SPOT" } });
        var definition = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns, "web");
        var request = FargateService("web", definition, desiredCount);
        if (strategy is not null)
        {
            request.Remove("launchType");
            request["capacityProviderStrategy"] = strategy;
        }
        _world.Ecs("CreateService", request);
        _world.AdvanceUntilSteady("web");
    }

    [Fact]
    public void A_new_strategy_without_force_new_deployment_is_refused_and_changes_nothing()
    {
        CreateService(Strategy(("FARGATE", 1, 0)));

        var error = _world.EcsFails("UpdateService", new
        {
            cluster = "workshop", service = "web", desiredCount = 6, capacityProviderStrategy = Strategy(("FARGATE_SPOT", 1, 0)),
        });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal(ForceNewDeploymentMessage, error.Message);
        var service = _world.Describe("web");
        Assert.Equal(4, service.Int("desiredCount"));
        Assert.Equal("FARGATE", service.GetProperty("capacityProviderStrategy")[0].Str("capacityProvider"));
        Assert.Single(service.GetProperty("deployments").EnumerateArray());
    }

    [Fact]
    public void Switching_from_a_launch_type_to_a_strategy_also_needs_a_new_deployment()
    {
        CreateService(strategy: null);

        var error = _world.EcsFails("UpdateService", new { cluster = "workshop", service = "web", capacityProviderStrategy = Strategy(("FARGATE_SPOT", 1, 0)) });

        Assert.Equal(ForceNewDeploymentMessage, error.Message);
        Assert.Equal("FARGATE", _world.Describe("web").Str("launchType"));
    }

    [Fact]
    public void With_force_new_deployment_the_service_rolls_onto_the_new_providers()
    {
        CreateService(strategy: null);
        var oldTasks = _world.TasksOf("web").Select(t => t.Arn).ToHashSet();

        var updated = _world.Ecs("UpdateService", new
        {
            cluster = "workshop", service = "web", forceNewDeployment = true,
            capacityProviderStrategy = Strategy(("FARGATE", 0, 1), ("FARGATE_SPOT", 1, 0)),
        }).GetProperty("service");

        Assert.False(updated.TryGetProperty("launchType", out _));
        var deployments = updated.GetProperty("deployments");
        Assert.Equal(2, deployments.GetArrayLength());
        Assert.Equal("PRIMARY", deployments[0].Str("status"));
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], deployments[0].GetProperty("capacityProviderStrategy").EnumerateArray().Select(i => i.Str("capacityProvider")));
        Assert.Equal("FARGATE", deployments[1].Str("launchType"));
        Assert.False(deployments[1].TryGetProperty("capacityProviderStrategy", out _));

        _world.AdvanceUntilSteady("web");
        var running = _world.TasksOf("web").Where(t => t.DesiredStatus == EcsTaskStatus.Running).ToList();
        Assert.Equal(4, running.Count);
        Assert.DoesNotContain(running, t => oldTasks.Contains(t.Arn));
        Assert.Equal(1, running.Count(t => t.CapacityProviderName == "FARGATE"));
        Assert.Equal(3, running.Count(t => t.CapacityProviderName == "FARGATE_SPOT"));
    }

    [Fact]
    public void The_same_strategy_again_needs_no_new_deployment()
    {
        CreateService(Strategy(("FARGATE_SPOT", 1, 0)));

        var updated = _world.Ecs("UpdateService", new
        {
            cluster = "workshop", service = "web", desiredCount = 5, capacityProviderStrategy = Strategy(("FARGATE_SPOT", 1, 0)),
        }).GetProperty("service");

        Assert.Equal(5, updated.Int("desiredCount"));
        Assert.Single(updated.GetProperty("deployments").EnumerateArray());
    }

    [Fact]
    public void A_strategy_naming_a_provider_the_cluster_lacks_is_refused_even_with_force_new_deployment()
    {
        _world.Ecs("CreateCluster", new { clusterName = "workshop", capacityProviders = new[] { "FARGATE" } });
        var definition = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns, "web");
        _world.Ecs("CreateService", FargateService("web", definition, 1));

        var error = _world.EcsFails("UpdateService", new
        {
            cluster = "workshop", service = "web", forceNewDeployment = true, capacityProviderStrategy = Strategy(("FARGATE_SPOT", 1, 0)),
        });

        Assert.StartsWith("The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.", error.Message);
        Assert.Single(_world.Describe("web").GetProperty("deployments").EnumerateArray());
    }

    public void Dispose() => _world.Dispose();
}
