using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed partial class EcsApi
{
    private void AddTaskDefinitionOperations(AwsJsonService service) => service
        .On<RegisterTaskDefinitionRequest, RegisterTaskDefinitionResponse>("RegisterTaskDefinition", RegisterTaskDefinition)
        .On<DescribeTaskDefinitionRequest, DescribeTaskDefinitionResponse>("DescribeTaskDefinition", DescribeTaskDefinition)
        .On<ListTaskDefinitionsRequest, ListTaskDefinitionsResponse>("ListTaskDefinitions", ListTaskDefinitions)
        .On<ListTaskDefinitionFamiliesRequest, ListTaskDefinitionFamiliesResponse>("ListTaskDefinitionFamilies", ListTaskDefinitionFamilies)
        .On<DeregisterTaskDefinitionRequest, DeregisterTaskDefinitionResponse>("DeregisterTaskDefinition", DeregisterTaskDefinition)
        .On<DeleteTaskDefinitionsRequest, DeleteTaskDefinitionsResponse>("DeleteTaskDefinitions", DeleteTaskDefinitions);

    private RegisterTaskDefinitionResponse RegisterTaskDefinition(RequestContext context, RegisterTaskDefinitionRequest request)
    {
        var command = EcsMapper.ToDomain(request);
        var registered = engine.Mutate(tx => TaskDefinitionCommands.Register(tx, ArnsFor(context), command));
        return new()
        {
            TaskDefinition = EcsMapper.ToShape(registered),
            Tags = registered.Tags.IsEmpty ? null : EcsMapper.ToShape(registered.Tags),
        };
    }

    private DescribeTaskDefinitionResponse DescribeTaskDefinition(RequestContext context, DescribeTaskDefinitionRequest request)
    {
        var include = (request.Include ?? [])
            .Select((field, i) => EcsMapper.ParseEnum(field ?? "", $"include.{i + 1}.member", EcsWireNames.IncludeFields))
            .ToHashSet(StringComparer.Ordinal);
        var definition = TaskDefinitionQueries.Describe(engine.World, ArnsFor(context), request.TaskDefinition);
        return new()
        {
            TaskDefinition = EcsMapper.ToShape(definition),
            Tags = include.Contains("TAGS") ? EcsMapper.ToShape(definition.Tags) : null,
        };
    }

    private ListTaskDefinitionsResponse ListTaskDefinitions(RequestContext context, ListTaskDefinitionsRequest request)
    {
        var status = request.Status is null ? TaskDefinitionStatus.Active
            : EcsMapper.ParseEnum(request.Status, "status", EcsWireNames.TaskDefinitionStatuses);
        var descending = request.Sort is not null && EcsMapper.ParseEnum(request.Sort, "sort", EcsWireNames.SortDescending);
        var arns = TaskDefinitionQueries.List(engine.World, ArnsFor(context), request.FamilyPrefix, status, descending).Select(d => d.Arn);
        var (page, next) = Paging.Page(arns, request.NextToken, request.MaxResults, defaultMax: 100);
        return new() { TaskDefinitionArns = [.. page], NextToken = next };
    }

    private ListTaskDefinitionFamiliesResponse ListTaskDefinitionFamilies(RequestContext context, ListTaskDefinitionFamiliesRequest request)
    {
        var status = request.Status is null ? TaskDefinitionFamilyStatus.All
            : EcsMapper.ParseEnum(request.Status, "status", EcsWireNames.FamilyStatuses);
        var families = TaskDefinitionQueries.Families(engine.World, ArnsFor(context), request.FamilyPrefix, status);
        var (page, next) = Paging.Page(families, request.NextToken, request.MaxResults, defaultMax: 100);
        return new() { Families = [.. page], NextToken = next };
    }

    private DeregisterTaskDefinitionResponse DeregisterTaskDefinition(RequestContext context, DeregisterTaskDefinitionRequest request)
    {
        var deregistered = engine.Mutate(tx => TaskDefinitionCommands.Deregister(tx, ArnsFor(context), request.TaskDefinition));
        return new() { TaskDefinition = EcsMapper.ToShape(deregistered) };
    }

    private DeleteTaskDefinitionsResponse DeleteTaskDefinitions(RequestContext context, DeleteTaskDefinitionsRequest request)
    {
        var references = (request.TaskDefinitions ?? []).Select(r => r ?? "").ToList();
        var (deleted, failures) = engine.Mutate(tx => TaskDefinitionCommands.Delete(tx, ArnsFor(context), references));
        return new()
        {
            TaskDefinitions = [.. deleted.Select(EcsMapper.ToShape)],
            Failures = [.. failures.Select(f => new FailureShape { Arn = f.Arn, Reason = f.Reason })],
        };
    }
}
