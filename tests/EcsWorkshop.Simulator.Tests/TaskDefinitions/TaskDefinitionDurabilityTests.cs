using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Storage;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class TaskDefinitionDurabilityTests : IDisposable
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("ecs-td-durability-").FullName;

    [Fact]
    public void Registered_revisions_survive_a_restart_exactly_as_they_were()
    {
        string before;
        using (var world = Open())
        {
            var request = TaskDefinitionSamples.Fargate();
            request.Web()["linuxParameters"] = new JsonObject { ["initProcessEnabled"] = true };
            request["tags"] = new JsonArray(new JsonObject { ["key"] = "env", ["value"] = "dev" });
            world.Register(request);
            world.Register(request);
            world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate:2" });
            before = world.Describe("sample-fargate:1").GetRawText();
        }

        using var reopened = Open();

        Assert.Equal(before, reopened.Describe("sample-fargate:1").GetRawText());
        Assert.Equal("INACTIVE", reopened.Describe("sample-fargate:2").GetProperty("status").GetString());
        Assert.Equal(1, reopened.Describe("sample-fargate").GetProperty("revision").GetInt32());
    }

    [Fact]
    public void Revision_numbering_continues_after_a_restart()
    {
        using (var world = Open())
        {
            world.Register(TaskDefinitionSamples.Fargate());
            world.Register(TaskDefinitionSamples.Fargate());
        }

        using var reopened = Open();

        Assert.Equal(3, reopened.Register(TaskDefinitionSamples.Fargate()).GetProperty("revision").GetInt32());
    }

    [Fact]
    public void A_deleted_revision_number_stays_used_after_a_restart()
    {
        using (var world = Open())
        {
            world.Register(TaskDefinitionSamples.Fargate());
            world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate:1" });
            world.Ecs("DeleteTaskDefinitions", new { taskDefinitions = new[] { "sample-fargate:1" } });
            world.Advance(TimeSpan.FromSeconds(1));
        }

        using var reopened = Open();

        Assert.Empty(reopened.Engine.World.TaskDefinitions);
        Assert.Equal(2, reopened.Register(TaskDefinitionSamples.Fargate()).GetProperty("revision").GetInt32());
    }

    private SimulatedWorld Open() => new(store: StateStore.Open(_stateDirectory));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
