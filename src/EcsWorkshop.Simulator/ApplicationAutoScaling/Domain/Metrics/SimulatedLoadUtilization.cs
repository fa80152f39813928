namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain.Metrics;

/// <summary>
/// The simulated runtime's utilization: the work the workshop control put on the service (<see cref="ServiceLoad"/>,
/// in tasks' worth) spread over its running tasks, at most 100 % (a Fargate task cannot use more than it reserved).
/// A service without load is idle (0 %); a service with no running task has no data.
/// </summary>
public sealed class SimulatedLoadUtilization : IUtilizationSource
{
    public static SimulatedLoadUtilization Instance { get; } = new();

    public double? Utilization(MeteredService service, UtilizationKind kind, DateTimeOffset from, DateTimeOffset to)
    {
        var running = service.RunningTasks.Count;
        if (running == 0) return null;
        var load = service.Scaling.Loads.GetValueOrDefault(service.Service.Arn);
        var work = kind == UtilizationKind.Cpu ? load?.CpuWork : load?.MemoryWork;
        return Math.Min(100, (work ?? 0) * 100 / running);
    }

    /// <summary>The work behind <paramref name="percent"/> shown by <paramref name="tasks"/> tasks (at least one).</summary>
    public static double WorkOf(double percent, int tasks) => percent / 100 * Math.Max(1, tasks);
}
