using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Iam.Model;

namespace EcsWorkshop.Sessions;

/// <summary>The session's tags in each service's shape, for the requests that create something.</summary>
internal static class SessionTagShapes
{
    public static IReadOnlyList<Tag> ForEcs(this SessionTags tags) => [.. tags.Pairs.Select(p => new Tag(p.Key, p.Value))];

    public static IReadOnlyList<EcrTag> ForEcr(this SessionTags tags) => [.. tags.Pairs.Select(p => new EcrTag(p.Key, p.Value))];

    public static IReadOnlyList<IamTag> ForIam(this SessionTags tags) => [.. tags.Pairs.Select(p => new IamTag(p.Key, p.Value))];

    public static Dictionary<string, string> ForLogs(this SessionTags tags) => tags.Pairs.ToDictionary(p => p.Key, p => p.Value);

    public static IReadOnlyList<Aws.Elb.Model.ElbTag> ForElb(this SessionTags tags) => [.. tags.Pairs.Select(p => new Aws.Elb.Model.ElbTag(p.Key, p.Value))];

    public static IReadOnlyList<Aws.Ec2.Model.Ec2Tag> ForEc2(this SessionTags tags) => [.. tags.Pairs.Select(p => new Aws.Ec2.Model.Ec2Tag(p.Key, p.Value))];

    /// <summary>True when ELBv2's tags (DescribeTags) mark a resource of this session.</summary>
    public static bool MarksElb(this SessionTags tags, IEnumerable<Aws.Elb.Model.ElbTag>? elbTags) =>
        tags.Marks((elbTags ?? []).Select(t => new KeyValuePair<string, string?>(t.Key, t.Value)));

    /// <summary>True when ECS's tags (the shape ListTagsForResource and Describe… answer) mark a resource of this session.</summary>
    public static bool MarksEcs(this SessionTags tags, IEnumerable<Tag>? ecsTags) =>
        tags.Marks((ecsTags ?? []).Select(t => new KeyValuePair<string, string?>(t.Key, t.Value)));
}
