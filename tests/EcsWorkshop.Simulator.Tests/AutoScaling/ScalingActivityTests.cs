using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.AutoScaling.AutoScalingTestSupport;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.AutoScaling;

/// <summary>What a scale-out leaves behind: the activity in AWS's words, and the ECS service's new desired count.</summary>
public sealed partial class ScalingActivityTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void A_scale_out_is_an_activity_in_AWS_words_that_succeeds_once_ECS_runs_the_tasks()
    {
        _world.PrepareScalableService(desiredCount: 1);
        var alarms = _world.PutPolicy().GetProperty("Alarms");
        var high = alarms[0].GetProperty("AlarmName").GetString()!;
        Assert.Matches(AlarmHigh(), high);
        _world.SetLoad(cpuPercent: 90);

        _world.AdvanceUntil(_ => _world.Desired() == 2, TimeSpan.FromMinutes(4));
        var started = Assert.Single(_world.Activities());
        Assert.Equal("Setting desired count to 2.", started.GetProperty("Description").GetString());
        Assert.Equal($"monitor alarm {high} in state ALARM triggered policy cpu50", started.GetProperty("Cause").GetString());
        Assert.Equal("InProgress", started.GetProperty("StatusCode").GetString());
        Assert.Equal(2, _world.Describe("web").GetProperty("deployments")[0].Int("desiredCount"));

        _world.AdvanceUntil(_ => _world.Running() == 2, TimeSpan.FromMinutes(2));
        _world.Advance(TimeSpan.FromSeconds(1));
        var done = Assert.Single(_world.Activities());
        Assert.Equal("Successful", done.GetProperty("StatusCode").GetString());
        Assert.Equal("Successfully set desired count to 2. Change successfully fulfilled by ecs.", done.GetProperty("StatusMessage").GetString());
        Assert.True(done.GetProperty("EndTime").GetDouble() >= done.GetProperty("StartTime").GetDouble());
    }

    [Fact]
    public void Reaching_the_maximum_is_recorded_once_as_an_activity_that_did_not_scale()
    {
        _world.PrepareScalableService(desiredCount: 2, min: 1, max: 2);
        _world.PutPolicy();
        _world.SetLoad(cpuPercent: 100);

        _world.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(2, _world.Desired());
        Assert.Empty(_world.Activities());
        var attempt = Assert.Single(_world.Activities(includeNotScaled: true));
        Assert.Equal("Attempting to scale due to alarm triggered", attempt.GetProperty("Description").GetString());
        Assert.Equal("Failed", attempt.GetProperty("StatusCode").GetString());
        var reason = attempt.GetProperty("NotScaledReasons")[0];
        Assert.Equal("AlreadyAtMaxCapacity", reason.GetProperty("Code").GetString());
        Assert.Equal(2, reason.GetProperty("MaxCapacity").GetInt32());
    }

    [Fact]
    public void At_speed_60_a_minute_of_scaling_passes_in_a_second()
    {
        using var fast = new SimulatedWorld(speed: 60);
        fast.PrepareScalableService(desiredCount: 1);
        fast.PutPolicy();
        fast.SetLoad(cpuPercent: 90);

        // Three one-minute datapoints take three seconds at speed 60.
        fast.Advance(TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, fast.Desired());
    }

    [GeneratedRegex(@"^TargetTracking-service/workshop/web-AlarmHigh-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex AlarmHigh();

    public void Dispose() => _world.Dispose();
}
