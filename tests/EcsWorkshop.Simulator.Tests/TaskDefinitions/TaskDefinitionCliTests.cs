using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

/// <summary>The hands-on's task definition steps, typed into the real AWS CLI v2 against a running simulator.</summary>
public sealed class TaskDefinitionCliTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>, IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("ecs-td-cli-").FullName;

    [Fact]
    public async Task The_hands_on_task_definition_registers_describes_lists_and_deregisters_through_the_CLI()
    {
        var cli = simulator.Cli;
        var file = WriteJson("sample-fargate.json", TaskDefinitionSamples.Fargate("cli-sample-fargate"));

        var first = (await cli.RunAsync("ecs", "register-task-definition", "--cli-input-json", $"file://{file}")).Succeeded().Json;
        var second = (await cli.RunAsync("ecs", "register-task-definition", "--cli-input-json", $"file://{file}")).Succeeded().Json;

        Assert.Equal(1, first.GetProperty("taskDefinition").GetProperty("revision").GetInt32());
        Assert.Equal(2, second.GetProperty("taskDefinition").GetProperty("revision").GetInt32());
        Assert.Equal(["EC2", "FARGATE"], second.GetProperty("taskDefinition").GetProperty("compatibilities").Strings());

        var described = (await cli.RunAsync("ecs", "describe-task-definition", "--task-definition", "cli-sample-fargate")).Succeeded().Json
            .GetProperty("taskDefinition");
        Assert.Equal(2, described.GetProperty("revision").GetInt32());
        Assert.Equal(80, described.GetProperty("containerDefinitions")[0].GetProperty("portMappings")[0].GetProperty("hostPort").GetInt32());

        var listed = (await cli.RunAsync("ecs", "list-task-definitions", "--family-prefix", "cli-sample-fargate")).Succeeded().Json;
        Assert.Equal(
            [TaskDefinitionSamples.Arn("cli-sample-fargate", 1), TaskDefinitionSamples.Arn("cli-sample-fargate", 2)],
            listed.GetProperty("taskDefinitionArns").Strings());

        var deregistered = (await cli.RunAsync("ecs", "deregister-task-definition", "--task-definition", "cli-sample-fargate:2")).Succeeded().Json;
        Assert.Equal("INACTIVE", deregistered.GetProperty("taskDefinition").GetProperty("status").GetString());
        var latest = (await cli.RunAsync("ecs", "describe-task-definition", "--task-definition", "cli-sample-fargate")).Succeeded().Json;
        Assert.Equal(1, latest.GetProperty("taskDefinition").GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task A_size_Fargate_does_not_offer_fails_in_the_CLI_with_a_ClientException()
    {
        var file = WriteJson("too-much-memory.json", TaskDefinitionSamples.Fargate("cli-bad-size", cpu: "256", memory: "4096"));

        var error = await simulator.Cli.FailsAsync("ClientException",
            "ecs", "register-task-definition", "--cli-input-json", $"file://{file}");

        Assert.Contains("No Fargate configuration exists for given values: 256 CPU, 4096 memory.", error);
    }

    [Fact]
    public async Task A_deregistration_without_a_revision_fails_in_the_CLI()
    {
        await simulator.Cli.FailsAsync("ClientException", "ecs", "deregister-task-definition", "--task-definition", "cli-no-revision");
    }

    private string WriteJson(string name, JsonObject content)
    {
        var path = Path.Combine(_workDirectory, name);
        File.WriteAllText(path, content.ToJsonString());
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
