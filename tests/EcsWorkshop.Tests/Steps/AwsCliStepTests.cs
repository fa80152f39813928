using System.Text.Json;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Steps;

/// <summary>RunAwsCliAsync runs the real AWS CLI (v2, /usr/bin/aws here) against the session's simulator.</summary>
public sealed class AwsCliStepTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task The_real_aws_cli_creates_a_cluster_in_the_simulator_and_the_helper_tags_it_for_cleanup()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("cli");

        var run = await workshop.RunAwsCliAsync($"aws ecs create-cluster --cluster-name {cluster}");

        Assert.True(run.Value.Succeeded, run.Value.Error);
        Assert.StartsWith("aws-cli/2", run.Value.CliVersion);
        Assert.Contains("--endpoint-url", run.Value.Arguments);
        Assert.Equal(cluster, JsonDocument.Parse(run.Value.Output).RootElement.GetProperty("cluster").GetProperty("clusterName").GetString());
        var tags = await workshop.Aws.Ecs.ListTagsForResourceAsync(new() { ResourceArn = Assert.Single(run.Value.Tagged) });
        Assert.True(workshop.Tags.Marks(tags.Tags!.Select(t => new KeyValuePair<string, string?>(t.Key, t.Value))));
    }

    [Fact]
    public async Task An_error_the_simulator_answers_is_the_runs_exit_code_and_message_not_an_exception()
    {
        await using var workshop = await simulator.NewWorkshopAsync();

        var run = await workshop.RunAwsCliAsync("""
            aws ecs create-cluster \
              --cluster-name "my cluster!"
            """);

        Assert.Equal(254, run.Value.ExitCode);
        Assert.Contains("InvalidParameterException", run.Value.Error);
        Assert.Empty(run.Value.Tagged);
    }

    [Fact]
    public async Task A_command_that_is_not_the_aws_cli_is_refused_in_japanese()
    {
        await using var workshop = await simulator.NewWorkshopAsync();

        var error = await Assert.ThrowsAsync<Errors.WorkshopStepException>(() => workshop.RunAwsCliAsync("rm -rf /tmp/x"));

        Assert.Equal("NotAnAwsCliCommand", error.Explanation.Code);
    }
}
