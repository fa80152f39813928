using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed partial class EcsApi
{
    private const int MaxDescribeClusters = 100;

    private void AddClusterOperations(AwsJsonService service) => service
        .On<CreateClusterRequest, CreateClusterResponse>("CreateCluster", CreateCluster)
        .On<DescribeClustersRequest, DescribeClustersResponse>("DescribeClusters", DescribeClusters)
        .On<ListClustersRequest, ListClustersResponse>("ListClusters", ListClusters)
        .On<DeleteClusterRequest, DeleteClusterResponse>("DeleteCluster", DeleteCluster);

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
        var names = request.Clusters is { Count: > 0 } given ? given : ["default"];
        if (names.Count > MaxDescribeClusters)
            throw EcsErrors.TooManyClusters.With(MaxDescribeClusters);
        var include = new HashSet<string>(request.Include ?? [], StringComparer.Ordinal);
        var arns = ArnsFor(context);
        var world = engine.World;
        var response = new DescribeClustersResponse();
        foreach (var name in names)
        {
            var arn = arns.ClusterArnFor(name);
            if (world.Clusters.TryGetValue(arn, out var cluster))
                response.Clusters.Add(EcsMapper.ToShape(cluster, ClusterCounts.Of(world, cluster), include));
            else
                response.Failures.Add(EcsMapper.Missing(arn));
        }
        return response;
    }

    private ListClustersResponse ListClusters(RequestContext context, ListClustersRequest request)
    {
        var arns = ArnsFor(context);
        var active = engine.World.Clusters.Values
            .Where(c => c.Status == ClusterStatus.Active && arns.Owns(c.Arn))
            .Select(c => c.Arn);
        var (page, next) = Domain.Paging.Page(active, request.NextToken, request.MaxResults, defaultMax: 100);
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
}
