using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public static partial class EcsMapper
{
    public static CreateClusterCommand ToDomain(CreateClusterRequest request) => new(
        request.ClusterName,
        ToDomain(request.Tags),
        request.Settings is null ? [] : [.. request.Settings.Select(s => new ClusterSetting(s.Name ?? "", s.Value ?? ""))],
        request.CapacityProviders is null ? [] : [.. request.CapacityProviders],
        ToDomain(request.DefaultCapacityProviderStrategy));

    /// <summary>A list of capacity provider names (a null entry is a missing member).</summary>
    public static System.Collections.Immutable.ImmutableArray<string> ToCapacityProviders(List<string> providers) =>
        [.. providers.Select(p => p ?? throw EcsErrors.Missing.With("capacityProviders"))];

    /// <summary>Which optional parts DescribeClusters was asked to include, each checked against ECS's list.</summary>
    public static ISet<string> ToClusterFields(List<string>? include) =>
        new HashSet<string>((include ?? []).Select(f => ParseEnum(f, "include", EcsWireNames.ClusterIncludeFields)), StringComparer.Ordinal);

    /// <summary>A cluster as ECS describes it; tags, settings and statistics only when asked to include them.</summary>
    public static ClusterShape ToShape(Cluster cluster, ClusterCounts counts, ISet<string>? include = null) => new()
    {
        ClusterArn = cluster.Arn,
        ClusterName = cluster.Name,
        Status = EcsWireNames.ClusterStatuses.NameOf(cluster.Status),
        RunningTasksCount = counts.RunningTasks,
        PendingTasksCount = counts.PendingTasks,
        ActiveServicesCount = counts.ActiveServices,
        Statistics = include?.Contains("STATISTICS") == true ? [] : null,
        Tags = include is null || include.Contains("TAGS") ? ToShape(cluster.Tags) : null,
        Settings = include is null || include.Contains("SETTINGS")
            ? [.. cluster.Settings.Select(s => new ClusterSettingShape { Name = s.Name, Value = s.Value })]
            : null,
        CapacityProviders = [.. cluster.CapacityProviders],
        DefaultCapacityProviderStrategy = ToShape(cluster.DefaultCapacityProviderStrategy),
    };
}
