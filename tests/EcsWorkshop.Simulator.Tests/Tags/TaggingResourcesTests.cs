using System.Text.Json;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tags;

public sealed class TaggingResourcesTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    public static TheoryData<string> Kinds => ["cluster", "service", "task", "task-definition"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Tags_put_on_a_resource_are_listed_for_it(string kind)
    {
        var arn = ResourceOfKind(kind);

        _world.Ecs("TagResource", new { resourceArn = arn, tags = new[] { new { key = "team", value = "web" }, new { key = "env", value = "dev" } } });

        Assert.Equal(["team=web", "env=dev"], TagsOf(arn));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Untagging_removes_only_the_named_keys(string kind)
    {
        var arn = ResourceOfKind(kind);
        _world.Ecs("TagResource", new { resourceArn = arn, tags = new[] { new { key = "team", value = "web" }, new { key = "env", value = "dev" } } });

        _world.Ecs("UntagResource", new { resourceArn = arn, tagKeys = new[] { "env" } });

        Assert.Equal(["team=web"], TagsOf(arn));
    }

    [Fact]
    public void Tagging_a_key_again_replaces_its_value_and_keeps_the_others()
    {
        var arn = ClusterArn();
        _world.Ecs("TagResource", new { resourceArn = arn, tags = new[] { new { key = "team", value = "web" }, new { key = "env", value = "dev" } } });

        _world.Ecs("TagResource", new { resourceArn = arn, tags = new[] { new { key = "team", value = "platform" } } });

        Assert.Equal(["team=platform", "env=dev"], TagsOf(arn));
    }

    [Fact]
    public void Untagging_a_key_the_resource_does_not_have_changes_nothing()
    {
        var arn = ClusterArn();
        _world.Ecs("TagResource", new { resourceArn = arn, tags = new[] { new { key = "team", value = "web" } } });

        _world.Ecs("UntagResource", new { resourceArn = arn, tagKeys = new[] { "never-set" } });

        Assert.Equal(["team=web"], TagsOf(arn));
    }

    [Fact]
    public void A_resource_without_tags_lists_an_empty_tag_list()
    {
        var tags = _world.Ecs("ListTagsForResource", new { resourceArn = ClusterArn() }).GetProperty("tags");

        Assert.Equal(JsonValueKind.Array, tags.ValueKind);
        Assert.Empty(tags.EnumerateArray());
    }

    [Fact]
    public void Tags_given_when_the_cluster_was_created_are_listed_and_can_be_added_to()
    {
        var arn = _world.Ecs("CreateCluster", new { clusterName = "tagged", tags = new[] { new { key = "owner", value = "alice" } } })
            .GetProperty("cluster").GetProperty("clusterArn").GetString()!;

        _world.Ecs("TagResource", new { resourceArn = arn, tags = new[] { new { key = "env", value = "dev" } } });

        Assert.Equal(["owner=alice", "env=dev"], TagsOf(arn));
        var described = _world.Ecs("DescribeClusters", new { clusters = new[] { "tagged" }, include = new[] { "TAGS" } });
        Assert.Equal(2, described.GetProperty("clusters")[0].GetProperty("tags").GetArrayLength());
    }

    [Fact]
    public void Tag_changes_are_stored_and_survive_a_new_engine_on_the_same_store()
    {
        var arn = ClusterArn();
        _world.Ecs("TagResource", new { resourceArn = arn, tags = new[] { new { key = "team", value = "web" } } });

        var reloaded = new EcsEngine(_world.Store, _world.Clock, _world.Engine.Settings, IdGenerator.Seeded(1));

        Assert.Equal("team", Assert.Single(reloaded.World.Clusters[arn].Tags).Key);
    }

    [Fact]
    public void Tagging_answers_with_an_empty_object()
    {
        var response = _world.Ecs("TagResource", new { resourceArn = ClusterArn(), tags = new[] { new { key = "a", value = "b" } } });

        Assert.Equal("{}", response.GetRawText());
    }

    private string ClusterArn() =>
        _world.Ecs("CreateCluster", new { clusterName = "fargate-cluster" }).GetProperty("cluster").GetProperty("clusterArn").GetString()!;

    private string ResourceOfKind(string kind)
    {
        ClusterArn();
        var taskDefinition = _world.PutTaskDefinition("sample-fargate", 1);
        return kind switch
        {
            "cluster" => _world.Arns.Cluster("fargate-cluster"),
            "service" => _world.PutService("fargate-cluster", "fargate-service", taskDefinition),
            "task" => _world.PutStoppedTask("fargate-cluster", taskDefinition),
            "task-definition" => taskDefinition,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private List<string> TagsOf(string arn) =>
        [.. _world.Ecs("ListTagsForResource", new { resourceArn = arn }).GetProperty("tags").EnumerateArray()
            .Select(t => $"{t.GetProperty("key").GetString()}={t.GetProperty("value").GetString()}")];

    public void Dispose() => _world.Dispose();
}
