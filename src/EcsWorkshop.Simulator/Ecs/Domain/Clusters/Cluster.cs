using System.Collections.Immutable;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;

namespace EcsWorkshop.Simulator.Ecs.Domain.Clusters;

/// <summary>An ECS cluster. Its task and service counts are not stored: they are derived from the world.</summary>
public sealed record Cluster(
    string Arn,
    string Name,
    ClusterStatus Status,
    DateTimeOffset CreatedAt,
    ImmutableArray<Tag> Tags,
    ImmutableArray<ClusterSetting> Settings,
    ImmutableArray<string> CapacityProviders,
    ImmutableArray<CapacityProviderStrategyItem> DefaultCapacityProviderStrategy);

public enum ClusterStatus { Active, Inactive }

/// <summary>A cluster setting, such as <c>containerInsights=enabled</c>.</summary>
public sealed record ClusterSetting(string Name, string Value);

/// <summary>One entry of a capacity provider strategy.</summary>
public sealed record CapacityProviderStrategyItem(string CapacityProvider, int Weight, int Base);
