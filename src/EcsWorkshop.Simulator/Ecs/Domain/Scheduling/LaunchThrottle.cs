namespace EcsWorkshop.Simulator.Ecs.Domain.Scheduling;

/// <summary>
/// ECS's service throttle: when a service's tasks keep stopping before they reach RUNNING, the scheduler waits
/// longer and longer between attempts (up to 27 minutes) and says the service "is unable to consistently start
/// tasks successfully". A new deployment starts afresh.
/// </summary>
public static class LaunchThrottle
{
    /// <summary>After this many start failures in a row the throttle engages.</summary>
    public const int EngagesAfter = 3;

    /// <summary>The first wait once engaged; each further failure doubles it.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts.</summary>
    public static readonly TimeSpan MaximumDelay = TimeSpan.FromMinutes(27);

    /// <summary>How long (at real pace) to wait before the next launch after this many failures in a row.</summary>
    public static TimeSpan DelayAfter(int consecutiveFailures)
    {
        if (consecutiveFailures < EngagesAfter) return TimeSpan.Zero;
        var doublings = Math.Min(consecutiveFailures - EngagesAfter, 16);
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < MaximumDelay ? delay : MaximumDelay;
    }
}
