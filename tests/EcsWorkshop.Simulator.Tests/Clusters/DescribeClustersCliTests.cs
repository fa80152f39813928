using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Clusters;

/// <summary>DescribeClusters' <c>include</c> check, seen through the real AWS CLI v2 against a running simulator.</summary>
public sealed class DescribeClustersCliTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    [Fact]
    public async Task The_AWS_CLI_is_told_that_an_unknown_include_value_is_invalid()
    {
        Assert.True(AwsCli.IsInstalled, $"{AwsCli.Path} is missing");
        var cli = simulator.Cli;
        (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", "include-check")).Succeeded();

        var refused = await cli.FailsAsync("InvalidParameterException",
            "ecs", "describe-clusters", "--clusters", "include-check", "--include", "EVERYTHING");

        Assert.Contains("Value 'EVERYTHING' at 'include' failed to satisfy constraint", refused);
        var described = (await cli.RunAsync("ecs", "describe-clusters", "--clusters", "include-check", "--include", "TAGS", "SETTINGS"))
            .Succeeded().Json;
        Assert.Equal("include-check", described.GetProperty("clusters")[0].GetProperty("clusterName").GetString());
    }
}
