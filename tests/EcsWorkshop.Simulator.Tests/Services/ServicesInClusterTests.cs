using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

public sealed class ServicesInClusterTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void A_cluster_with_an_active_or_draining_service_cannot_be_deleted()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 1));
        _world.AdvanceUntilSteady("web");

        var whileActive = _world.EcsFails("DeleteCluster", new { cluster = "workshop" });
        _world.Ecs("DeleteService", new { cluster = "workshop", service = "web", force = true });
        var whileDraining = _world.EcsFails("DeleteCluster", new { cluster = "workshop" });

        Assert.Equal("ClusterContainsServicesException", whileActive.Code);
        Assert.Equal("The Cluster cannot be deleted while Services are active.", whileActive.Message);
        Assert.Equal("ClusterContainsServicesException", whileDraining.Code);

        _world.AdvanceUntil(w => _world.Service("web").Status == ServiceStatus.Inactive, Patience);
        Assert.Equal("INACTIVE", _world.Ecs("DeleteCluster", new { cluster = "workshop" }).GetProperty("cluster").Str("status"));
    }

    [Fact]
    public void The_cluster_counts_agree_with_its_services()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 2));
        _world.Ecs("CreateService", FargateService("api", definition, desiredCount: 1));
        _world.Advance(TimeSpan.FromSeconds(1));

        var starting = Cluster();
        Assert.Equal(2, starting.Int("activeServicesCount"));
        Assert.Equal(3, starting.Int("pendingTasksCount"));
        Assert.Equal(0, starting.Int("runningTasksCount"));

        _world.AdvanceUntilSteady("web");
        _world.AdvanceUntilSteady("api");
        var running = Cluster();
        Assert.Equal(_world.Describe("web").Int("runningCount") + _world.Describe("api").Int("runningCount"), running.Int("runningTasksCount"));
        Assert.Equal(3, running.Int("runningTasksCount"));

        _world.Ecs("DeleteService", new { cluster = "workshop", service = "api", force = true });
        Assert.Equal(1, Cluster().Int("activeServicesCount"));
    }

    private System.Text.Json.JsonElement Cluster() =>
        _world.Ecs("DescribeClusters", new { clusters = new[] { "workshop" } }).GetProperty("clusters")[0];

    public void Dispose() => _world.Dispose();
}
