using System.Collections.Immutable;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>
/// Everything ECS holds, as one immutable value: every region's clusters, task definitions, services and tasks,
/// each keyed by ARN. Readers take a snapshot; writers build the next world in an <see cref="EcsTransaction"/>.
/// </summary>
public sealed record EcsWorld(
    ImmutableSortedDictionary<string, Cluster> Clusters,
    ImmutableSortedDictionary<string, TaskDefinitionFamily> Families,
    ImmutableSortedDictionary<string, TaskDefinition> TaskDefinitions,
    ImmutableSortedDictionary<string, Service> Services,
    ImmutableSortedDictionary<string, EcsTask> Tasks)
{
    /// <summary>A world with nothing in it.</summary>
    public static EcsWorld Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, Cluster>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, TaskDefinitionFamily>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, TaskDefinition>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Service>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, EcsTask>(StringComparer.Ordinal));

    /// <summary>The tasks of one cluster.</summary>
    public IEnumerable<EcsTask> TasksIn(string clusterArn) => Tasks.Values.Where(t => t.ClusterArn == clusterArn);

    /// <summary>The tasks a service started (of any deployment).</summary>
    public IEnumerable<EcsTask> TasksOf(Service service) => ServiceTaskIndex.TasksOf(this, service.Arn);

    /// <summary>The services of one cluster, whatever their status.</summary>
    public IEnumerable<Service> ServicesIn(string clusterArn) => Services.Values.Where(s => s.ClusterArn == clusterArn);
}
