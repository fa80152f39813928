using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Ecs.Domain.Services;

/// <summary>One service DescribeServices was asked about: the service with its counts, or the ARN reported MISSING.</summary>
public sealed record ServiceLookupResult(string Reference, Service? Service, ServiceCounts? Counts, string MissingArn);

/// <summary>What ListServices filters on.</summary>
public sealed record ListServicesQuery(string ClusterArn, LaunchType? LaunchType, string? SchedulingStrategy);

/// <summary>Reading services: in batches within a cluster (DescribeServices) and by filters (ListServices).</summary>
public static class ServiceQueries
{
    /// <summary>DescribeServices takes at most this many services.</summary>
    public const int MaxDescribeServices = 10;

    /// <summary>DescribeServices: each name or ARN resolved, in the order given. The cluster must exist.</summary>
    public static IReadOnlyList<ServiceLookupResult> Describe(EcsWorld world, EcsArns arns, string clusterArn, IReadOnlyList<string>? references)
    {
        if (references is not { Count: > 0 }) throw EcsErrors.Missing.With("services");
        if (references.Count > MaxDescribeServices) throw EcsErrors.TooManyServices.With(MaxDescribeServices);
        if (!world.Clusters.ContainsKey(clusterArn)) throw EcsErrors.ClusterNotFound.With();

        var found = references.Select(r => (Reference: r, Service: ServiceLookup.Find(world, arns, clusterArn, r))).ToList();
        var counts = ServiceCounts.For(world, found.Where(f => f.Service is not null).Select(f => f.Service!).DistinctBy(s => s.Arn));
        return [.. found.Select(f => new ServiceLookupResult(
            f.Reference, f.Service, f.Service is null ? null : counts[f.Service.Arn], ServiceLookup.ArnFor(arns, clusterArn, f.Reference)))];
    }

    /// <summary>ListServices: one page of the ARNs of the cluster's active services that match the filters.</summary>
    public static (IReadOnlyList<string> Page, string? NextToken) List(EcsWorld world, ListServicesQuery query, string? nextToken, int? maxResults)
    {
        if (!world.Clusters.ContainsKey(query.ClusterArn)) throw EcsErrors.ClusterNotFound.With();
        var active = world.ServicesIn(query.ClusterArn)
            .Where(s => s.Status == ServiceStatus.Active
                && (query.LaunchType is null || s.LaunchType == query.LaunchType)
                && (query.SchedulingStrategy is null || s.SchedulingStrategy == query.SchedulingStrategy))
            .Select(s => s.Arn);
        return Paging.Page(active, nextToken, maxResults, defaultMax: 10);
    }
}
