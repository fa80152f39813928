using System.Collections.Immutable;

namespace EcsWorkshop.Display.Diagrams;

/// <summary>One observation of a scaling service: when, its desired and running task counts, and its CPU utilization when known.</summary>
/// <param name="Elapsed">Time since the first observation of the timeline (this machine's clock).</param>
/// <param name="DesiredCount">The service's desired count (タスクの必要数).</param>
/// <param name="RunningCount">The service's running tasks.</param>
/// <param name="CpuPercent">The service's average CPU utilization, when the observer knows it; null otherwise.</param>
public sealed record ScalingSample(TimeSpan Elapsed, int DesiredCount, int RunningCount, double? CpuPercent);

/// <summary>
/// What the cells observed of a service under Service Auto Scaling, in order, for the chart of desired/running count and
/// the metric over time. The observations only: this type knows nothing of how they were made.
/// </summary>
public sealed record ScalingTimeline
{
    /// <summary>The service.</summary>
    public required string Service { get; init; }

    /// <summary>The scalable target's minimum capacity, when registered.</summary>
    public int? MinCapacity { get; init; }

    /// <summary>The scalable target's maximum capacity, when registered.</summary>
    public int? MaxCapacity { get; init; }

    /// <summary>The target tracking policy's target value (percent), when one is put.</summary>
    public double? TargetValue { get; init; }

    /// <summary>How many simulated seconds pass in one second of this machine's clock (1 on AWS).</summary>
    public double ClockSpeed { get; init; } = 1;

    /// <summary>The observations, oldest first.</summary>
    public ImmutableArray<ScalingSample> Samples { get; init; } = [];

    /// <summary>The observations' largest task count (desired or running), at least the maximum capacity.</summary>
    public int HighestCount => Math.Max(MaxCapacity ?? 1, Samples.Select(s => Math.Max(s.DesiredCount, s.RunningCount)).DefaultIfEmpty(1).Max());

    /// <summary>The time of an observation on the clock the scaling runs on (simulated minutes in the simulator).</summary>
    public TimeSpan ScalingClock(ScalingSample sample) => sample.Elapsed * ClockSpeed;
}
