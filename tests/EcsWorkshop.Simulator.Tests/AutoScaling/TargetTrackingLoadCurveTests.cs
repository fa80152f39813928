using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.AutoScaling.AutoScalingTestSupport;

namespace EcsWorkshop.Simulator.Tests.AutoScaling;

/// <summary>
/// Target tracking on a fake clock: a load curve is put on the service and the desired count over time is checked
/// against the documented behaviour, written out here from the documentation rather than taken from the code:
/// capacity in proportion to the metric (<c>ceil(running × metric / target)</c>, rounded conservatively up), scale-out
/// after 3 one-minute datapoints above the target, scale-in only after 15 below 90 % of it, the scale-in cooldown,
/// and the min/max capacity.
/// </summary>
public sealed class TargetTrackingLoadCurveTests : IDisposable
{
    private const double Target = 50;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly SimulatedWorld _world = new();

    /// <summary>The documented rule: capacity proportional to the metric, rounded up.</summary>
    private static int Proportional(int running, double metric) => (int)Math.Ceiling(running * metric / Target - 1e-9);

    /// <summary>The utilization <paramref name="running"/> tasks show for a load of <paramref name="work"/> tasks' worth (at most 100 %).</summary>
    private static double Utilization(double work, int running) => Math.Min(100, work * 100 / running);

    [Fact]
    public void More_work_than_one_task_can_do_scales_out_in_proportion_until_the_maximum()
    {
        _world.PrepareScalableService(desiredCount: 1, min: 1, max: 6);
        _world.PutPolicy();
        _world.SetLoad(cpuPercent: 300);
        const double work = 3.0;

        var samples = _world.Watch(TimeSpan.FromMinutes(15));

        var changes = samples.Changes();
        Assert.NotEmpty(changes);
        Assert.InRange(changes[0].At, 2 * Minute, 3 * Minute + TimeSpan.FromSeconds(1));
        Assert.All(changes, c => Assert.True(c.To > c.From, $"Only scale-out was expected, got {c.From} -> {c.To} at {c.At}."));
        Assert.All(changes, c => Assert.Equal(Math.Min(6, Proportional(c.Running, Utilization(work, c.Running))), c.To));
        Assert.Equal([2, 4, 6], changes.Select(c => c.To));
        Assert.All(samples, s => Assert.InRange(s.Desired, 1, 6));
        Assert.Equal(6, samples[^1].Running);
    }

    [Fact]
    public void A_load_the_added_task_absorbs_stops_the_scale_out_at_the_proportional_count()
    {
        _world.PrepareScalableService(desiredCount: 1);
        _world.PutPolicy();
        _world.SetLoad(cpuPercent: 90);

        var samples = _world.Watch(TimeSpan.FromMinutes(40));

        // 90 % on one task asks for ceil(1 × 90 / 50) = 2; two tasks then show 45 %, neither above 50 nor below 45.
        var change = Assert.Single(samples.Changes());
        Assert.Equal(Proportional(1, 90), change.To);
        Assert.Equal(2, samples[^1].Desired);
    }

    [Fact]
    public void Scale_in_waits_for_fifteen_low_minutes_and_then_the_scale_in_cooldown()
    {
        _world.PrepareScalableService(desiredCount: 4, min: 1, max: 6);
        _world.PutPolicy(scaleInCooldown: 1200);
        _world.SetLoad(cpuPercent: 20);
        const double firstWork = 0.8;

        var samples = _world.Watch(TimeSpan.FromMinutes(16));
        var first = Assert.Single(samples.Changes());
        // Slower than scale-out: 15 one-minute datapoints below 45 % (90 % of the target), so 14 to 15 minutes.
        Assert.InRange(first.At, 14 * Minute, 15 * Minute + TimeSpan.FromSeconds(1));
        Assert.Equal(Proportional(4, Utilization(firstWork, 4)), first.To);
        Assert.Equal(2, first.To);

        // The load drops further once the two tasks run: the alarm stays in ALARM (10 % < 45 %), but the next scale-in
        // waits for the 1200 s scale-in cooldown, then takes the first period after it.
        _world.AdvanceUntil(_ => _world.Running() == 2, TimeSpan.FromMinutes(2));
        _world.SetLoad(cpuPercent: 10);
        samples = _world.Watch(TimeSpan.FromMinutes(25), samples);
        var changes = samples.Changes();
        Assert.Equal(2, changes.Count);
        var second = changes[1];
        Assert.InRange(second.At - first.At, TimeSpan.FromSeconds(1200), TimeSpan.FromSeconds(1200) + Minute + TimeSpan.FromSeconds(1));
        Assert.Equal(Math.Max(1, Proportional(2, 10)), second.To);
    }

    [Fact]
    public void A_scale_out_during_the_scale_in_cooldown_happens_at_once()
    {
        _world.PrepareScalableService(desiredCount: 4);
        _world.PutPolicy(scaleInCooldown: 3600);
        _world.SetLoad(cpuPercent: 20);
        var samples = _world.Watch(TimeSpan.FromMinutes(16));
        var scaleIn = Assert.Single(samples.Changes());
        _world.AdvanceUntil(_ => _world.Running() == 2, TimeSpan.FromMinutes(2));

        _world.SetLoad(cpuPercent: 100);
        samples = _world.Watch(TimeSpan.FromMinutes(4), samples);

        var scaleOut = samples.Changes()[1];
        Assert.True(scaleOut.To > scaleOut.From);
        Assert.True(scaleOut.At - scaleIn.At < TimeSpan.FromSeconds(3600));
        Assert.Equal(Proportional(2, 100), scaleOut.To);
    }

    [Fact]
    public void An_idle_service_scales_in_to_its_minimum_and_no_further()
    {
        _world.PrepareScalableService(desiredCount: 3, min: 2, max: 6);
        _world.PutPolicy();

        var samples = _world.Watch(TimeSpan.FromMinutes(30));

        // No load: 0 % asks for ceil(0) = 0 tasks, clamped to the minimum of 2.
        var change = Assert.Single(samples.Changes());
        Assert.Equal(2, change.To);
        Assert.All(samples, s => Assert.InRange(s.Desired, 2, 6));
        var notScaled = _world.Activities(includeNotScaled: true).Where(a => a.TryGetProperty("NotScaledReasons", out _)).ToList();
        var reason = Assert.Single(notScaled).GetProperty("NotScaledReasons")[0];
        Assert.Equal("AlreadyAtMinCapacity", reason.GetProperty("Code").GetString());
        Assert.Equal(2, reason.GetProperty("MinCapacity").GetInt32());
        Assert.DoesNotContain(_world.Activities(), a => a.TryGetProperty("NotScaledReasons", out _));
    }

    [Fact]
    public void DisableScaleIn_keeps_the_capacity_when_the_load_is_gone()
    {
        _world.PrepareScalableService(desiredCount: 3);
        _world.PutPolicy(disableScaleIn: true);
        _world.SetLoad(cpuPercent: 5);

        var samples = _world.Watch(TimeSpan.FromMinutes(30));

        Assert.Empty(samples.Changes());
    }

    [Fact]
    public void The_memory_policy_tracks_the_memory_load()
    {
        _world.PrepareScalableService(desiredCount: 1);
        _world.PutPolicy(name: "memory60", target: 60, metric: "ECSServiceAverageMemoryUtilization");
        _world.SetLoad(cpuPercent: 5, memoryPercent: 100);

        var samples = _world.Watch(TimeSpan.FromMinutes(5));

        // ceil(1 × 100 / 60) = 2; two tasks show 50 %, between 54 % (90 % of 60) and 60 %.
        Assert.Equal(2, Assert.Single(samples.Changes()).To);
    }

    public void Dispose() => _world.Dispose();
}
