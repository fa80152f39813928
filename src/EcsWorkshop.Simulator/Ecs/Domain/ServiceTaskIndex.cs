using System.Runtime.CompilerServices;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>
/// The tasks of each service in one world snapshot, built on first use and kept as long as that snapshot lives.
/// A world never changes (a change makes a new one, with an index of its own), so the index can never be stale;
/// it spares every DescribeServices, CreateService and target-tracking pass a scan of every task in every cluster.
/// </summary>
public static class ServiceTaskIndex
{
    private static readonly ConditionalWeakTable<EcsWorld, ILookup<string, EcsTask>> Built = [];

    /// <summary>The tasks that <paramref name="serviceArn"/> started (of any deployment) in <paramref name="world"/>.</summary>
    public static IEnumerable<EcsTask> TasksOf(EcsWorld world, string serviceArn) =>
        Built.GetValue(world, Build)[serviceArn];

    private static ILookup<string, EcsTask> Build(EcsWorld world) =>
        world.Tasks.Values.Where(t => t.ServiceArn is not null).ToLookup(t => t.ServiceArn!, StringComparer.Ordinal);
}
