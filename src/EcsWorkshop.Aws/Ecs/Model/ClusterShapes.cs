namespace EcsWorkshop.Aws.Ecs.Model;

/// <summary>A cluster setting, for example <c>containerInsights</c> = <c>enabled</c>.</summary>
public sealed record ClusterSetting(string? Name, string? Value);

/// <summary>An ECS cluster.</summary>
public sealed record Cluster
{
    public string? ClusterArn { get; init; }
    public string? ClusterName { get; init; }
    public string? Status { get; init; }
    public int? RegisteredContainerInstancesCount { get; init; }
    public int? RunningTasksCount { get; init; }
    public int? PendingTasksCount { get; init; }
    public int? ActiveServicesCount { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public IReadOnlyList<ClusterSetting>? Settings { get; init; }
    public IReadOnlyList<string>? CapacityProviders { get; init; }
    public IReadOnlyList<CapacityProviderStrategyItem>? DefaultCapacityProviderStrategy { get; init; }
}

public sealed record CreateClusterRequest
{
    /// <summary>The name (ECS uses <c>default</c> when omitted).</summary>
    public string? ClusterName { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public IReadOnlyList<ClusterSetting>? Settings { get; init; }
    public IReadOnlyList<string>? CapacityProviders { get; init; }
    public IReadOnlyList<CapacityProviderStrategyItem>? DefaultCapacityProviderStrategy { get; init; }
}

public sealed record CreateClusterResponse
{
    public Cluster? Cluster { get; init; }
}

public sealed record DescribeClustersRequest
{
    /// <summary>Names or ARNs (up to 100; the <c>default</c> cluster when omitted).</summary>
    public IReadOnlyList<string>? Clusters { get; init; }

    /// <summary>Extra detail: <c>TAGS</c>, <c>SETTINGS</c>, <c>STATISTICS</c>…</summary>
    public IReadOnlyList<string>? Include { get; init; }
}

public sealed record DescribeClustersResponse
{
    public IReadOnlyList<Cluster>? Clusters { get; init; }
    public IReadOnlyList<Failure>? Failures { get; init; }
}

public sealed record ListClustersRequest
{
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record ListClustersResponse
{
    public IReadOnlyList<string>? ClusterArns { get; init; }
    public string? NextToken { get; init; }
}

public sealed record DeleteClusterRequest
{
    public required string Cluster { get; init; }
}

public sealed record DeleteClusterResponse
{
    public Cluster? Cluster { get; init; }
}

public sealed record PutClusterCapacityProvidersRequest
{
    public required string Cluster { get; init; }
    /// <summary>Every provider the cluster is to have (those left out are disassociated).</summary>
    public required IReadOnlyList<string> CapacityProviders { get; init; }
    /// <summary>The cluster's default strategy; an empty list for none.</summary>
    public required IReadOnlyList<CapacityProviderStrategyItem> DefaultCapacityProviderStrategy { get; init; }
}

public sealed record PutClusterCapacityProvidersResponse
{
    public Cluster? Cluster { get; init; }
}
