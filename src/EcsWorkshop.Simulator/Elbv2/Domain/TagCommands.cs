using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>Tags of load balancers, target groups and listeners (up to 50 each; keys 1–128, values 0–256 characters).</summary>
public static class TagCommands
{
    public const int MaxTags = 50;

    /// <summary>Tags as given, checked: no key twice, lengths within the model's limits.</summary>
    public static ImmutableSortedDictionary<string, string> Validated(IReadOnlyList<KeyValuePair<string, string>>? tags, string arn)
    {
        var result = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags ?? [])
        {
            if (key.Length is < 1 or > 128) throw Elbv2Errors.Constraint.With(key, "tags.member.key", "Member must have length between 1 and 128");
            if (value.Length > 256) throw Elbv2Errors.Constraint.With(value, "tags.member.value", "Member must have length less than or equal to 256");
            if (result.ContainsKey(key)) throw Elbv2Errors.DuplicateTagKeys.With(key);
            result = result.Add(key, value);
        }
        if (result.Count > MaxTags) throw Elbv2Errors.TooManyTags.With(arn);
        return result;
    }

    /// <summary>Adds (or overwrites) tags on every resource; all or none.</summary>
    public static void Add(Elbv2Transaction transaction, IReadOnlyList<string>? arns, IReadOnlyList<KeyValuePair<string, string>>? tags)
    {
        if (arns is not { Count: > 0 }) throw Elbv2Errors.MemberNull.With("resourceArns");
        if (tags is not { Count: > 0 }) throw Elbv2Errors.MemberNull.With("tags");
        foreach (var arn in arns)
            Update(transaction, arn, current => Validated([.. current.Where(t => tags.All(n => n.Key != t.Key)), .. tags], arn));
    }

    public static void Remove(Elbv2Transaction transaction, IReadOnlyList<string>? arns, IReadOnlyList<string>? keys)
    {
        if (arns is not { Count: > 0 }) throw Elbv2Errors.MemberNull.With("resourceArns");
        if (keys is null) throw Elbv2Errors.MemberNull.With("tagKeys");
        foreach (var arn in arns) Update(transaction, arn, current => current.RemoveRange(keys));
    }

    /// <summary>The tags of each resource, in the order asked.</summary>
    public static IReadOnlyList<(string Arn, ImmutableSortedDictionary<string, string> Tags)> Describe(Elbv2World world, IReadOnlyList<string>? arns)
    {
        if (arns is not { Count: > 0 }) throw Elbv2Errors.MemberNull.With("resourceArns");
        return [.. arns.Distinct().Select(arn => (arn, TagsOf(world, arn)))];
    }

    private static ImmutableSortedDictionary<string, string> TagsOf(Elbv2World world, string arn) => Kind(arn) switch
    {
        "loadbalancer" => LoadBalancerCommands.Require(world, arn).Tags,
        "targetgroup" => TargetGroupCommands.Require(world, arn).Tags,
        _ => ListenerCommands.Require(world, arn).Tags,
    };

    private static void Update(Elbv2Transaction transaction, string arn, Func<ImmutableSortedDictionary<string, string>, ImmutableSortedDictionary<string, string>> change)
    {
        switch (Kind(arn))
        {
            case "loadbalancer":
                var loadBalancer = LoadBalancerCommands.Require(transaction.World, arn);
                transaction.Put(loadBalancer with { Tags = change(loadBalancer.Tags) });
                break;
            case "targetgroup":
                var group = TargetGroupCommands.Require(transaction.World, arn);
                transaction.Put(group with { Tags = change(group.Tags) });
                break;
            default:
                var listener = ListenerCommands.Require(transaction.World, arn);
                transaction.Put(listener with { Tags = change(listener.Tags) });
                break;
        }
    }

    private static string Kind(string arn) =>
        Elbv2Arns.IsArnOf(arn, "loadbalancer/app") ? "loadbalancer"
        : Elbv2Arns.IsArnOf(arn, "targetgroup") ? "targetgroup"
        : Elbv2Arns.IsArnOf(arn, "listener/app") ? "listener"
        : throw Elbv2Errors.InvalidResourceArn.With(arn);
}
