using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Wire.Writers;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed partial class EcsApi
{
    private void AddServiceOperations(AwsJsonService service) => service
        .On<CreateServiceRequest, CreateServiceResponse>("CreateService", CreateService)
        .On<DescribeServicesRequest, DescribeServicesResponse>("DescribeServices", DescribeServices)
        .WritesAnswer<DescribeServicesResponse>(DescribeServicesAnswerWriter.Write)
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
        var include = EcsMapper.ToServiceFields(request.Include);
        var arns = ArnsFor(context);
        var world = engine.World;
        var lookups = ServiceQueries.Describe(world, arns, arns.ClusterArnFor(request.Cluster), request.Services);
        var response = new DescribeServicesResponse { Services = new(lookups.Count) };
        foreach (var lookup in lookups)
        {
            if (lookup is { Service: { } service, Counts: { } counts })
                response.Services.Add(DescribedServiceShapes.Of(world, service, counts, include.Contains("TAGS")));
            else
                response.Failures.Add(EcsMapper.Missing(lookup.MissingArn));
        }
        return response;
    }

    private ListServicesResponse ListServices(RequestContext context, ListServicesRequest request)
    {
        var query = new ListServicesQuery(
            ArnsFor(context).ClusterArnFor(request.Cluster),
            EcsMapper.ToLaunchTypeFilter(request.LaunchType),
            EcsMapper.ToSchedulingStrategyFilter(request.SchedulingStrategy));
        var (page, next) = ServiceQueries.List(engine.World, query, request.NextToken, request.MaxResults);
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
