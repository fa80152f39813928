using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Ecs;

public sealed class ClusterTests(Backends backends) : BackendTests(backends)
{
    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Creating_a_cluster_returns_it_ACTIVE_with_its_ARN(string backend)
    {
        var name = UniqueNames.Next("cluster");

        var cluster = (await On(backend).Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name })).Cluster!;

        Assert.Equal(name, cluster.ClusterName);
        Assert.Equal("ACTIVE", cluster.Status);
        Assert.Equal($"arn:aws:ecs:{Backends.Region}:123456789012:cluster/{name}", cluster.ClusterArn);
        Assert.Equal(0, cluster.RunningTasksCount ?? 0);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Creating_the_same_cluster_twice_returns_the_same_cluster(string backend)
    {
        var name = UniqueNames.Next("cluster");
        var first = (await On(backend).Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name })).Cluster!;

        var second = (await On(backend).Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name })).Cluster!;

        Assert.Equal(first.ClusterArn, second.ClusterArn);
        Assert.Equal("ACTIVE", second.Status);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_new_cluster_is_listed_across_all_pages(string backend)
    {
        var ecs = On(backend).Ecs;
        var arns = new List<string>();
        for (var i = 0; i < 3; i++)
            arns.Add((await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = UniqueNames.Next("listed") })).Cluster!.ClusterArn!);

        var listed = await ecs.ListAllClusterArnsAsync(new ListClustersRequest { MaxResults = 2 }).ToListAsync();

        Assert.Subset(listed.ToHashSet(), arns.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Describing_clusters_returns_the_known_ones_and_reports_unknown_ones_MISSING(string backend)
    {
        var name = UniqueNames.Next("cluster");
        var missing = UniqueNames.Next("missing");
        await On(backend).Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name });

        var response = await On(backend).Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [name, missing] });

        Assert.Equal(name, Assert.Single(response.Clusters!).ClusterName);
        var failure = Assert.Single(response.Failures!);
        Assert.Equal("MISSING", failure.Reason);
        Assert.EndsWith($"cluster/{missing}", failure.Arn);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_cluster_created_with_tags_shows_them_when_described_with_TAGS(string backend)
    {
        var name = UniqueNames.Next("tagged");
        await On(backend).Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name, Tags = [new Tag("project", "ecs-workshop")] });

        var cluster = Assert.Single((await On(backend).Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [name], Include = ["TAGS"] })).Clusters!);

        Assert.Equal([new Tag("project", "ecs-workshop")], cluster.Tags);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Deleting_a_cluster_makes_it_INACTIVE(string backend)
    {
        var name = UniqueNames.Next("cluster");
        await On(backend).Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name });

        var deleted = (await On(backend).Ecs.DeleteClusterAsync(new DeleteClusterRequest { Cluster = name })).Cluster!;

        Assert.Equal(name, deleted.ClusterName);
        Assert.Equal("INACTIVE", deleted.Status);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Deleting_an_unknown_cluster_is_ClusterNotFoundException(string backend)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            On(backend).Ecs.DeleteClusterAsync(new DeleteClusterRequest { Cluster = UniqueNames.Next("missing") }));

        Assert.Equal("ClusterNotFoundException", error.ErrorCode);
        Assert.Equal("Cluster not found.", error.ErrorMessage);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("ecs", error.Service);
        Assert.Equal("DeleteCluster", error.Operation);
    }

    [Fact]
    public async Task The_simulator_refuses_a_cluster_name_with_invalid_characters()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            Simulator.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "bad cluster!" }));

        Assert.Equal("InvalidParameterException", error.ErrorCode);
    }

    [Fact]
    public async Task Moto_accepts_a_cluster_name_with_invalid_characters_which_aws_refuses()
    {
        var name = "bad cluster! " + UniqueNames.Next("x");

        var cluster = (await Moto.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name })).Cluster!;

        Assert.Equal(name, cluster.ClusterName);
    }
}
