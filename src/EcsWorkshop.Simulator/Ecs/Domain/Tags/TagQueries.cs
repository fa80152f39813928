using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tags;

/// <summary>ListTagsForResource, and finding the resource an ARN names for the tag commands.</summary>
public static class TagQueries
{
    /// <summary>The tags of the resource an ARN names.</summary>
    public static ImmutableArray<Tag> List(EcsWorld world, EcsArns arns, string? resourceArn) =>
        TagsOf(world, Find(arns, resourceArn));

    /// <summary>The resource an ARN names; only resources of the caller's region and account can be found.</summary>
    public static TaggableResource Find(EcsArns arns, string? resourceArn)
    {
        var target = TaggableResource.Parse(resourceArn);
        if (target.Kind is null || !arns.Owns(target.Arn)) throw EcsErrors.ResourceNotFound.With();
        return target;
    }

    /// <summary>The tags the resource has now (ResourceNotFoundException when it does not exist).</summary>
    public static ImmutableArray<Tag> TagsOf(EcsWorld world, TaggableResource target) => target.Kind switch
    {
        TaggableKind.Cluster when world.Clusters.TryGetValue(target.Arn, out var cluster) => cluster.Tags,
        TaggableKind.Service when world.Services.TryGetValue(target.Arn, out var service) => service.Tags,
        TaggableKind.Task when world.Tasks.TryGetValue(target.Arn, out var task) => task.Tags,
        TaggableKind.TaskDefinition when world.TaskDefinitions.TryGetValue(target.Arn, out var taskDefinition) => taskDefinition.Tags,
        _ => throw EcsErrors.ResourceNotFound.With(),
    };
}
