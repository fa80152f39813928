namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain.TargetTracking;

/// <summary>
/// Target tracking as the simulator runs it. AWS publishes no formula; it documents the behaviour
/// (/work/shared/scaling-facts.md §1.3), which these rules follow:
/// <list type="bullet">
/// <item>Each evaluation period (one minute on the simulated clock) every policy gets one datapoint of its metric. The
/// generated AlarmHigh is in ALARM after <see cref="HighDatapoints"/> datapoints in a row above the target value, AlarmLow
/// after <see cref="LowDatapoints"/> in a row below <see cref="ScaleInMargin"/> × the target. AWS does not document these
/// alarms' settings: 3 of 3 and 15 of 15 one-minute datapoints are what users report (aws/containers-roadmap#1208,
/// aws/copilot-cli#4233), and "usually more than 10% lower" is the documentation's own word for the scale-in threshold.</item>
/// <item>The capacity a policy asks for is <c>ceil(running × metric / target)</c> (<see cref="Capacity"/>): proportional to
/// the metric, from the running task count (ECS's documented starting point), rounded up. Rounding up is the conservative
/// direction both ways: a scale-out adds the whole task the fraction needs, a scale-in removes only whole tasks the
/// metric can spare (the number removed is rounded down).</item>
/// <item>Scale-out when any policy's AlarmHigh is in ALARM and asks for more than the desired count; scale-in only when
/// every policy that scales in has its AlarmLow in ALARM, to the largest capacity they ask for; both clamped to
/// [min, max]. Scale-in waits for the scale-in cooldown after the last scale-in, never runs during a deployment, and a
/// scale-out ends the scale-in cooldown. Within the scale-out cooldown only a larger capacity scales out again; as every
/// scale-out here sets a larger desired count, that is what the rule above already does.</item>
/// </list>
/// </summary>
public static class TargetTrackingRules
{
    /// <summary>The default ScaleOutCooldown and ScaleInCooldown of an ECS service (300 s in every source).</summary>
    public const int DefaultCooldownSeconds = 300;

    /// <summary>Datapoints in a row above the target before AlarmHigh is in ALARM (user-reported: 3 of 3 one-minute datapoints).</summary>
    public const int HighDatapoints = 3;

    /// <summary>Datapoints in a row below the scale-in threshold before AlarmLow is in ALARM (user-reported: 15 of 15).</summary>
    public const int LowDatapoints = 15;

    /// <summary>AlarmLow's threshold as a fraction of the target value: scale-in needs the metric more than 10 % below it.</summary>
    public const double ScaleInMargin = 0.9;

    /// <summary>The evaluation period, on the simulated clock (ECS sends its metrics in one-minute intervals).</summary>
    public static TimeSpan Period { get; } = TimeSpan.FromMinutes(1);

    /// <summary>The streaks after one more datapoint; a period without data breaks both (INSUFFICIENT_DATA never scales).</summary>
    public static AlarmStreaks Next(AlarmStreaks streaks, double? metric, double targetValue) => metric is not { } value
        ? AlarmStreaks.None
        : new AlarmStreaks(value > targetValue ? streaks.High + 1 : 0, value < targetValue * ScaleInMargin ? streaks.Low + 1 : 0);

    public static bool HighInAlarm(AlarmStreaks streaks) => streaks.High >= HighDatapoints;

    public static bool LowInAlarm(AlarmStreaks streaks) => streaks.Low >= LowDatapoints;

    /// <summary>
    /// The capacity that brings the metric to the target: <c>ceil(running × metric / target)</c>. With no task running
    /// and demand on the metric, one task ("the minimum possible amount as a starting point").
    /// </summary>
    public static int Capacity(int running, double metric, double targetValue)
    {
        if (running == 0) return metric > 0 ? 1 : 0;
        var exact = running * metric / targetValue;
        var rounded = Math.Ceiling(exact);
        // A product like 2 × 75 / 50 may come out a hair above 3; it is 3.
        if (rounded - exact > 1 - 1e-9) rounded -= 1;
        return (int)Math.Min(rounded, int.MaxValue);
    }

    /// <summary>The effective cooldown of a policy, in seconds.</summary>
    public static int ScaleOutCooldown(TargetTrackingPolicy policy) => policy.ScaleOutCooldown ?? DefaultCooldownSeconds;

    public static int ScaleInCooldown(TargetTrackingPolicy policy) => policy.ScaleInCooldown ?? DefaultCooldownSeconds;

    /// <summary>What a target's policies decide this period.</summary>
    public static ScalingDecision Decide(ScalingSituation situation)
    {
        var outs = situation.Readings
            .Where(r => r.Metric is not null && HighInAlarm(r.Streaks))
            .Select(r => (Reading: r, Wanted: Capacity(situation.Running, r.Metric!.Value, r.Policy.TargetTracking.TargetValue)))
            .ToList();
        if (outs.Count > 0)
        {
            var (reading, wanted) = outs.MaxBy(o => o.Wanted);
            if (situation.Suspended.DynamicScalingOutSuspended) return ScalingDecision.None;
            var capacity = Math.Clamp(wanted, situation.MinCapacity, situation.MaxCapacity);
            if (capacity > situation.DesiredCount) return new ScalingDecision.Scale(capacity, reading.Policy, reading.Policy.High, ScaleOut: true);
            return wanted > situation.DesiredCount && situation.DesiredCount >= situation.MaxCapacity
                ? new ScalingDecision.NotScaled(NotScaledCodes.AlreadyAtMaxCapacity, reading.Policy, reading.Policy.High)
                : ScalingDecision.None;
        }

        var scalingIn = situation.Readings.Where(r => r.Policy.TargetTracking.ScalesIn).ToList();
        if (scalingIn.Count == 0 || !scalingIn.All(r => r.Metric is not null && LowInAlarm(r.Streaks))) return ScalingDecision.None;
        var (lowest, asked) = scalingIn
            .Select(r => (Reading: r, Wanted: Capacity(situation.Running, r.Metric!.Value, r.Policy.TargetTracking.TargetValue)))
            .MaxBy(o => o.Wanted);
        var target = Math.Clamp(asked, situation.MinCapacity, situation.MaxCapacity);
        if (target >= situation.DesiredCount)
            return situation.DesiredCount <= situation.MinCapacity && asked < situation.DesiredCount
                ? new ScalingDecision.NotScaled(NotScaledCodes.AlreadyAtMinCapacity, lowest.Policy, lowest.Policy.Low)
                : ScalingDecision.None;
        if (situation.Suspended.DynamicScalingInSuspended || situation.Deploying) return ScalingDecision.None;
        var cooldown = situation.Scaled(TimeSpan.FromSeconds(ScaleInCooldown(lowest.Policy.TargetTracking)));
        if (situation.LastScaleInAt is { } last && situation.Now - last < cooldown) return ScalingDecision.None;
        return new ScalingDecision.Scale(target, lowest.Policy, lowest.Policy.Low, ScaleOut: false);
    }
}

/// <summary>One policy's datapoint this period and its alarms' streaks after it.</summary>
public sealed record PolicyReading(ScalingPolicy Policy, double? Metric, AlarmStreaks Streaks);

/// <summary>Everything a decision looks at: the target's range, the service's counts, the clock, the readings.</summary>
public sealed record ScalingSituation(
    int MinCapacity,
    int MaxCapacity,
    int DesiredCount,
    int Running,
    bool Deploying,
    SuspendedState Suspended,
    DateTimeOffset Now,
    DateTimeOffset? LastScaleInAt,
    Func<TimeSpan, TimeSpan> Scaled,
    IReadOnlyList<PolicyReading> Readings);

/// <summary>What a target's policies decided.</summary>
public abstract record ScalingDecision
{
    private ScalingDecision()
    {
    }

    /// <summary>Nothing to do.</summary>
    public static ScalingDecision None { get; } = new Nothing();

    public sealed record Nothing : ScalingDecision;

    /// <summary>Set the desired count to <paramref name="DesiredCount"/>, because <paramref name="Alarm"/> of <paramref name="Policy"/> is in ALARM.</summary>
    public sealed record Scale(int DesiredCount, ScalingPolicy Policy, PolicyAlarm Alarm, bool ScaleOut) : ScalingDecision;

    /// <summary>An alarm went into ALARM but the capacity is already at a bound.</summary>
    public sealed record NotScaled(string Code, ScalingPolicy Policy, PolicyAlarm Alarm) : ScalingDecision;
}

/// <summary>The NotScaledReason codes the simulator gives.</summary>
public static class NotScaledCodes
{
    public const string AlreadyAtMaxCapacity = "AlreadyAtMaxCapacity";
    public const string AlreadyAtMinCapacity = "AlreadyAtMinCapacity";
}
