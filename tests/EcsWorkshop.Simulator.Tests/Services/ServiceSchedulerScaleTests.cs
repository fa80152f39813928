using System.Diagnostics;
using EcsWorkshop.Simulator.Tests.Support;
using Xunit.Abstractions;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

public sealed class ServiceSchedulerScaleTests(ITestOutputHelper output) : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void A_thousand_services_of_ten_tasks_are_reconciled_quickly()
    {
        var definition = Prepare(_world);
        for (var i = 0; i < 1000; i++) _world.Ecs("CreateService", FargateService($"svc{i:0000}", definition, desiredCount: 10));

        var start = Stopwatch.StartNew();
        _world.AdvanceUntil(w => w.Services.Values.All(IsSteady), TimeSpan.FromMinutes(2));
        output.WriteLine($"10,000 tasks started and running in {start.Elapsed}");

        var tick = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) _world.Advance(TimeSpan.FromSeconds(1));
        var perTick = tick.Elapsed / 10;
        output.WriteLine($"a steady tick takes {perTick}");

        Assert.Equal(10_000, _world.Engine.World.Tasks.Count);
        Assert.True(perTick < TimeSpan.FromSeconds(1), $"a steady tick took {perTick}");
    }

    public void Dispose() => _world.Dispose();
}
