using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain.TargetTracking;

namespace EcsWorkshop.Simulator.Tests.AutoScaling;

/// <summary>
/// The documented rules of one decision, on their own: several policies (scale out if any asks, scale in only if all
/// agree, the largest capacity wins), suspension, and the bounds.
/// </summary>
public sealed class TargetTrackingDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    private static ScalingPolicy Policy(string name, string metric, double target, bool disableScaleIn = false) => new(
        name, "t", "ap-northeast-1", name, "arn:" + name, "ecs", "service/c/s", "ecs:service:DesiredCount", "TargetTrackingScaling",
        new TargetTrackingPolicy(target, metric, null, null, null, disableScaleIn),
        [new PolicyAlarm(name + "-AlarmHigh", "arn:high"), new PolicyAlarm(name + "-AlarmLow", "arn:low")], Now, AlarmStreaks.None);

    private static PolicyReading High(ScalingPolicy policy, double metric) => new(policy, metric, new AlarmStreaks(3, 0));

    private static PolicyReading Low(ScalingPolicy policy, double metric) => new(policy, metric, new AlarmStreaks(0, 15));

    private static PolicyReading Calm(ScalingPolicy policy, double metric) => new(policy, metric, AlarmStreaks.None);

    private static ScalingSituation Situation(int desired, params PolicyReading[] readings) =>
        new(1, 10, desired, desired, false, SuspendedState.None, Now, null, t => t, readings);

    [Fact]
    public void One_policy_above_its_target_scales_out_even_when_another_is_calm()
    {
        var cpu = Policy("cpu", AutoScalingNames.Cpu, 50);
        var memory = Policy("memory", AutoScalingNames.Memory, 50);

        var decision = TargetTrackingRules.Decide(Situation(4, High(cpu, 80), Calm(memory, 48)));

        var scale = Assert.IsType<ScalingDecision.Scale>(decision);
        Assert.True(scale.ScaleOut);
        Assert.Equal(7, scale.DesiredCount); // ceil(4 × 80 / 50) = ceil(6.4)
        Assert.Equal(cpu.High, scale.Alarm);
    }

    [Fact]
    public void Scale_in_needs_every_scaling_in_policy_to_agree()
    {
        var cpu = Policy("cpu", AutoScalingNames.Cpu, 50);
        var memory = Policy("memory", AutoScalingNames.Memory, 50);

        Assert.Equal(ScalingDecision.None, TargetTrackingRules.Decide(Situation(4, Low(cpu, 10), Calm(memory, 47))));
        var both = Assert.IsType<ScalingDecision.Scale>(TargetTrackingRules.Decide(Situation(4, Low(cpu, 10), Low(memory, 30))));
        // The larger capacity wins: memory asks ceil(4 × 30 / 50) = 3, cpu ceil(4 × 10 / 50) = 1.
        Assert.Equal(3, both.DesiredCount);
        Assert.Equal(memory.Low, both.Alarm);
    }

    [Fact]
    public void A_policy_that_does_not_scale_in_is_left_out_of_the_scale_in_vote()
    {
        var cpu = Policy("cpu", AutoScalingNames.Cpu, 50);
        var requests = Policy("requests", AutoScalingNames.RequestCountPerTarget, 100, disableScaleIn: true);

        var decision = TargetTrackingRules.Decide(Situation(4, Low(cpu, 20), Calm(requests, 95)));

        Assert.Equal(2, Assert.IsType<ScalingDecision.Scale>(decision).DesiredCount);
    }

    [Fact]
    public void Suspended_scale_out_does_nothing()
    {
        var cpu = Policy("cpu", AutoScalingNames.Cpu, 50);
        var situation = Situation(2, High(cpu, 90)) with { Suspended = new SuspendedState(false, true, false) };

        Assert.Equal(ScalingDecision.None, TargetTrackingRules.Decide(situation));
    }

    [Fact]
    public void The_scale_in_threshold_is_more_than_ten_percent_below_the_target()
    {
        var streaks = AlarmStreaks.None;
        streaks = TargetTrackingRules.Next(streaks, 45, 50);
        Assert.Equal(0, streaks.Low);
        streaks = TargetTrackingRules.Next(streaks, 44.9, 50);
        Assert.Equal(1, streaks.Low);
        Assert.Equal(AlarmStreaks.None, TargetTrackingRules.Next(streaks, null, 50));
    }

    [Fact]
    public void A_desired_count_above_the_maximum_is_not_lowered_by_a_scale_out()
    {
        var cpu = Policy("cpu", AutoScalingNames.Cpu, 50);
        var situation = Situation(12, High(cpu, 90));

        Assert.IsNotType<ScalingDecision.Scale>(TargetTrackingRules.Decide(situation));
    }
}
