using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class FamilyAndContainerValidationTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void A_family_is_required()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Remove("family");

        AssertRefused(request, "Family can not be blank.");
    }

    [Theory]
    [InlineData("bad name!")]
    [InlineData("dots.are.not.allowed")]
    [InlineData("slash/family")]
    public void Family_names_outside_letters_digits_hyphens_and_underscores_are_refused(string family)
    {
        AssertRefused(TaskDefinitionSamples.Fargate(family), "Family contains invalid characters.");
    }

    [Fact]
    public void A_family_name_of_256_characters_is_refused_and_255_accepted()
    {
        AssertRefused(TaskDefinitionSamples.Fargate(new string('f', 256)), "Family contains invalid characters.");

        Assert.Equal(1, _world.Register(TaskDefinitionSamples.Fargate(new string('f', 255))).GetProperty("revision").GetInt32());
    }

    [Fact]
    public void At_least_one_container_is_required()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["containerDefinitions"] = new JsonArray();

        AssertRefused(request, "Container list cannot be empty.");
    }

    [Fact]
    public void Every_container_needs_a_name()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Web().Remove("name");

        AssertRefused(request, "Container.name should not be null or empty.");
    }

    [Fact]
    public void Container_names_outside_letters_digits_hyphens_and_underscores_are_refused()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Web()["name"] = "web server";

        AssertRefused(request, "Container.name contains invalid characters.");
    }

    [Fact]
    public void Every_container_needs_an_image()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Web().Remove("image");

        AssertRefused(request, "Container.image should not be null or empty.");
    }

    [Fact]
    public void Two_containers_may_not_share_a_name()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["containerDefinitions"]!.AsArray().Add(new JsonObject { ["name"] = "web", ["image"] = "busybox", ["essential"] = false });

        AssertRefused(request, "Container names must be unique within a Task Definition.");
    }

    [Fact]
    public void At_least_one_container_must_be_essential()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Web()["essential"] = false;

        AssertRefused(request, "Task definition doesn't have any essential container.");
    }

    [Fact]
    public void A_sidecar_may_be_non_essential_beside_an_essential_container()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["containerDefinitions"]!.AsArray().Add(new JsonObject { ["name"] = "sidecar", ["image"] = "busybox", ["essential"] = false });

        var containers = _world.Register(request).GetProperty("containerDefinitions");

        Assert.False(containers[1].GetProperty("essential").GetBoolean());
    }

    private void AssertRefused(JsonObject request, string message)
    {
        var error = _world.RegisterFails(request);

        Assert.Equal("ClientException", error.Code);
        Assert.Equal(message, error.Message);
        Assert.Empty(_world.Engine.World.TaskDefinitions);
        Assert.Empty(_world.Engine.World.Families);
    }

    public void Dispose() => _world.Dispose();
}
