using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class DescribeTaskDefinitionTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void A_family_name_means_its_latest_active_revision()
    {
        _world.Register(TaskDefinitionSamples.Fargate());
        _world.Register(TaskDefinitionSamples.Fargate());

        Assert.Equal(2, _world.Describe("sample-fargate").GetProperty("revision").GetInt32());
    }

    [Fact]
    public void After_the_latest_revision_is_deregistered_the_family_means_the_highest_remaining_active_one()
    {
        for (var i = 0; i < 3; i++) _world.Register(TaskDefinitionSamples.Fargate());
        _world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate:3" });

        Assert.Equal(2, _world.Describe("sample-fargate").GetProperty("revision").GetInt32());
    }

    [Fact]
    public void Family_colon_revision_and_the_ARN_find_that_revision_in_any_status()
    {
        _world.Register(TaskDefinitionSamples.Fargate());
        _world.Register(TaskDefinitionSamples.Fargate());
        _world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate:1" });

        var byRevision = _world.Describe("sample-fargate:1");
        var byArn = _world.Describe(TaskDefinitionSamples.Arn("sample-fargate", 1));

        Assert.Equal("INACTIVE", byRevision.GetProperty("status").GetString());
        Assert.Equal(byRevision.GetProperty("taskDefinitionArn").GetString(), byArn.GetProperty("taskDefinitionArn").GetString());
    }

    [Fact]
    public void A_family_without_active_revisions_cannot_be_described_by_name()
    {
        _world.Register(TaskDefinitionSamples.Fargate());
        _world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate:1" });

        var error = _world.EcsFails("DescribeTaskDefinition", new { taskDefinition = "sample-fargate" });

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("Unable to describe task definition.", error.Message);
    }

    [Theory]
    [InlineData("ghost")]
    [InlineData("ghost:1")]
    [InlineData("sample-fargate:2")]
    [InlineData("sample-fargate:latest")]
    [InlineData("arn:aws:ecs:ap-northeast-1:123456789012:task-definition/ghost:1")]
    public void A_missing_task_definition_is_unable_to_be_described(string reference)
    {
        _world.Register(TaskDefinitionSamples.Fargate());

        var error = _world.EcsFails("DescribeTaskDefinition", new { taskDefinition = reference });

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("Unable to describe task definition.", error.Message);
    }

    [Fact]
    public void Tags_come_back_only_when_asked_for()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["tags"] = new JsonArray(new JsonObject { ["key"] = "team", ["value"] = "platform" });
        _world.Register(request);

        var plain = _world.Ecs("DescribeTaskDefinition", new { taskDefinition = "sample-fargate" });
        var withTags = _world.Ecs("DescribeTaskDefinition", new { taskDefinition = "sample-fargate", include = new[] { "TAGS" } });

        Assert.False(plain.TryGetProperty("tags", out _));
        Assert.Equal("platform", withTags.GetProperty("tags")[0].GetProperty("value").GetString());
    }

    [Fact]
    public void Describing_returns_the_same_definition_that_was_registered()
    {
        var registered = _world.Register(TaskDefinitionSamples.Fargate());

        var described = _world.Describe("sample-fargate:1");

        Assert.Equal(registered.GetRawText(), described.GetRawText());
    }

    public void Dispose() => _world.Dispose();
}
