using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

/// <summary>
/// A service read from a state folder of schema version 0 has no request fingerprint (the migration drops the old
/// ones, which no new request could match): a retried CreateService is then recognised by its client token alone.
/// </summary>
public sealed class MigratedServiceRetryTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    private Dictionary<string, object?> CreateMigratedService(string clientToken)
    {
        var request = FargateService("web", Prepare(_world));
        request["clientToken"] = clientToken;
        _world.Ecs("CreateService", request);
        var service = _world.Engine.World.Services.Values.Single();
        Assert.NotNull(service.RequestFingerprint);
        _world.Engine.Mutate(tx =>
        {
            tx.Put(service with { RequestFingerprint = null });
            return 0;
        });
        return request;
    }

    [Fact]
    public void A_retry_with_the_same_client_token_returns_the_migrated_service()
    {
        var request = CreateMigratedService("before-the-upgrade");

        var again = _world.Ecs("CreateService", request).GetProperty("service");

        Assert.Equal(_world.Engine.World.Services.Keys.Single(), again.Str("serviceArn"));
        Assert.Single(_world.Engine.World.Services);
    }

    [Fact]
    public void A_create_with_another_client_token_is_still_not_idempotent()
    {
        var request = CreateMigratedService("before-the-upgrade");
        request["clientToken"] = "another";

        var error = _world.EcsFails("CreateService", request);

        Assert.Equal(("InvalidParameterException", "Creation of service was not idempotent."), (error.Code, error.Message));
    }

    public void Dispose() => _world.Dispose();
}
