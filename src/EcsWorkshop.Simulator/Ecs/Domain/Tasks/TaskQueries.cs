using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>What ListTasks filters on. A desired status of PENDING is accepted and matches nothing, as in ECS.</summary>
public sealed record ListTasksQuery(
    string ClusterArn,
    string? ServiceName,
    string? Family,
    string? StartedBy,
    EcsTaskStatus DesiredStatus,
    LaunchType? LaunchType,
    string? ContainerInstance);

/// <summary>One task DescribeTasks was asked about: the task, or the ARN reported MISSING.</summary>
public sealed record TaskLookup(string Reference, EcsTask? Task, string MissingArn);

/// <summary>Finding tasks: by id or ARN within a cluster, in batches (DescribeTasks), and by filters (ListTasks).</summary>
public static class TaskQueries
{
    /// <summary>DescribeTasks takes at most this many tasks.</summary>
    public const int MaxDescribeTasks = 100;

    /// <summary>The task a user named (its id or ARN) in a cluster, or null.</summary>
    public static EcsTask? Find(EcsWorld world, EcsArns arns, string clusterArn, string reference)
    {
        var arn = reference.StartsWith("arn:", StringComparison.Ordinal)
            ? reference
            : arns.Task(EcsArns.ClusterName(clusterArn), reference);
        return world.Tasks.TryGetValue(arn, out var task) && task.ClusterArn == clusterArn ? task : null;
    }

    /// <summary>DescribeTasks: each reference resolved, in the order given. The cluster must exist.</summary>
    public static IReadOnlyList<TaskLookup> Describe(EcsWorld world, EcsArns arns, string clusterArn, IReadOnlyList<string> references)
    {
        if (references.Count == 0) throw EcsErrors.TasksEmpty.With();
        if (references.Count > MaxDescribeTasks)
            throw EcsErrors.TooManyTasks.With(MaxDescribeTasks);
        if (!world.Clusters.ContainsKey(clusterArn)) throw EcsErrors.ClusterNotFound.With();
        var clusterName = EcsArns.ClusterName(clusterArn);
        return [.. references.Select(reference => new TaskLookup(
            reference,
            string.IsNullOrEmpty(reference) ? null : Find(world, arns, clusterArn, reference),
            reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : arns.Task(clusterName, reference)))];
    }

    /// <summary>
    /// ListTasks: the ARNs of the cluster's tasks that match every filter given. The service must exist
    /// (ServiceNotFoundException); there are no container instances, so filtering on one matches nothing.
    /// </summary>
    public static IEnumerable<string> List(EcsWorld world, EcsArns arns, ListTasksQuery query)
    {
        ClusterCommands.RequireActive(world, query.ClusterArn);
        string? serviceArn = null;
        if (!string.IsNullOrEmpty(query.ServiceName))
        {
            serviceArn = query.ServiceName.StartsWith("arn:", StringComparison.Ordinal)
                ? query.ServiceName
                : arns.Service(EcsArns.ClusterName(query.ClusterArn), query.ServiceName);
            if (!world.Services.TryGetValue(serviceArn, out var service) || service.ClusterArn != query.ClusterArn)
                throw EcsErrors.ServiceNotFound.With();
        }
        if (!string.IsNullOrEmpty(query.ContainerInstance)) return [];
        return world.TasksIn(query.ClusterArn)
            .Where(t => t.DesiredStatus == query.DesiredStatus)
            .Where(t => serviceArn is null || t.ServiceArn == serviceArn)
            .Where(t => string.IsNullOrEmpty(query.Family) || t.Family == query.Family)
            .Where(t => string.IsNullOrEmpty(query.StartedBy) || t.StartedBy == query.StartedBy)
            .Where(t => query.LaunchType is null || t.LaunchType == query.LaunchType)
            .Select(t => t.Arn);
    }
}
