namespace EcsWorkshop.Simulator.Ecs.Domain.Services;

/// <summary>A change to a service's deployment configuration: only the members given change.</summary>
public sealed record DeploymentConfigurationChange(int? MaximumPercent, int? MinimumHealthyPercent, CircuitBreakerSetting? CircuitBreaker);

/// <summary>The deployment circuit breaker as a request sets it (both members are required).</summary>
public sealed record CircuitBreakerSetting(bool Enable, bool Rollback);

/// <summary>
/// The rules of a rolling update: the configuration's bounds, the task counts they allow, and the circuit breaker's
/// failure threshold.
/// </summary>
public static class DeploymentRules
{
    /// <summary>A daemon service's defaults: it replaces tasks in place (100 % / 0 %).</summary>
    public static DeploymentConfiguration DaemonDefault { get; } = new(100, 0, false, false);

    /// <summary>The defaults for a new service of the given scheduling strategy.</summary>
    public static DeploymentConfiguration DefaultFor(bool daemon) => daemon ? DaemonDefault : DeploymentConfiguration.Default;

    /// <summary>
    /// <paramref name="current"/> with <paramref name="change"/> applied, or InvalidParameterException when the result
    /// is out of bounds: minimumHealthyPercent 0–100, maximumPercent at least 100 (exactly 100 for a daemon service).
    /// </summary>
    public static DeploymentConfiguration Apply(DeploymentConfiguration current, DeploymentConfigurationChange? change, bool daemon)
    {
        if (change is null) return current;
        var result = current with
        {
            MaximumPercent = change.MaximumPercent ?? current.MaximumPercent,
            MinimumHealthyPercent = change.MinimumHealthyPercent ?? current.MinimumHealthyPercent,
            CircuitBreakerEnabled = change.CircuitBreaker?.Enable ?? current.CircuitBreakerEnabled,
            CircuitBreakerRollback = change.CircuitBreaker?.Rollback ?? current.CircuitBreakerRollback,
        };
        if (result.MinimumHealthyPercent is < 0 or > 100)
            throw EcsErrors.MinimumHealthyPercentOutOfRange.With();
        if (daemon && result.MaximumPercent > 100)
            throw EcsErrors.DaemonMaximumPercent.With();
        if (result.MaximumPercent < 100)
            throw EcsErrors.MaximumPercentBelow100.With();
        return result;
    }

    /// <summary>How many tasks must keep RUNNING during a deployment: ceil(desired × minimumHealthyPercent / 100).</summary>
    public static int MinimumHealthyTasks(int desiredCount, DeploymentConfiguration configuration) =>
        (int)((desiredCount * (long)configuration.MinimumHealthyPercent + 99) / 100);

    /// <summary>How many tasks may be RUNNING or PENDING at once: floor(desired × maximumPercent / 100).</summary>
    public static int MaximumTasks(int desiredCount, DeploymentConfiguration configuration) =>
        (int)Math.Min(int.MaxValue, desiredCount * (long)configuration.MaximumPercent / 100);

    /// <summary>
    /// How many tasks of a deployment may fail to start before the circuit breaker trips: half the desired count,
    /// at least 3 and at most 200.
    /// </summary>
    public static int CircuitBreakerThreshold(int desiredCount) => Math.Clamp((desiredCount + 1) / 2, 3, 200);
}
