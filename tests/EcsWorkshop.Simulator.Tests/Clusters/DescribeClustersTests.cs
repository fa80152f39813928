using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Clusters;

/// <summary>
/// DescribeClusters validates like DescribeServices, DescribeTasks and DescribeTaskDefinition: an <c>include</c>
/// value outside ECS's list is refused, with the same words, before anything is read.
/// </summary>
public sealed class DescribeClustersTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void An_include_value_ECS_does_not_know_is_InvalidParameterException()
    {
        _world.Ecs("CreateCluster", new { clusterName = "workshop" });

        var error = _world.EcsFails("DescribeClusters", new { clusters = new[] { "workshop" }, include = new[] { "TAGS", "EVERYTHING" } });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal(
            "1 validation error detected: Value 'EVERYTHING' at 'include' failed to satisfy constraint: " +
            "Member must satisfy enum value set: [ATTACHMENTS, CONFIGURATIONS, SETTINGS, STATISTICS, TAGS]",
            error.Message);
    }

    [Fact]
    public void Services_refuse_an_unknown_include_value_with_the_same_words()
    {
        _world.Ecs("CreateCluster", new { clusterName = "workshop" });

        var error = _world.EcsFails("DescribeServices", new { cluster = "workshop", services = new[] { "web" }, include = new[] { "EVERYTHING" } });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.StartsWith("1 validation error detected: Value 'EVERYTHING' at 'include' failed to satisfy constraint: Member must satisfy enum value set: [", error.Message);
    }

    [Theory]
    [InlineData("ATTACHMENTS")]
    [InlineData("CONFIGURATIONS")]
    [InlineData("SETTINGS")]
    [InlineData("STATISTICS")]
    [InlineData("TAGS")]
    public void Every_include_value_ECS_documents_is_accepted(string include)
    {
        _world.Ecs("CreateCluster", new { clusterName = "workshop" });

        var described = _world.Ecs("DescribeClusters", new { clusters = new[] { "workshop" }, include = new[] { include } });

        Assert.Equal("workshop", described.GetProperty("clusters")[0].GetProperty("clusterName").GetString());
    }

    [Fact]
    public void More_than_100_clusters_is_InvalidParameterException()
    {
        var error = _world.EcsFails("DescribeClusters", new { clusters = Enumerable.Range(0, 101).Select(i => $"c{i}").ToArray() });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("clusters can have at most 100 items.", error.Message);
    }

    [Fact]
    public void A_cluster_that_does_not_exist_is_a_MISSING_failure_and_no_name_means_default()
    {
        var described = _world.Ecs("DescribeClusters", new { });

        var failure = Assert.Single(described.GetProperty("failures").EnumerateArray());
        Assert.Equal("arn:aws:ecs:ap-northeast-1:123456789012:cluster/default", failure.GetProperty("arn").GetString());
        Assert.Equal("MISSING", failure.GetProperty("reason").GetString());
        Assert.Empty(described.GetProperty("clusters").EnumerateArray());
    }

    public void Dispose() => _world.Dispose();
}
