using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Ecs.Domain.Services;

/// <summary>How many of a group's tasks are RUNNING and how many are still starting (PROVISIONING to ACTIVATING).</summary>
public sealed record TaskCounts(int Running, int Pending)
{
    public static TaskCounts None { get; } = new(0, 0);

    /// <summary>These counts with one more task counted.</summary>
    public TaskCounts With(EcsTask task) => task.LastStatus switch
    {
        EcsTaskStatus.Running => this with { Running = Running + 1 },
        < EcsTaskStatus.Running => this with { Pending = Pending + 1 },
        _ => this,
    };
}

/// <summary>A service's running and pending counts, in total and per deployment. Derived from the tasks, never stored.</summary>
public sealed record ServiceCounts(TaskCounts Total, IReadOnlyDictionary<string, TaskCounts> ByDeployment)
{
    public static ServiceCounts None { get; } = new(TaskCounts.None, new Dictionary<string, TaskCounts>());

    /// <summary>The counts of one deployment.</summary>
    public TaskCounts Of(Deployment deployment) => ByDeployment.GetValueOrDefault(deployment.Id) ?? TaskCounts.None;

    // Counted once per service and world snapshot: a world never changes (a change makes a new one), so counts kept
    // with the snapshot can never be stale, and are dropped with it. DescribeServices, polled by every waiter, reads
    // them instead of counting the tasks again (and allocating a dictionary per service) on every request.
    private static readonly ConditionalWeakTable<EcsWorld, ConcurrentDictionary<string, ServiceCounts>> Counted = [];

    /// <summary>The counts of each service given, from the world's tasks of those services (<see cref="ServiceTaskIndex"/>).</summary>
    public static IReadOnlyDictionary<string, ServiceCounts> For(EcsWorld world, IEnumerable<Service> services)
    {
        var counts = new Dictionary<string, ServiceCounts>(StringComparer.Ordinal);
        foreach (var service in services) counts.TryAdd(service.Arn, Of(world, service));
        return counts;
    }

    /// <summary>The counts of one service.</summary>
    public static ServiceCounts Of(EcsWorld world, Service service) =>
        Counted.GetValue(world, static _ => new(StringComparer.Ordinal)).GetOrAdd(service.Arn, static (arn, world) => Count(world, arn), world);

    private static ServiceCounts Count(EcsWorld world, string serviceArn)
    {
        var total = TaskCounts.None;
        var byDeployment = new Dictionary<string, TaskCounts>(StringComparer.Ordinal);
        foreach (var task in ServiceTaskIndex.TasksOf(world, serviceArn))
        {
            total = total.With(task);
            if (task.StartedBy is { } deploymentId)
                byDeployment[deploymentId] = (byDeployment.GetValueOrDefault(deploymentId) ?? TaskCounts.None).With(task);
        }
        return new ServiceCounts(total, byDeployment);
    }
}
