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

        var results = new ServiceLookupResult[references.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var arn = ServiceLookup.ArnFor(arns, clusterArn, references[i]);
            var service = ServiceLookup.FindByArn(world, clusterArn, arn);
            results[i] = new ServiceLookupResult(references[i], service, service is null ? null : ServiceCounts.Of(world, service), arn);
        }
        return results;
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
