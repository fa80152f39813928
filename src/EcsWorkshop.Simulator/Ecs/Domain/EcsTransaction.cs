using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>
/// One change to the world, built under the engine's lock: reads see the changes made so far, every write is
/// recorded (as a typed <see cref="RecordChange"/>, which the storage adapter turns into rows at commit). Nothing is
/// visible to others (or stored) until the engine commits it; an exception throws the whole change away, so a request
/// is never half-applied.
/// </summary>
public sealed class EcsTransaction(EcsWorld world, DateTimeOffset now, IdGenerator ids, SimulationSettings settings, IContainerEnvironment? environment = null,
    ILoadBalancing? loadBalancing = null, ITaskNetworks? networks = null)
    : IWorldTransaction<EcsWorld>
{
    private readonly List<RecordChange> _changes = [];
    private readonly List<string> _changedTasks = [];

    /// <summary>The world as this transaction has changed it so far.</summary>
    public EcsWorld World { get; private set; } = world;

    /// <summary>The simulation time of this change: every timestamp it writes uses it.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>Where new ids come from.</summary>
    public IdGenerator Ids { get; } = ids;

    /// <summary>The simulation speed and lifecycle durations.</summary>
    public SimulationSettings Settings { get; } = settings;

    /// <summary>The registry and log service around ECS, asked before a container starts.</summary>
    public IContainerEnvironment Environment { get; } = environment ?? StandaloneEnvironment.Instance;

    /// <summary>Elastic Load Balancing, where a service's tasks are registered as targets.</summary>
    public ILoadBalancing LoadBalancing { get; } = loadBalancing ?? NoLoadBalancing.Instance;

    /// <summary>The VPCs where awsvpc tasks get their subnet, zone and private address.</summary>
    public ITaskNetworks Networks { get; } = networks ?? ShapeOnlyNetworks.Instance;

    /// <summary>The changes recorded, in order.</summary>
    public IReadOnlyList<RecordChange> Changes => _changes;

    /// <summary>What happened to tasks in this change, one event per task still in the world, in the order first changed.</summary>
    public IReadOnlyList<TaskChanged> TaskEvents(EcsWorld before) =>
    [
        .. _changedTasks.Distinct(StringComparer.Ordinal)
            .Where(World.Tasks.ContainsKey)
            .Select(arn => new TaskChanged(before.Tasks.GetValueOrDefault(arn), World.Tasks[arn], World)),
    ];

    public void Put(Cluster cluster)
    {
        World = World with { Clusters = World.Clusters.SetItem(cluster.Arn, cluster) };
        _changes.Add(RecordChange.Write(cluster));
    }

    public void Put(TaskDefinitionFamily family)
    {
        World = World with { Families = World.Families.SetItem(family.Key, family) };
        _changes.Add(RecordChange.Write(family));
    }

    public void Put(TaskDefinition taskDefinition)
    {
        World = World with { TaskDefinitions = World.TaskDefinitions.SetItem(taskDefinition.Arn, taskDefinition) };
        _changes.Add(RecordChange.Write(taskDefinition));
    }

    public void Put(Service service)
    {
        World = World with { Services = World.Services.SetItem(service.Arn, service) };
        _changes.Add(RecordChange.Write(service));
    }

    public void Put(EcsTask task)
    {
        World = World with { Tasks = World.Tasks.SetItem(task.Arn, task) };
        _changes.Add(RecordChange.Write(task));
        _changedTasks.Add(task.Arn);
    }

    public void RemoveTask(string taskArn)
    {
        World = World with { Tasks = World.Tasks.Remove(taskArn) };
        _changes.Add(RecordChange.Remove<EcsTask>(taskArn));
    }

    /// <summary>Removes a deleted task definition revision (its family keeps its last revision number).</summary>
    public void RemoveTaskDefinition(string taskDefinitionArn)
    {
        World = World with { TaskDefinitions = World.TaskDefinitions.Remove(taskDefinitionArn) };
        _changes.Add(RecordChange.Remove<TaskDefinition>(taskDefinitionArn));
    }
}
