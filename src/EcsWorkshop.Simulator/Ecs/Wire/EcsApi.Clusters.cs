using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed partial class EcsApi
{
    private void AddClusterOperations(AwsJsonService service) => service
        .On<CreateClusterRequest, CreateClusterResponse>("CreateCluster", CreateCluster)
        .On<DescribeClustersRequest, DescribeClustersResponse>("DescribeClusters", DescribeClusters)
        .On<ListClustersRequest, ListClustersResponse>("ListClusters", ListClusters)
        .On<DeleteClusterRequest, DeleteClusterResponse>("DeleteCluster", DeleteCluster)
        .On<PutClusterCapacityProvidersRequest, PutClusterCapacityProvidersResponse>("PutClusterCapacityProviders", PutClusterCapacityProviders);

    private CreateClusterResponse CreateCluster(RequestContext context, CreateClusterRequest request)
    {
        var command = EcsMapper.ToDomain(request);
        var (cluster, counts) = engine.Mutate(tx =>
        {
            var created = ClusterCommands.Create(tx, ArnsFor(context), command);
            return (created, ClusterCounts.Of(tx.World, created));
        });
        return new() { Cluster = EcsMapper.ToShape(cluster, counts) };
    }

    private DescribeClustersResponse DescribeClusters(RequestContext context, DescribeClustersRequest request)
    {
        var include = EcsMapper.ToClusterFields(request.Include);
        var response = new DescribeClustersResponse();
        foreach (var lookup in ClusterQueries.Describe(engine.World, ArnsFor(context), request.Clusters))
        {
            if (lookup is { Cluster: { } cluster, Counts: { } counts })
                response.Clusters.Add(EcsMapper.ToShape(cluster, counts, include));
            else
                response.Failures.Add(EcsMapper.Missing(lookup.Arn));
        }
        return response;
    }

    private ListClustersResponse ListClusters(RequestContext context, ListClustersRequest request)
    {
        var (page, next) = ClusterQueries.List(engine.World, ArnsFor(context), request.NextToken, request.MaxResults);
        return new() { ClusterArns = [.. page], NextToken = next };
    }

    private DeleteClusterResponse DeleteCluster(RequestContext context, DeleteClusterRequest request)
    {
        if (string.IsNullOrEmpty(request.Cluster)) throw EcsErrors.Missing.With("cluster");
        var arn = ArnsFor(context).ClusterArnFor(request.Cluster);
        var (cluster, counts) = engine.Mutate(tx =>
        {
            var deleted = ClusterCommands.Delete(tx, arn);
            return (deleted, ClusterCounts.Of(tx.World, deleted));
        });
        return new() { Cluster = EcsMapper.ToShape(cluster, counts) };
    }

    /// <summary>All three members are required (the cluster, its providers, its default strategy — [] for none).</summary>
    private PutClusterCapacityProvidersResponse PutClusterCapacityProviders(RequestContext context, PutClusterCapacityProvidersRequest request)
    {
        if (string.IsNullOrEmpty(request.Cluster)) throw EcsErrors.Missing.With("cluster");
        if (request.CapacityProviders is null) throw EcsErrors.Missing.With("capacityProviders");
        if (request.DefaultCapacityProviderStrategy is null) throw EcsErrors.Missing.With("defaultCapacityProviderStrategy");
        var arn = ArnsFor(context).ClusterArnFor(request.Cluster);
        var providers = EcsMapper.ToCapacityProviders(request.CapacityProviders);
        var strategy = EcsMapper.ToDomain(request.DefaultCapacityProviderStrategy);
        var (cluster, counts) = engine.Mutate(tx =>
        {
            var updated = ClusterCommands.PutCapacityProviders(tx, arn, providers, strategy);
            return (updated, ClusterCounts.Of(tx.World, updated));
        });
        return new() { Cluster = EcsMapper.ToShape(cluster, counts) };
    }
}
