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

    /// <summary>The counts of each service given, from the world's tasks of those services (<see cref="ServiceTaskIndex"/>).</summary>
    public static IReadOnlyDictionary<string, ServiceCounts> For(EcsWorld world, IEnumerable<Service> services)
    {
        var counts = new Dictionary<string, ServiceCounts>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            if (counts.ContainsKey(service.Arn)) continue;
            var total = TaskCounts.None;
            var byDeployment = new Dictionary<string, TaskCounts>(StringComparer.Ordinal);
            foreach (var task in ServiceTaskIndex.TasksOf(world, service.Arn))
            {
                total = total.With(task);
                if (task.StartedBy is { } deploymentId)
                    byDeployment[deploymentId] = (byDeployment.GetValueOrDefault(deploymentId) ?? TaskCounts.None).With(task);
            }
            counts[service.Arn] = new ServiceCounts(total, byDeployment);
        }
        return counts;
    }

    /// <summary>The counts of one service.</summary>
    public static ServiceCounts Of(EcsWorld world, Service service) => For(world, [service])[service.Arn];
}
