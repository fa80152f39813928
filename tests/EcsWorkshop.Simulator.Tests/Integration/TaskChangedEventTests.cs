using System.Text.Json;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Ecs.Wire;
using EcsWorkshop.Simulator.Storage;
using EcsWorkshop.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EcsWorkshop.Simulator.Tests.Integration;

/// <summary>
/// Observers of the ECS engine (such as the task log writer) hear domain events: one <see cref="TaskChanged"/> per
/// task a committed change touched, with the task before and after the change, and nothing for changes to other records.
/// </summary>
public sealed class TaskChangedEventTests : IDisposable
{
    private sealed class Listener : IEcsObserver
    {
        public List<IReadOnlyList<TaskChanged>> Heard { get; } = [];

        public void TasksChanged(IReadOnlyList<TaskChanged> changes) => Heard.Add(changes);
    }

    private readonly StateStore _store = StateStore.InMemory();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private readonly Listener _listener = new();
    private readonly EcsEngine _engine;
    private readonly AwsJsonService _ecs;

    public TaskChangedEventTests()
    {
        _engine = new EcsEngine(_store, _clock, SimulationSettings.AtSpeed(1), IdGenerator.Seeded(7), observers: [_listener]);
        _ecs = new EcsApi(_engine).CreateService();
        Call("CreateCluster", new { clusterName = TaskTestSupport.Cluster });
        TestTaskDefinitions.PutFargate(_engine, new EcsArns(SimulatedWorld.Region, SimulatedAccount.Id));
    }

    private void Call(string operation, object request) =>
        _ecs.InvokeAsync(operation, RequestContext.For(SimulatedWorld.Region), JsonSerializer.SerializeToElement(request)).GetAwaiter().GetResult();

    private void RunTask() => Call("RunTask", new
    {
        cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network,
    });

    [Fact]
    public void Changes_to_clusters_and_task_definitions_are_not_heard()
    {
        Assert.Empty(_listener.Heard);
    }

    [Fact]
    public void A_task_started_by_RunTask_is_heard_once_as_new()
    {
        RunTask();

        var change = Assert.Single(Assert.Single(_listener.Heard));
        Assert.Null(change.Before);
        Assert.Equal(EcsTaskStatus.Provisioning, change.After.LastStatus);
        Assert.Same(_engine.World, change.World);
    }

    [Fact]
    public void A_task_written_twice_in_one_change_is_heard_once_with_its_state_before_the_change()
    {
        RunTask();
        var arn = _engine.World.Tasks.Keys.Single();

        _engine.Mutate(tx =>
        {
            tx.Put(tx.World.Tasks[arn] with { StartedBy = "first" });
            tx.Put(tx.World.Tasks[arn] with { StartedBy = "second" });
            return 0;
        });

        var change = Assert.Single(_listener.Heard[^1]);
        Assert.Null(change.Before!.StartedBy);
        Assert.Equal("second", change.After.StartedBy);
    }

    public void Dispose() => _store.Dispose();
}
