using System.Text.Json;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Wire;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class TaskDefinitionRevisionTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void The_first_registration_is_revision_1_and_each_register_adds_one()
    {
        var revisions = Enumerable.Range(0, 3)
            .Select(_ => _world.Register(TaskDefinitionSamples.Fargate()).GetProperty("revision").GetInt32())
            .ToList();

        Assert.Equal([1, 2, 3], revisions);
        Assert.Equal(TaskDefinitionSamples.Arn("sample-fargate", 3), _world.Describe("sample-fargate").GetProperty("taskDefinitionArn").GetString());
    }

    [Fact]
    public void Each_family_counts_its_own_revisions()
    {
        _world.Register(TaskDefinitionSamples.Fargate("api"));
        _world.Register(TaskDefinitionSamples.Fargate("api"));

        var worker = _world.Register(TaskDefinitionSamples.Fargate("worker"));

        Assert.Equal(1, worker.GetProperty("revision").GetInt32());
    }

    [Fact]
    public void Concurrent_registers_of_one_family_get_revisions_1_to_200_without_gaps_or_duplicates()
    {
        var revisions = new System.Collections.Concurrent.ConcurrentBag<int>();
        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < 25; i++)
                revisions.Add(_world.Register(TaskDefinitionSamples.Fargate("busy")).GetProperty("revision").GetInt32());
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(Enumerable.Range(1, 200), revisions.Order());
        Assert.Equal(200, _world.Engine.World.TaskDefinitions.Count);
    }

    [Fact]
    public void A_deregistered_revision_number_is_never_reused()
    {
        _world.Register(TaskDefinitionSamples.Fargate());
        _world.Register(TaskDefinitionSamples.Fargate());
        _world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate:2" });

        var next = _world.Register(TaskDefinitionSamples.Fargate());

        Assert.Equal(3, next.GetProperty("revision").GetInt32());
    }

    [Fact]
    public void A_deleted_revision_number_is_never_reused()
    {
        _world.Register(TaskDefinitionSamples.Fargate());
        _world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate:1" });
        _world.Ecs("DeleteTaskDefinitions", new { taskDefinitions = new[] { "sample-fargate:1" } });
        _world.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(_world.Engine.World.TaskDefinitions);

        var next = _world.Register(TaskDefinitionSamples.Fargate());

        Assert.Equal(2, next.GetProperty("revision").GetInt32());
    }

    [Fact]
    public void A_refused_registration_uses_up_no_revision()
    {
        _world.RegisterFails(TaskDefinitionSamples.Fargate(memory: "4096"));

        var first = _world.Register(TaskDefinitionSamples.Fargate());

        Assert.Equal(1, first.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Each_region_counts_its_own_revisions()
    {
        _world.Register(TaskDefinitionSamples.Fargate());
        _world.Register(TaskDefinitionSamples.Fargate());
        var ecs = new EcsApi(_world.Engine).CreateService();
        var body = JsonSerializer.SerializeToElement(TaskDefinitionSamples.Fargate());

        var oregon = (RegisterTaskDefinitionResponse)await ecs.InvokeAsync("RegisterTaskDefinition", RequestContext.For("us-west-2"), body);

        Assert.Equal(1, oregon.TaskDefinition!.Revision);
        Assert.Equal("arn:aws:ecs:us-west-2:123456789012:task-definition/sample-fargate:1", oregon.TaskDefinition.TaskDefinitionArn);
        Assert.Equal(2, _world.Describe("sample-fargate").GetProperty("revision").GetInt32());
    }

    public void Dispose() => _world.Dispose();
}
