using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class DeregisterTaskDefinitionTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    public DeregisterTaskDefinitionTests() => _world.Register(TaskDefinitionSamples.Fargate());

    [Fact]
    public void Deregistering_marks_the_revision_inactive_with_the_time()
    {
        _world.Clock.Advance(TimeSpan.FromMinutes(5));

        var deregistered = _world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate:1" }).GetProperty("taskDefinition");

        Assert.Equal("INACTIVE", deregistered.GetProperty("status").GetString());
        Assert.Equal(_world.Clock.GetUtcNow().ToUnixTimeSeconds(), deregistered.GetProperty("deregisteredAt").GetDouble());
        Assert.Equal("INACTIVE", _world.Describe("sample-fargate:1").GetProperty("status").GetString());
    }

    [Fact]
    public void A_revision_can_be_deregistered_by_its_ARN()
    {
        var deregistered = _world.Ecs("DeregisterTaskDefinition", new { taskDefinition = TaskDefinitionSamples.Arn("sample-fargate", 1) });

        Assert.Equal("INACTIVE", deregistered.GetProperty("taskDefinition").GetProperty("status").GetString());
    }

    [Fact]
    public void A_bare_family_is_refused_because_a_revision_must_be_named()
    {
        var error = _world.EcsFails("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate" });

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("Revision is missing.", error.Message);
        Assert.Equal("ACTIVE", _world.Describe("sample-fargate:1").GetProperty("status").GetString());
    }

    [Fact]
    public void A_revision_that_is_not_a_number_is_an_invalid_parameter()
    {
        var error = _world.EcsFails("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate:latest" });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("Invalid revision number. Number: latest", error.Message);
    }

    [Fact]
    public void Deregistering_a_missing_revision_is_unable_to_describe_it()
    {
        var error = _world.EcsFails("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate:9" });

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("Unable to describe task definition.", error.Message);
    }

    [Fact]
    public void Deregistering_twice_keeps_the_first_deregistration_time()
    {
        var first = _world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate:1" }).GetProperty("taskDefinition");
        _world.Clock.Advance(TimeSpan.FromMinutes(1));

        var second = _world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate:1" }).GetProperty("taskDefinition");

        Assert.Equal(first.GetProperty("deregisteredAt").GetDouble(), second.GetProperty("deregisteredAt").GetDouble());
    }

    public void Dispose() => _world.Dispose();
}
