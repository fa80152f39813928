using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

public sealed class DeleteServiceTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void A_service_scaled_above_0_is_not_deleted_without_force()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 1));

        var error = _world.EcsFails("DeleteService", new { cluster = "workshop", service = "web" });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("The service cannot be stopped while it is scaled above 0.", error.Message);
        Assert.Equal(ServiceStatus.Active, _world.Service("web").Status);
    }

    [Fact]
    public void A_service_scaled_to_0_is_deleted_without_force()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 0));

        var deleted = _world.Ecs("DeleteService", new { cluster = "workshop", service = "web" }).GetProperty("service");

        Assert.Equal("DRAINING", deleted.Str("status"));
        _world.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("INACTIVE", _world.Describe("web").Str("status"));
    }

    [Fact]
    public void A_forced_delete_drains_the_tasks_and_the_service_turns_inactive()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 2));
        _world.AdvanceUntilSteady("web");

        var deleted = _world.Ecs("DeleteService", new { cluster = "workshop", service = "web", force = true }).GetProperty("service");

        Assert.Equal("DRAINING", deleted.Str("status"));
        Assert.Equal(0, deleted.Int("desiredCount"));
        Assert.Empty(_world.Ecs("ListServices", new { cluster = "workshop" }).GetProperty("serviceArns").EnumerateArray());
        _world.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("DRAINING", _world.Describe("web").Str("status"));
        Assert.All(_world.TasksOf("web"), t => Assert.Equal(EcsTaskStatus.Stopped, t.DesiredStatus));
        Assert.All(_world.TasksOf("web"), t => Assert.Equal(StopCode.ServiceSchedulerInitiated, t.StopCode));
        Assert.StartsWith("(service web) has stopped 2 running tasks:", _world.Describe("web").Messages()[0], StringComparison.Ordinal);

        _world.AdvanceUntil(w => _world.Service("web").Status == ServiceStatus.Inactive, Patience);

        Assert.All(_world.TasksOf("web"), t => Assert.Equal(EcsTaskStatus.Stopped, t.LastStatus));
        var described = _world.Describe("web");
        Assert.Equal("INACTIVE", described.Str("status"));
        Assert.Equal(0, described.Int("runningCount"));
        Assert.Empty(_world.Ecs("ListServices", new { cluster = "workshop" }).GetProperty("serviceArns").EnumerateArray());
    }

    [Fact]
    public void The_name_of_a_draining_service_can_be_reused_only_once_it_is_inactive()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 1));
        _world.AdvanceUntilSteady("web");
        _world.Ecs("DeleteService", new { cluster = "workshop", service = "web", force = true });

        var error = _world.EcsFails("CreateService", FargateService("web", definition));
        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("Unable to Start a service that is still Draining.", error.Message);

        _world.AdvanceUntil(w => _world.Service("web").Status == ServiceStatus.Inactive, Patience);
        var recreated = _world.Ecs("CreateService", FargateService("web", definition)).GetProperty("service");
        Assert.Equal("ACTIVE", recreated.Str("status"));
        _world.AdvanceUntilSteady("web");
    }

    [Fact]
    public void A_draining_service_cannot_be_updated()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 1));
        _world.Ecs("DeleteService", new { cluster = "workshop", service = "web", force = true });

        var error = _world.EcsFails("UpdateService", new { cluster = "workshop", service = "web", desiredCount = 3 });

        Assert.Equal("ServiceNotActiveException", error.Code);
        Assert.Equal("Service was not ACTIVE.", error.Message);
    }

    [Fact]
    public void Deleting_an_inactive_service_again_is_ServiceNotActiveException()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 0));
        _world.Ecs("DeleteService", new { cluster = "workshop", service = "web" });
        _world.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("ServiceNotActiveException", _world.EcsFails("DeleteService", new { cluster = "workshop", service = "web" }).Code);
    }

    [Fact]
    public void Deleting_an_unknown_service_is_ServiceNotFoundException()
    {
        Prepare(_world);

        var error = _world.EcsFails("DeleteService", new { cluster = "workshop", service = "ghost", force = true });

        Assert.Equal("ServiceNotFoundException", error.Code);
        Assert.Equal("Service not found.", error.Message);
    }

    public void Dispose() => _world.Dispose();
}
