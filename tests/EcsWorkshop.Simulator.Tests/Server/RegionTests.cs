using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Server;

public sealed class RegionTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    [Fact]
    public async Task Resources_land_in_the_region_the_cli_signed_for_and_stay_invisible_from_other_regions()
    {
        var ireland = new AwsCli(simulator.Server.Endpoint, "eu-west-1");
        var tokyo = new AwsCli(simulator.Server.Endpoint, "ap-northeast-1");

        var created = (await ireland.RunAsync("ecs", "create-cluster", "--cluster-name", "dublin-only")).Succeeded().Json;
        var listedInIreland = (await ireland.RunAsync("ecs", "list-clusters")).Succeeded().Json;
        var listedInTokyo = (await tokyo.RunAsync("ecs", "list-clusters")).Succeeded().Json;
        var describedFromTokyo = (await tokyo.RunAsync("ecs", "describe-clusters", "--clusters", "dublin-only")).Succeeded().Json;

        const string arn = "arn:aws:ecs:eu-west-1:123456789012:cluster/dublin-only";
        Assert.Equal(arn, created.GetProperty("cluster").GetProperty("clusterArn").GetString());
        Assert.Contains(arn, listedInIreland.GetProperty("clusterArns").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(listedInTokyo.GetProperty("clusterArns").EnumerateArray());
        Assert.Equal("MISSING", describedFromTokyo.GetProperty("failures")[0].GetProperty("reason").GetString());
    }
}
