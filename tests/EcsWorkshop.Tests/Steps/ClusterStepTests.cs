using EcsWorkshop.Sessions;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Steps;

public sealed class ClusterStepTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Creating_a_cluster_returns_it_active_with_the_cli_command_for_the_simulator()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var name = Unique.Name("cluster");

        var step = await workshop.CreateClusterAsync(name);

        Assert.Equal(name, step.Value.Name);
        Assert.Equal("ACTIVE", step.Value.Status);
        Assert.Equal($"aws --endpoint-url {simulator.Server.Endpoint.ToString().TrimEnd('/')} --region ap-northeast-1 ecs create-cluster --cluster-name {name}", step.Command!.ToCommandLine(step.Target));
        Assert.Contains("ACTIVE", step.Note);
    }

    [Fact]
    public async Task A_created_cluster_carries_the_session_tags()
    {
        await using var workshop = await simulator.NewWorkshopAsync();

        var step = await workshop.CreateClusterAsync(Unique.Name("cluster"));

        var tags = await workshop.Aws.Ecs.ListTagsForResourceAsync(new() { ResourceArn = step.Value.Arn });
        Assert.Contains(tags.Tags!, t => t.Key == SessionTags.SessionKey && t.Value == workshop.SessionId);
        Assert.Contains(tags.Tags!, t => t.Key == "created-by" && t.Value == "ecs-workshop");
    }

    [Fact]
    public async Task The_fargate_size_table_judges_a_pair()
    {
        await using var workshop = await simulator.NewWorkshopAsync();

        Assert.Equal(7, workshop.FargateSizes().Value.Rows.Length);
        Assert.True(workshop.FargateSizes("256", "512").Value.Request!.IsValid);
        Assert.False(workshop.FargateSizes("256", "4096").Value.Request!.IsValid);
    }
}
