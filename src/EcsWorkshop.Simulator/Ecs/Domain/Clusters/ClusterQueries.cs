namespace EcsWorkshop.Simulator.Ecs.Domain.Clusters;

/// <summary>One cluster DescribeClusters was asked about: the cluster with its counts, or the ARN reported MISSING.</summary>
public sealed record ClusterLookup(string Arn, Cluster? Cluster, ClusterCounts? Counts);

/// <summary>Reading clusters: in batches by name or ARN (DescribeClusters) and all active ones (ListClusters).</summary>
public static class ClusterQueries
{
    /// <summary>DescribeClusters takes at most this many clusters.</summary>
    public const int MaxDescribeClusters = 100;

    /// <summary>The name DescribeClusters describes when given none.</summary>
    public const string DefaultCluster = "default";

    /// <summary>DescribeClusters: each name or ARN resolved, in the order given (<c>default</c> when none is given).</summary>
    public static IReadOnlyList<ClusterLookup> Describe(EcsWorld world, EcsArns arns, IReadOnlyList<string>? references)
    {
        var names = references is { Count: > 0 } given ? given : [DefaultCluster];
        if (names.Count > MaxDescribeClusters) throw EcsErrors.TooManyClusters.With(MaxDescribeClusters);
        return [.. names.Select(name =>
        {
            var arn = arns.ClusterArnFor(name);
            return world.Clusters.TryGetValue(arn, out var cluster)
                ? new ClusterLookup(arn, cluster, ClusterCounts.Of(world, cluster))
                : new ClusterLookup(arn, null, null);
        })];
    }

    /// <summary>ListClusters: one page of the ARNs of the region's active clusters.</summary>
    public static (IReadOnlyList<string> Page, string? NextToken) List(EcsWorld world, EcsArns arns, string? nextToken, int? maxResults)
    {
        var active = world.Clusters.Values
            .Where(c => c.Status == ClusterStatus.Active && arns.Owns(c.Arn))
            .Select(c => c.Arn);
        return Paging.Page(active, nextToken, maxResults, defaultMax: 100);
    }
}
