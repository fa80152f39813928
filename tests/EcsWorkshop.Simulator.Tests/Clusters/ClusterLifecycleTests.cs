using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Clusters;

public sealed class ClusterLifecycleTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void Creating_a_cluster_twice_returns_the_same_active_cluster()
    {
        var first = _world.Ecs("CreateCluster", new { clusterName = "fargate-cluster" }).GetProperty("cluster");
        var second = _world.Ecs("CreateCluster", new { clusterName = "fargate-cluster" }).GetProperty("cluster");

        Assert.Equal("arn:aws:ecs:ap-northeast-1:123456789012:cluster/fargate-cluster", first.GetProperty("clusterArn").GetString());
        Assert.Equal(first.GetProperty("clusterArn").GetString(), second.GetProperty("clusterArn").GetString());
        Assert.Equal("ACTIVE", second.GetProperty("status").GetString());
        Assert.Single(_world.Engine.World.Clusters);
    }

    [Fact]
    public void A_cluster_without_a_name_is_called_default()
    {
        var cluster = _world.Ecs("CreateCluster").GetProperty("cluster");

        Assert.Equal("default", cluster.GetProperty("clusterName").GetString());
    }

    [Theory]
    [InlineData("bad name!")]
    [InlineData("dots.are.not.allowed")]
    public void Cluster_names_outside_letters_digits_hyphens_and_underscores_are_refused(string name)
    {
        var error = _world.EcsFails("CreateCluster", new { clusterName = name });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains(name, error.Message);
        Assert.Empty(_world.Engine.World.Clusters);
    }

    [Fact]
    public void A_deleted_cluster_turns_inactive_and_leaves_the_list()
    {
        _world.Ecs("CreateCluster", new { clusterName = "old" });

        var deleted = _world.Ecs("DeleteCluster", new { cluster = "old" }).GetProperty("cluster");

        Assert.Equal("INACTIVE", deleted.GetProperty("status").GetString());
        Assert.Empty(_world.Ecs("ListClusters").GetProperty("clusterArns").EnumerateArray());
        var described = _world.Ecs("DescribeClusters", new { clusters = new[] { "old" } }).GetProperty("clusters");
        Assert.Equal("INACTIVE", described[0].GetProperty("status").GetString());
    }

    [Fact]
    public void Deleting_a_missing_cluster_is_ClusterNotFoundException()
    {
        var error = _world.EcsFails("DeleteCluster", new { cluster = "nope" });

        Assert.Equal("ClusterNotFoundException", error.Code);
        Assert.Equal("Cluster not found.", error.Message);
    }

    [Fact]
    public void Describing_an_unknown_cluster_reports_it_missing()
    {
        var response = _world.Ecs("DescribeClusters", new { clusters = new[] { "ghost" } });

        Assert.Empty(response.GetProperty("clusters").EnumerateArray());
        var failure = response.GetProperty("failures")[0];
        Assert.Equal("arn:aws:ecs:ap-northeast-1:123456789012:cluster/ghost", failure.GetProperty("arn").GetString());
        Assert.Equal("MISSING", failure.GetProperty("reason").GetString());
    }

    [Fact]
    public void Listing_clusters_pages_with_max_results_and_next_token()
    {
        for (var i = 0; i < 5; i++) _world.Ecs("CreateCluster", new { clusterName = $"c{i}" });

        var first = _world.Ecs("ListClusters", new { maxResults = 2 });
        var second = _world.Ecs("ListClusters", new { maxResults = 2, nextToken = first.GetProperty("nextToken").GetString() });
        var third = _world.Ecs("ListClusters", new { maxResults = 2, nextToken = second.GetProperty("nextToken").GetString() });

        var all = new[] { first, second, third }.SelectMany(p => p.GetProperty("clusterArns").EnumerateArray()).Select(a => a.GetString()).ToList();
        Assert.Equal(5, all.Distinct().Count());
        Assert.False(third.TryGetProperty("nextToken", out _));
    }

    [Fact]
    public void Max_results_outside_1_to_100_is_refused()
    {
        Assert.Equal("InvalidParameterException", _world.EcsFails("ListClusters", new { maxResults = 101 }).Code);
    }

    public void Dispose() => _world.Dispose();
}
