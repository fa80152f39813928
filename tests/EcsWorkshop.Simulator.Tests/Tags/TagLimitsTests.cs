using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tags;

public sealed class TagLimitsTests : IDisposable
{
    private readonly SimulatedWorld _world = new();
    private readonly string _cluster;

    public TagLimitsTests() =>
        _cluster = _world.Ecs("CreateCluster", new { clusterName = "fargate-cluster" }).GetProperty("cluster").GetProperty("clusterArn").GetString()!;

    [Fact]
    public void Fifty_tags_are_allowed()
    {
        _world.Ecs("TagResource", new { resourceArn = _cluster, tags = Tags("k", 50) });

        Assert.Equal(50, TagCount());
    }

    [Fact]
    public void A_request_that_would_leave_more_than_fifty_tags_is_refused_whole()
    {
        _world.Ecs("TagResource", new { resourceArn = _cluster, tags = Tags("old", 40) });

        var error = _world.EcsFails("TagResource", new { resourceArn = _cluster, tags = Tags("new", 11) });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal(40, TagCount());
    }

    [Fact]
    public void Retagging_existing_keys_does_not_count_against_the_limit()
    {
        _world.Ecs("TagResource", new { resourceArn = _cluster, tags = Tags("k", 50) });

        _world.Ecs("TagResource", new { resourceArn = _cluster, tags = Tags("k", 10) });

        Assert.Equal(50, TagCount());
    }

    [Theory]
    [InlineData("", "value")]
    [InlineData("aws:reserved", "value")]
    [InlineData("AWS:Reserved", "value")]
    [InlineData("semi;colon", "value")]
    [InlineData("key", "semi;colon")]
    public void A_tag_that_breaks_the_rules_is_refused_and_nothing_is_tagged(string key, string value)
    {
        var error = _world.EcsFails("TagResource", new
        {
            resourceArn = _cluster,
            tags = new[] { new { key = "fine", value = "ok" }, new { key, value } },
        });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal(0, TagCount());
    }

    [Fact]
    public void Keys_up_to_128_and_values_up_to_256_characters_are_allowed_and_one_more_is_refused()
    {
        _world.Ecs("TagResource", new { resourceArn = _cluster, tags = new[] { new { key = new string('k', 128), value = new string('v', 256) } } });

        Assert.Equal("InvalidParameterException",
            _world.EcsFails("TagResource", new { resourceArn = _cluster, tags = new[] { new { key = new string('k', 129), value = "v" } } }).Code);
        Assert.Equal("InvalidParameterException",
            _world.EcsFails("TagResource", new { resourceArn = _cluster, tags = new[] { new { key = "k", value = new string('v', 257) } } }).Code);
        Assert.Equal(1, TagCount());
    }

    [Fact]
    public void Letters_of_any_script_spaces_and_the_allowed_symbols_are_accepted()
    {
        _world.Ecs("TagResource", new { resourceArn = _cluster, tags = new[] { new { key = "チーム name_1.2:3/4=5+6-7@8", value = "ウェブ 担当" } } });

        Assert.Equal(1, TagCount());
    }

    [Fact]
    public void Untagging_a_reserved_aws_key_is_refused()
    {
        var error = _world.EcsFails("UntagResource", new { resourceArn = _cluster, tagKeys = new[] { "aws:ecs:clusterName" } });

        Assert.Equal("InvalidParameterException", error.Code);
    }

    private static object[] Tags(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new { key = $"{prefix}{i}", value = $"v{i}" })];

    private int TagCount() =>
        _world.Ecs("ListTagsForResource", new { resourceArn = _cluster }).GetProperty("tags").GetArrayLength();

    public void Dispose() => _world.Dispose();
}
