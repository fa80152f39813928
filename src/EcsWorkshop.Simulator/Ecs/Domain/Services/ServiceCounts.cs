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

    /// <summary>The counts of each service given, from one pass over the world's tasks.</summary>
    public static IReadOnlyDictionary<string, ServiceCounts> For(EcsWorld world, IEnumerable<Service> services)
    {
        var totals = services.ToDictionary(s => s.Arn, _ => TaskCounts.None, StringComparer.Ordinal);
        var byDeployment = totals.Keys.ToDictionary(arn => arn, _ => new Dictionary<string, TaskCounts>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var task in world.Tasks.Values)
        {
            if (task.ServiceArn is not { } serviceArn || !totals.TryGetValue(serviceArn, out var total)) continue;
            totals[serviceArn] = total.With(task);
            if (task.StartedBy is { } deploymentId)
            {
                var perDeployment = byDeployment[serviceArn];
                perDeployment[deploymentId] = (perDeployment.GetValueOrDefault(deploymentId) ?? TaskCounts.None).With(task);
            }
        }
        return totals.ToDictionary(t => t.Key, t => new ServiceCounts(t.Value, byDeployment[t.Key]), StringComparer.Ordinal);
    }

    /// <summary>The counts of one service.</summary>
    public static ServiceCounts Of(EcsWorld world, Service service) => For(world, [service])[service.Arn];
}
