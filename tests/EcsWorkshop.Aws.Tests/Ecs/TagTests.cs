using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Ecs;

public sealed class TagTests(Backends backends) : BackendTests(backends)
{
    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Tags_added_to_a_cluster_are_listed_with_the_ones_it_was_created_with(string backend)
    {
        var ecs = On(backend).Ecs;
        var arn = (await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = UniqueNames.Next("cluster"), Tags = [new Tag("a", "1")] })).Cluster!.ClusterArn!;

        await ecs.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag("b", "2")] });
        var tags = (await ecs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn })).Tags!;

        Assert.Equal([new Tag("a", "1"), new Tag("b", "2")], tags.OrderBy(t => t.Key));
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_tag_with_an_existing_key_replaces_its_value(string backend)
    {
        var ecs = On(backend).Ecs;
        var arn = (await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(UniqueNames.Next("web")) with { Tags = [new Tag("stage", "dev")] })).TaskDefinition!.TaskDefinitionArn!;

        await ecs.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag("stage", "prod")] });

        Assert.Equal([new Tag("stage", "prod")], (await ecs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn })).Tags);
    }
}
