using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Services;

namespace EcsWorkshop.Simulator.Ecs.Wire;

/// <summary>
/// The wire shapes DescribeServices answers with, built once per service and world snapshot and dropped with it.
/// A snapshot never changes (a change makes a new one), so a shape kept with it is what mapping the same service
/// and counts again would give; waiters poll DescribeServices many times between two changes. The shapes are
/// shared between answers: nothing may change them after they are built (the answer writers only read them).
/// </summary>
public static class DescribedServiceShapes
{
    private static readonly ConditionalWeakTable<EcsWorld, ConcurrentDictionary<(string Arn, bool IncludeTags), ServiceShape>> Built = [];

    /// <summary>The service of <paramref name="world"/> as DescribeServices shows it (its counts in that world).</summary>
    public static ServiceShape Of(EcsWorld world, Service service, ServiceCounts counts, bool includeTags) =>
        Built.GetValue(world, static _ => new())
            .GetOrAdd((service.Arn, includeTags), static (key, found) => EcsMapper.ToShape(found.Service, found.Counts, key.IncludeTags), (Service: service, Counts: counts));
}
