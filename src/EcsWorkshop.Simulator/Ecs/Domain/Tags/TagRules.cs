using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tags;

/// <summary>ECS's tag limits: at most 50 tags, keys 1–128 characters, values up to 256, no <c>aws:</c> prefix.</summary>
public static class TagRules
{
    public const int MaxTags = 50;

    public static void Validate(ImmutableArray<Tag> tags)
    {
        if (tags.Length > MaxTags)
            throw EcsErrors.InvalidParameter($"The number of tags exceeds the limit of {MaxTags}.");
        foreach (var tag in tags)
        {
            if (string.IsNullOrEmpty(tag.Key) || tag.Key.Length > 128)
                throw EcsErrors.InvalidParameter("Tag keys must be between 1 and 128 characters.");
            if (tag.Value.Length > 256)
                throw EcsErrors.InvalidParameter("Tag values must be at most 256 characters.");
            if (tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                throw EcsErrors.InvalidParameter("Tag keys may not begin with the reserved prefix 'aws:'.");
        }
    }

    /// <summary>Tags with <paramref name="added"/> set (a key given again takes the new value).</summary>
    public static ImmutableArray<Tag> Merge(ImmutableArray<Tag> existing, IEnumerable<Tag> added)
    {
        var result = existing.ToList();
        foreach (var tag in added)
        {
            result.RemoveAll(t => t.Key == tag.Key);
            result.Add(tag);
        }
        var merged = result.ToImmutableArray();
        Validate(merged);
        return merged;
    }
}
