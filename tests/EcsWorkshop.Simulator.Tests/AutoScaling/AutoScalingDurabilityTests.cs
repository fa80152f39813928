using EcsWorkshop.Simulator.ApplicationAutoScaling.Persistence;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.AutoScaling.AutoScalingTestSupport;

namespace EcsWorkshop.Simulator.Tests.AutoScaling;

/// <summary>Targets, policies (with their alarms' streaks), activities and loads are stored as they change, and read back whole.</summary>
public sealed class AutoScalingDurabilityTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void What_target_tracking_did_reads_back_from_the_store_unchanged()
    {
        _world.PrepareScalableService(desiredCount: 2, min: 1, max: 2);
        _world.PutPolicy();
        _world.SetLoad(cpuPercent: 100);
        _world.Advance(TimeSpan.FromMinutes(5));
        var live = _world.AutoScalingEngine.World;
        Assert.NotEmpty(live.Activities);

        var stored = AutoScalingRows.Load(_world.Store);

        Assert.Equal(live.Targets.Values, stored.Targets.Values, (a, b) => a with { Tags = b.Tags } == b && a.Tags.SequenceEqual(b.Tags));
        Assert.Equal(live.Policies.Values, stored.Policies.Values, (a, b) => a with { Alarms = b.Alarms } == b && a.Alarms.SequenceEqual(b.Alarms));
        Assert.Equal(live.Activities.Values, stored.Activities.Values,
            (a, b) => a with { NotScaledReasons = b.NotScaledReasons } == b && a.NotScaledReasons.SequenceEqual(b.NotScaledReasons));
        Assert.Equal(live.Loads.Values, stored.Loads.Values);
    }

    public void Dispose() => _world.Dispose();
}
