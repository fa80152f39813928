using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tags;

/// <summary>TagResource and UntagResource on clusters, services, tasks and task definitions.</summary>
public static class TagCommands
{
    /// <summary>
    /// Adds tags to a resource; a key it already has takes the new value. The whole request is refused when a tag
    /// breaks ECS's rules or the resource would end up with more than <see cref="TagRules.MaxTags"/> tags.
    /// </summary>
    public static ImmutableArray<Tag> Tag(EcsTransaction transaction, EcsArns arns, string? resourceArn, ImmutableArray<Tag> tags)
    {
        var target = TagQueries.Find(arns, resourceArn);
        TagRules.Validate(tags);
        var merged = TagRules.Merge(TagQueries.TagsOf(transaction.World, target), tags);
        Retag(transaction, target, merged);
        return merged;
    }

    /// <summary>Removes the tags with the given keys; keys the resource does not have are ignored.</summary>
    public static ImmutableArray<Tag> Untag(EcsTransaction transaction, EcsArns arns, string? resourceArn, ImmutableArray<string> keys)
    {
        var target = TagQueries.Find(arns, resourceArn);
        TagRules.ValidateKeys(keys);
        var remaining = TagQueries.TagsOf(transaction.World, target).RemoveAll(tag => keys.Contains(tag.Key));
        Retag(transaction, target, remaining);
        return remaining;
    }

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
