using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Services;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed partial class EcsApi
{
    private const int MaxDescribeServices = 10;

    private void AddServiceOperations(AwsJsonService service) => service
        .On<CreateServiceRequest, CreateServiceResponse>("CreateService", CreateService)
        .On<DescribeServicesRequest, DescribeServicesResponse>("DescribeServices", DescribeServices)
        .On<ListServicesRequest, ListServicesResponse>("ListServices", ListServices)
        .On<UpdateServiceRequest, UpdateServiceResponse>("UpdateService", UpdateService)
        .On<DeleteServiceRequest, DeleteServiceResponse>("DeleteService", DeleteService);

    private CreateServiceResponse CreateService(RequestContext context, CreateServiceRequest request)
    {
        var arns = ArnsFor(context);
        var command = EcsMapper.ToDomain(request, arns);
        var (created, counts) = engine.Mutate(tx =>
        {
            var service = ServiceCommands.Create(tx, arns, command);
            return (service, ServiceCounts.Of(tx.World, service));
        });
        return new() { Service = EcsMapper.ToShape(created, counts, includeTags: true) };
    }

    private DescribeServicesResponse DescribeServices(RequestContext context, DescribeServicesRequest request)
    {
        if (request.Services is not { Count: > 0 } references) throw EcsErrors.Missing.With("services");
        if (references.Count > MaxDescribeServices)
            throw EcsErrors.TooManyServices.With(MaxDescribeServices);
        var include = EcsMapper.ToServiceFields(request.Include);
        var arns = ArnsFor(context);
        var clusterArn = arns.ClusterArnFor(request.Cluster);
        var world = engine.World;
        if (!world.Clusters.ContainsKey(clusterArn)) throw EcsErrors.ClusterNotFound.With();

        var found = references.Select(r => (Reference: r, Service: ServiceLookup.Find(world, arns, clusterArn, r))).ToList();
        var counts = ServiceCounts.For(world, found.Where(f => f.Service is not null).Select(f => f.Service!).DistinctBy(s => s.Arn));
        var response = new DescribeServicesResponse();
        foreach (var (reference, service) in found)
        {
            if (service is null)
                response.Failures.Add(EcsMapper.Missing(ServiceLookup.ArnFor(arns, clusterArn, reference)));
            else
                response.Services.Add(EcsMapper.ToShape(service, counts[service.Arn], include.Contains("TAGS")));
        }
        return response;
    }

    private ListServicesResponse ListServices(RequestContext context, ListServicesRequest request)
    {
        var launchType = EcsMapper.ToLaunchTypeFilter(request.LaunchType);
        var strategy = EcsMapper.ToSchedulingStrategyFilter(request.SchedulingStrategy);
        var clusterArn = ArnsFor(context).ClusterArnFor(request.Cluster);
        var world = engine.World;
        if (!world.Clusters.ContainsKey(clusterArn)) throw EcsErrors.ClusterNotFound.With();
        var active = world.ServicesIn(clusterArn)
            .Where(s => s.Status == ServiceStatus.Active
                && (launchType is null || s.LaunchType == launchType)
                && (strategy is null || s.SchedulingStrategy == strategy))
            .Select(s => s.Arn);
        var (page, next) = Paging.Page(active, request.NextToken, request.MaxResults, defaultMax: 10);
        return new() { ServiceArns = [.. page], NextToken = next };
    }

    private UpdateServiceResponse UpdateService(RequestContext context, UpdateServiceRequest request)
    {
        var arns = ArnsFor(context);
        var command = EcsMapper.ToDomain(request, arns);
        var (updated, counts) = engine.Mutate(tx =>
        {
            var service = ServiceCommands.Update(tx, arns, command);
            return (service, ServiceCounts.Of(tx.World, service));
        });
        return new() { Service = EcsMapper.ToShape(updated, counts, includeTags: true) };
    }

    private DeleteServiceResponse DeleteService(RequestContext context, DeleteServiceRequest request)
    {
        var arns = ArnsFor(context);
        var clusterArn = arns.ClusterArnFor(request.Cluster);
        var (deleted, counts) = engine.Mutate(tx =>
        {
            var service = ServiceCommands.Delete(tx, arns, clusterArn, request.Service, request.Force ?? false);
            return (service, ServiceCounts.Of(tx.World, service));
        });
        return new() { Service = EcsMapper.ToShape(deleted, counts, includeTags: true) };
    }
}
