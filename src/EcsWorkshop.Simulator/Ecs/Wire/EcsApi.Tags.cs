using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed partial class EcsApi
{
    private void AddTagOperations(AwsJsonService service) => service
        .On<TagResourceRequest, EmptyShape>("TagResource", TagResource)
        .On<UntagResourceRequest, EmptyShape>("UntagResource", UntagResource)
        .On<ListTagsForResourceRequest, ListTagsForResourceResponse>("ListTagsForResource", ListTagsForResource);

    private EmptyShape TagResource(RequestContext context, TagResourceRequest request)
    {
        var tags = EcsMapper.ToDomain(request);
        engine.Mutate(tx => TagCommands.Tag(tx, ArnsFor(context), request.ResourceArn, tags));
        return new();
    }

    private EmptyShape UntagResource(RequestContext context, UntagResourceRequest request)
    {
        var keys = EcsMapper.ToDomain(request);
        engine.Mutate(tx => TagCommands.Untag(tx, ArnsFor(context), request.ResourceArn, keys));
        return new();
    }

    private ListTagsForResourceResponse ListTagsForResource(RequestContext context, ListTagsForResourceRequest request) =>
        new() { Tags = EcsMapper.ToShape(TagQueries.List(engine.World, ArnsFor(context), request.ResourceArn)) };
}
