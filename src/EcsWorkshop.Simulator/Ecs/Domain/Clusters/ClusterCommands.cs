using System.Collections.Immutable;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Ecs.Domain.Clusters;

/// <summary>What CreateCluster asks for.</summary>
public sealed record CreateClusterCommand(
    string? Name,
    ImmutableArray<Tag> Tags,
    ImmutableArray<ClusterSetting> Settings,
    ImmutableArray<string> CapacityProviders,
    ImmutableArray<CapacityProviderStrategyItem> DefaultCapacityProviderStrategy);

/// <summary>Task and service counts of a cluster, derived from the world.</summary>
public sealed record ClusterCounts(int RunningTasks, int PendingTasks, int ActiveServices)
{
    public static ClusterCounts Of(EcsWorld world, Cluster cluster)
    {
        int running = 0, pending = 0;
        foreach (var task in world.TasksIn(cluster.Arn))
        {
            if (task.LastStatus == EcsTaskStatus.Running) running++;
            else if (task.LastStatus < EcsTaskStatus.Running) pending++;
        }
        var services = world.ServicesIn(cluster.Arn).Count(s => s.Status == ServiceStatus.Active);
        return new ClusterCounts(running, pending, services);
    }
}

/// <summary>Creating, finding and deleting clusters.</summary>
public static class ClusterCommands
{
    /// <summary>The capacity providers every cluster may use without creating any.</summary>
    public static readonly ImmutableArray<string> BuiltInCapacityProviders = ["FARGATE", "FARGATE_SPOT"];

    /// <summary>Creates a cluster; the same name again returns the existing ACTIVE cluster unchanged.</summary>
    public static Cluster Create(EcsTransaction transaction, EcsArns arns, CreateClusterCommand command)
    {
        var name = string.IsNullOrEmpty(command.Name) ? "default" : command.Name;
        if (!Names.IsValid(name))
            throw EcsErrors.InvalidClusterName.With(name);
        TagRules.Validate(command.Tags);
        foreach (var provider in command.CapacityProviders)
            if (!BuiltInCapacityProviders.Contains(provider))
                throw EcsErrors.CapacityProviderNotActive.With(provider);
        foreach (var setting in command.Settings)
            if (setting.Name != "containerInsights" || setting.Value is not ("enabled" or "disabled" or "enhanced"))
                throw EcsErrors.InvalidClusterSetting.With(setting.Name, setting.Value);

        var arn = arns.Cluster(name);
        if (transaction.World.Clusters.TryGetValue(arn, out var existing) && existing.Status == ClusterStatus.Active)
            return existing;

        var cluster = new Cluster(
            arn, name, ClusterStatus.Active, transaction.Now, command.Tags,
            command.Settings.IsEmpty ? [new ClusterSetting("containerInsights", "disabled")] : command.Settings,
            command.CapacityProviders, command.DefaultCapacityProviderStrategy);
        transaction.Put(cluster);
        return cluster;
    }

    /// <summary>
    /// PutClusterCapacityProviders: the cluster's capacity providers become exactly <paramref name="providers"/> and its
    /// default strategy <paramref name="defaultStrategy"/> (empty: none). A provider left out is disassociated, which
    /// ECS refuses while a task that has not stopped uses it.
    /// </summary>
    public static Cluster PutCapacityProviders(
        EcsTransaction transaction, string clusterArn, ImmutableArray<string> providers, ImmutableArray<CapacityProviderStrategyItem> defaultStrategy)
    {
        var world = transaction.World;
        var cluster = RequireActive(world, clusterArn);
        foreach (var provider in providers)
            if (!BuiltInCapacityProviders.Contains(provider))
                throw EcsErrors.CapacityProviderNotActive.With(provider);
        var updated = cluster with { CapacityProviders = [.. providers.Distinct(StringComparer.Ordinal)], DefaultCapacityProviderStrategy = defaultStrategy };
        CapacityProviderRules.RequireUsable(updated, defaultStrategy);

        var removed = cluster.CapacityProviders.Where(p => !updated.CapacityProviders.Contains(p)).ToHashSet(StringComparer.Ordinal);
        if (removed.Count > 0)
        {
            // "You can only disassociate an existing capacity provider from a cluster if it's not being used by any existing tasks."
            if (world.TasksIn(clusterArn).Any(t => t.IsAlive && t.CapacityProviderName is { } name && removed.Contains(name)))
                throw EcsErrors.CapacityProviderInUse.With();
        }
        transaction.Put(updated);
        return updated;
    }

    /// <summary>The ACTIVE cluster a user named, or ClusterNotFoundException.</summary>
    public static Cluster RequireActive(EcsWorld world, string clusterArn) =>
        world.Clusters.TryGetValue(clusterArn, out var cluster) && cluster.Status == ClusterStatus.Active
            ? cluster
            : throw EcsErrors.ClusterNotFound.With();

    /// <summary>
    /// Deletes a cluster (it turns INACTIVE), refused while it still has ACTIVE or DRAINING services or tasks
    /// that have not stopped.
    /// </summary>
    public static Cluster Delete(EcsTransaction transaction, string clusterArn)
    {
        var cluster = RequireActive(transaction.World, clusterArn);
        if (transaction.World.ServicesIn(clusterArn).Any(s => s.Status != ServiceStatus.Inactive))
            throw EcsErrors.ClusterContainsServices.With();
        if (transaction.World.TasksIn(clusterArn).Any(t => t.IsAlive))
            throw EcsErrors.ClusterContainsTasks.With();
        var deleted = cluster with { Status = ClusterStatus.Inactive };
        transaction.Put(deleted);
        return deleted;
    }
}
