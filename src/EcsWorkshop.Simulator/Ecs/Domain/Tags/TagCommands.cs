using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tags;

/// <summary>TagResource, UntagResource and ListTagsForResource on clusters, services, tasks and task definitions.</summary>
public static class TagCommands
{
    /// <summary>The tags of the resource an ARN names.</summary>
    public static ImmutableArray<Tag> List(EcsWorld world, EcsArns arns, string? resourceArn) =>
        TagsOf(world, Find(arns, resourceArn));

    /// <summary>
    /// Adds tags to a resource; a key it already has takes the new value. The whole request is refused when a tag
    /// breaks ECS's rules or the resource would end up with more than <see cref="TagRules.MaxTags"/> tags.
    /// </summary>
    public static ImmutableArray<Tag> Tag(EcsTransaction transaction, EcsArns arns, string? resourceArn, ImmutableArray<Tag> tags)
    {
        var target = Find(arns, resourceArn);
        TagRules.Validate(tags);
        var merged = TagRules.Merge(TagsOf(transaction.World, target), tags);
        Retag(transaction, target, merged);
        return merged;
    }

    /// <summary>Removes the tags with the given keys; keys the resource does not have are ignored.</summary>
    public static ImmutableArray<Tag> Untag(EcsTransaction transaction, EcsArns arns, string? resourceArn, ImmutableArray<string> keys)
    {
        var target = Find(arns, resourceArn);
        TagRules.ValidateKeys(keys);
        var remaining = TagsOf(transaction.World, target).RemoveAll(tag => keys.Contains(tag.Key));
        Retag(transaction, target, remaining);
        return remaining;
    }

    /// <summary>The resource an ARN names; only resources of the caller's region and account can be found.</summary>
    private static TaggableResource Find(EcsArns arns, string? resourceArn)
    {
        var target = TaggableResource.Parse(resourceArn);
        if (target.Kind is null || !arns.Owns(target.Arn)) throw EcsErrors.ResourceNotFound.With();
        return target;
    }

    private static ImmutableArray<Tag> TagsOf(EcsWorld world, TaggableResource target) => target.Kind switch
    {
        TaggableKind.Cluster when world.Clusters.TryGetValue(target.Arn, out var cluster) => cluster.Tags,
        TaggableKind.Service when world.Services.TryGetValue(target.Arn, out var service) => service.Tags,
        TaggableKind.Task when world.Tasks.TryGetValue(target.Arn, out var task) => task.Tags,
        TaggableKind.TaskDefinition when world.TaskDefinitions.TryGetValue(target.Arn, out var taskDefinition) => taskDefinition.Tags,
        _ => throw EcsErrors.ResourceNotFound.With(),
    };

    private static void Retag(EcsTransaction transaction, TaggableResource target, ImmutableArray<Tag> tags)
    {
        var world = transaction.World;
        switch (target.Kind)
        {
            case TaggableKind.Cluster:
                transaction.Put(world.Clusters[target.Arn] with { Tags = tags });
                break;
            case TaggableKind.Service:
                transaction.Put(world.Services[target.Arn] with { Tags = tags });
                break;
            case TaggableKind.Task:
                transaction.Put(world.Tasks[target.Arn] with { Tags = tags });
                break;
            case TaggableKind.TaskDefinition:
                transaction.Put(world.TaskDefinitions[target.Arn] with { Tags = tags });
                break;
            default:
                throw EcsErrors.ResourceNotFound.With();
        }
    }
}
