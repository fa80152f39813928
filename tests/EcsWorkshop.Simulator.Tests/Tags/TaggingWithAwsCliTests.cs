using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tags;

public sealed class TaggingWithAwsCliTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    [Fact]
    public async Task The_aws_cli_tags_lists_and_untags_a_cluster()
    {
        var cli = simulator.Cli;
        var arn = (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", "tagged-by-cli")).Succeeded()
            .Json.GetProperty("cluster").GetProperty("clusterArn").GetString()!;

        var tagged = (await cli.RunAsync("ecs", "tag-resource", "--resource-arn", arn, "--tags", "key=team,value=web", "key=env,value=dev")).Succeeded();
        var listed = (await cli.RunAsync("ecs", "list-tags-for-resource", "--resource-arn", arn)).Succeeded().Json;
        (await cli.RunAsync("ecs", "untag-resource", "--resource-arn", arn, "--tag-keys", "env")).Succeeded();
        var afterUntag = (await cli.RunAsync("ecs", "list-tags-for-resource", "--resource-arn", arn)).Succeeded().Json;

        Assert.Equal("", tagged.StandardOutput.Trim());
        Assert.Equal(["team", "env"], listed.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("key").GetString()));
        Assert.Equal("web", afterUntag.GetProperty("tags")[0].GetProperty("value").GetString());
        Assert.Equal(1, afterUntag.GetProperty("tags").GetArrayLength());
    }

    [Fact]
    public async Task The_aws_cli_reports_an_unknown_resource_and_a_malformed_arn()
    {
        var cli = simulator.Cli;

        var missing = await cli.FailsAsync("ResourceNotFoundException",
            "ecs", "list-tags-for-resource", "--resource-arn", "arn:aws:ecs:ap-northeast-1:123456789012:cluster/never-created");
        var malformed = await cli.FailsAsync("InvalidParameterException",
            "ecs", "tag-resource", "--resource-arn", "not-an-arn", "--tags", "key=a,value=b");

        Assert.Contains("The specified resource could not be found.", missing);
        Assert.Contains("The ARN provided is invalid.", malformed);
    }
}
