using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Ecs.Persistence;

/// <summary>
/// The storage adapter of ECS: which rows of the state folder hold its records (the kind names are part of the
/// schema, <see cref="StateSchema"/>), and how its world is read back. A new kind of record gets a
/// <see cref="RowKind{T}"/> here, in <see cref="Kinds"/> and in <see cref="Load"/>.
/// </summary>
public static class EcsRows
{
    public static RowKind<Cluster> Clusters { get; } = new("ecs/cluster", c => c.Arn);
    public static RowKind<TaskDefinitionFamily> Families { get; } = new("ecs/family", f => f.Key);
    public static RowKind<TaskDefinition> TaskDefinitions { get; } = new("ecs/task-definition", d => d.Arn);
    public static RowKind<Service> Services { get; } = new("ecs/service", s => s.Arn);
    public static RowKind<EcsTask> Tasks { get; } = new("ecs/task", t => t.Arn);

    /// <summary>Every kind of ECS row.</summary>
    public static RowKinds Kinds { get; } = new(Clusters, Families, TaskDefinitions, Services, Tasks);

    /// <summary>Reads the ECS world back from the store.</summary>
    public static EcsWorld Load(StateStore store)
    {
        var empty = EcsWorld.Empty;
        return new EcsWorld(
            Clusters.LoadAll(store, empty.Clusters),
            Families.LoadAll(store, empty.Families),
            TaskDefinitions.LoadAll(store, empty.TaskDefinitions),
            Services.LoadAll(store, empty.Services),
            Tasks.LoadAll(store, empty.Tasks));
    }
}
