namespace EcsWorkshop.Simulator.Clock;

/// <summary>
/// How fast the simulated world moves. Timestamps stay on the wall clock; the lifecycle's durations are divided
/// by <see cref="Speed"/>, so at speed 10 a task that takes 25 s to start on Fargate starts in 2.5 s.
/// </summary>
public sealed record SimulationSettings(double Speed, LifecycleTimings Timings)
{
    /// <summary>Real-life pace.</summary>
    public static SimulationSettings Realistic { get; } = new(1, LifecycleTimings.Fargate);

    /// <summary>Settings at a given speed (must be positive).</summary>
    public static SimulationSettings AtSpeed(double speed) =>
        speed > 0 && double.IsFinite(speed)
            ? new(speed, LifecycleTimings.Fargate)
            : throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed must be a positive number.");

    /// <summary>
    /// True when a container runtime (Docker) runs the tasks' containers for real: the lifecycle then waits for its
    /// reports (containers started, stopped, exited, health) instead of the timer for those steps.
    /// </summary>
    public bool RunsContainers { get; init; }

    /// <summary>
    /// How often, on average, Fargate Spot takes a Spot task's capacity back: interruptions per task and per hour of
    /// task time (an hour divided by <see cref="Speed"/> on the wall clock). Zero (the default): only when asked.
    /// </summary>
    public double SpotInterruptionsPerTaskHour { get; init; }

    /// <summary>How much the account may hold at once (<see cref="Quotas.AccountQuotas.None"/>: no limits).</summary>
    public Quotas.AccountQuotas Quotas { get; init; } = EcsWorkshop.Simulator.Quotas.AccountQuotas.None;

    /// <summary>The classroom's shared memory budget, or null for none. Every learner's simulation joins the same one.</summary>
    public Quotas.RoomMemoryBudget? RoomMemory { get; init; }

    /// <summary>This simulation's share of <see cref="RoomMemory"/>, set by <see cref="Hosting.Simulation"/> when it joins.</summary>
    public Quotas.RoomMemoryShare? RoomMemoryShare { get; init; }

    /// <summary>A lifecycle duration at this speed.</summary>
    public TimeSpan Scaled(TimeSpan realDuration) => realDuration / Speed;
}

/// <summary>How long each lifecycle step takes at speed 1 (about what a small Fargate task takes).</summary>
public sealed record LifecycleTimings(
    TimeSpan Provisioning,
    TimeSpan Pending,
    TimeSpan Activating,
    TimeSpan Deactivating,
    TimeSpan Stopping,
    TimeSpan Deprovisioning)
{
    public static LifecycleTimings Fargate { get; } = new(
        Provisioning: TimeSpan.FromSeconds(6),
        Pending: TimeSpan.FromSeconds(12),
        Activating: TimeSpan.FromSeconds(3),
        Deactivating: TimeSpan.FromSeconds(2),
        Stopping: TimeSpan.FromSeconds(3),
        Deprovisioning: TimeSpan.FromSeconds(5));
}
