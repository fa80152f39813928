using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Quotas;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Quotas;

/// <summary>A learner's service quota: CreateService over it is refused whole; a deleted (INACTIVE) service no longer counts.</summary>
public sealed class ServiceQuotaTests : IDisposable
{
    private readonly SimulatedWorld _world = new(SimulationSettings.AtSpeed(1) with { Quotas = new AccountQuotas { Services = 2 } });

    [Fact]
    public void Create_service_over_the_quota_is_refused_with_limit_exceeded_and_creates_nothing()
    {
        var definition = ServiceTestSupport.Prepare(_world);
        _world.Ecs("CreateService", ServiceTestSupport.FargateService("one", definition, desiredCount: 0));
        _world.Ecs("CreateService", ServiceTestSupport.FargateService("two", definition, desiredCount: 0));

        var refused = _world.EcsFails("CreateService", ServiceTestSupport.FargateService("three", definition, desiredCount: 0));

        Assert.Equal(EcsErrors.ServiceLimitExceeded, refused.Error);
        Assert.Equal("LimitExceededException", refused.Code);
        Assert.Equal("The limit for the resource was exceeded. This account can have at most 2 services.", refused.Message);
        Assert.Equal(2, _world.Engine.World.Services.Count);
    }

    [Fact]
    public void A_deleted_service_makes_room_once_it_is_inactive()
    {
        var definition = ServiceTestSupport.Prepare(_world);
        _world.Ecs("CreateService", ServiceTestSupport.FargateService("one", definition, desiredCount: 0));
        _world.Ecs("CreateService", ServiceTestSupport.FargateService("two", definition, desiredCount: 0));

        _world.Ecs("DeleteService", new { cluster = "workshop", service = "one" });
        _world.AdvanceUntil(w => w.Services[_world.Arns.Service("workshop", "one")].Status == Ecs.Domain.Services.ServiceStatus.Inactive, TimeSpan.FromMinutes(5));

        _world.Ecs("CreateService", ServiceTestSupport.FargateService("three", definition, desiredCount: 0));
        Assert.Equal(2, _world.Engine.World.Services.Values.Count(s => s.Status != Ecs.Domain.Services.ServiceStatus.Inactive));
    }

    public void Dispose() => _world.Dispose();
}
