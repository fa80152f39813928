using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain.Metrics;

/// <summary>A service as one evaluation period's metric sees it: its running tasks and their task definition.</summary>
public sealed record MeteredService(Service Service, TaskDefinition? Definition, IReadOnlyList<EcsTask> RunningTasks, AutoScalingWorld Scaling);

/// <summary>
/// Where a service's CPU and memory utilization come from: the workshop control on the simulated runtime
/// (<see cref="SimulatedLoadUtilization"/>), the engine's container stats on Docker.
/// </summary>
public interface IUtilizationSource
{
    /// <summary>
    /// The service's average CPU or memory utilization in percent over [<paramref name="from"/>, <paramref name="to"/>):
    /// (units used by its tasks) × 100 / (units its task definition reserves × number of tasks). Null without data.
    /// </summary>
    double? Utilization(MeteredService service, UtilizationKind kind, DateTimeOffset from, DateTimeOffset to);
}

public enum UtilizationKind { Cpu, Memory }

/// <summary>How many requests a load balancer's listeners sent to a target group in a window.</summary>
public interface IRequestCounts
{
    long Requests(string targetGroupArn, DateTimeOffset from, DateTimeOffset to);
}

/// <summary>No load balancer data plane (a world without listeners): no requests.</summary>
public sealed class NoRequests : IRequestCounts
{
    public static NoRequests Instance { get; } = new();

    public long Requests(string targetGroupArn, DateTimeOffset from, DateTimeOffset to) => 0;
}
