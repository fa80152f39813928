using EcsWorkshop.Simulator.Errors;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tags;

/// <summary>
/// ECS's tag limits: at most 50 tags per resource, keys 1–128 characters, values up to 256, both made of letters,
/// digits, spaces and <c>+ - = . _ : / @</c>, and no keys under the reserved <c>aws:</c> prefix.
/// </summary>
public static partial class TagRules
{
    public const int MaxTags = 50;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex AllowedCharacters();

    /// <summary>Refuses a set of tags that breaks any rule.</summary>
    public static void Validate(ImmutableArray<Tag> tags)
    {
        if (tags.Length > MaxTags)
            throw EcsErrors.TooManyTags.With(MaxTags);
        foreach (var tag in tags)
        {
            ValidateKey(tag.Key);
            if (tag.Value.Length > MaxValueLength)
                throw EcsErrors.TagValueTooLong.With(MaxValueLength);
            if (!AllowedCharacters().IsMatch(tag.Value))
                throw InvalidCharacters();
        }
    }

    /// <summary>Refuses tag keys (as UntagResource names them) that no tag could have.</summary>
    public static void ValidateKeys(ImmutableArray<string> keys)
    {
        foreach (var key in keys) ValidateKey(key);
    }

    /// <summary>Tags with <paramref name="added"/> set (a key given again takes the new value).</summary>
    public static ImmutableArray<Tag> Merge(ImmutableArray<Tag> existing, IEnumerable<Tag> added)
    {
        var result = existing.IsDefault ? [] : existing.ToList();
        foreach (var tag in added)
        {
            var at = result.FindIndex(t => t.Key == tag.Key);
            if (at >= 0) result[at] = tag;
            else result.Add(tag);
        }
        var merged = result.ToImmutableArray();
        Validate(merged);
        return merged;
    }

    private static void ValidateKey(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
            throw EcsErrors.TagKeyLength.With(MaxKeyLength);
        if (!AllowedCharacters().IsMatch(key))
            throw InvalidCharacters();
        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            throw EcsErrors.TagKeyReservedPrefix.With();
    }

    private static DomainError InvalidCharacters() =>
        EcsErrors.TagInvalidCharacters.With();
}
