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
    : WorldTransaction<EcsWorld>(world, now)
{
    private readonly List<string> _changedTasks = [];

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

    /// <summary>What happened to tasks in this change, one event per task still in the world, in the order first changed.</summary>
    public IReadOnlyList<TaskChanged> TaskEvents(EcsWorld before) =>
    [
        .. _changedTasks.Distinct(StringComparer.Ordinal)
            .Where(World.Tasks.ContainsKey)
            .Select(arn => new TaskChanged(before.Tasks.GetValueOrDefault(arn), World.Tasks[arn], World)),
    ];

    public void Put(Cluster cluster) => Write(cluster, static (w, r) => w with { Clusters = w.Clusters.SetItem(r.Arn, r) });

    public void Put(TaskDefinitionFamily family) => Write(family, static (w, r) => w with { Families = w.Families.SetItem(r.Key, r) });

    public void Put(TaskDefinition taskDefinition) => Write(taskDefinition, static (w, r) => w with { TaskDefinitions = w.TaskDefinitions.SetItem(r.Arn, r) });

    public void Put(Service service) => Write(service, static (w, r) => w with { Services = w.Services.SetItem(r.Arn, r) });

    public void Put(EcsTask task)
    {
        Write(task, static (w, r) => w with { Tasks = w.Tasks.SetItem(r.Arn, r) });
        _changedTasks.Add(task.Arn);
    }

    public void RemoveTask(string taskArn) => Delete<EcsTask>(taskArn, static (w, key) => w with { Tasks = w.Tasks.Remove(key) });

    /// <summary>Removes a deleted task definition revision (its family keeps its last revision number).</summary>
    public void RemoveTaskDefinition(string taskDefinitionArn) =>
        Delete<TaskDefinition>(taskDefinitionArn, static (w, key) => w with { TaskDefinitions = w.TaskDefinitions.Remove(key) });
}
