using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>
/// One change to the world, built under the engine's lock: reads see the changes made so far, every write is
/// recorded for the store. Nothing is visible to others (or stored) until the engine commits it; an exception
/// throws the whole change away, so a request is never half-applied.
/// </summary>
public sealed class EcsTransaction(EcsWorld world, DateTimeOffset now, IdGenerator ids, SimulationSettings settings, IContainerEnvironment? environment = null)
    : IWorldTransaction<EcsWorld>
{
    internal const string ClusterKind = "ecs/cluster";
    internal const string FamilyKind = "ecs/family";
    internal const string TaskDefinitionKind = "ecs/task-definition";
    internal const string ServiceKind = "ecs/service";
    internal const string TaskKind = "ecs/task";

    private readonly List<EntityChange> _changes = [];

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

    /// <summary>The changes recorded, in order.</summary>
    public IReadOnlyList<EntityChange> Changes => _changes;

    public void Put(Cluster cluster)
    {
        World = World with { Clusters = World.Clusters.SetItem(cluster.Arn, cluster) };
        Record(ClusterKind, cluster.Arn, cluster);
    }

    public void Put(TaskDefinitionFamily family)
    {
        World = World with { Families = World.Families.SetItem(family.Key, family) };
        Record(FamilyKind, family.Key, family);
    }

    public void Put(TaskDefinition taskDefinition)
    {
        World = World with { TaskDefinitions = World.TaskDefinitions.SetItem(taskDefinition.Arn, taskDefinition) };
        Record(TaskDefinitionKind, taskDefinition.Arn, taskDefinition);
    }

    public void Put(Service service)
    {
        World = World with { Services = World.Services.SetItem(service.Arn, service) };
        Record(ServiceKind, service.Arn, service);
    }

    public void Put(EcsTask task)
    {
        World = World with { Tasks = World.Tasks.SetItem(task.Arn, task) };
        Record(TaskKind, task.Arn, task);
    }

    public void RemoveTask(string taskArn)
    {
        World = World with { Tasks = World.Tasks.Remove(taskArn) };
        _changes.Add(new EntityChange(TaskKind, taskArn, null));
    }

    /// <summary>Removes a deleted task definition revision (its family keeps its last revision number).</summary>
    public void RemoveTaskDefinition(string taskDefinitionArn)
    {
        World = World with { TaskDefinitions = World.TaskDefinitions.Remove(taskDefinitionArn) };
        _changes.Add(new EntityChange(TaskDefinitionKind, taskDefinitionArn, null));
    }

    private void Record<T>(string kind, string key, T value) => _changes.Add(EntityChange.Write(kind, key, value));
}
