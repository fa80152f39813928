using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Ecs.Domain.Clusters;

/// <summary>
/// How a capacity provider strategy is checked and how it spreads tasks over the providers — the same for a
/// service (CreateService, UpdateService) and for tasks run by hand (RunTask).
/// </summary>
/// <remarks>
/// <para>ECS documents the order (CapacityProviderStrategyItem): "Base requirements are satisfied first before weight
/// distribution", and weight is "the relative percentage of the total number of launched tasks" beyond the bases
/// (weight 1 and 4: "for every 1 task on A, 4 tasks will run on B").</para>
/// <para><b>Rounding is our choice.</b> ECS does not document how it rounds a weight split that does not divide
/// evenly. The simulator places tasks one at a time and gives each task beyond the bases to the provider furthest
/// below its exact share of them: for the n-th such task, the provider with the largest
/// <c>n × weight ÷ total weight − tasks it already has beyond its base</c>, ties to the provider listed first in
/// the strategy. With the two Fargate providers this keeps every provider's count at its exact share rounded to the
/// nearest whole task (a share ending in exactly one half goes up for the provider listed first), whatever number
/// of tasks has been placed so far — so starting 20 tasks at once or one by one gives the same split, and a stopped
/// task's replacement goes back to the provider it was missing from.</para>
/// </remarks>
public static class CapacityProviderRules
{
    /// <summary>
    /// Every provider of the strategy must be associated with the cluster, with weight 0–1000 and base 0–100000,
    /// and at least one must have a weight above zero. An empty strategy passes.
    /// </summary>
    public static void RequireUsable(Cluster cluster, ImmutableArray<CapacityProviderStrategyItem> strategy)
    {
        foreach (var item in strategy)
        {
            if (!cluster.CapacityProviders.Contains(item.CapacityProvider))
                throw EcsErrors.CapacityProviderNotAssociated.With();
            if (item.Weight is < 0 or > 1000 || item.Base is < 0 or > 100000)
                throw EcsErrors.CapacityProviderWeightOutOfRange.With();
        }
        if (strategy.Length > 0 && strategy.All(item => item.Weight == 0))
            throw EcsErrors.CapacityProviderWeightsAllZero.With();
    }

    /// <summary>
    /// The provider for the next task, given how many live tasks each provider already has: every provider's base
    /// first (in strategy order), then the provider furthest below its share of the tasks beyond the bases (see the
    /// remarks). Null without a strategy.
    /// </summary>
    public static string? ChooseFor(ImmutableArray<CapacityProviderStrategyItem> strategy, IReadOnlyDictionary<string, int> placed)
    {
        if (strategy.IsDefaultOrEmpty) return null;
        int Count(CapacityProviderStrategyItem item) => placed.GetValueOrDefault(item.CapacityProvider);
        int BeyondBase(CapacityProviderStrategyItem item) => Math.Max(0, Count(item) - item.Base);

        if (strategy.FirstOrDefault(item => Count(item) < item.Base) is { } belowBase) return belowBase.CapacityProvider;

        var totalWeight = strategy.Sum(item => item.Weight);
        if (totalWeight == 0) return strategy[0].CapacityProvider;
        var next = strategy.Sum(BeyondBase) + 1;
        CapacityProviderStrategyItem? chosen = null;
        var largestShortfall = double.NegativeInfinity;
        foreach (var item in strategy.Where(item => item.Weight > 0))
        {
            // Compared in whole numbers: next × weight − beyond × totalWeight is the shortfall scaled by totalWeight.
            var shortfall = (double)next * item.Weight - (double)BeyondBase(item) * totalWeight;
            if (shortfall > largestShortfall)
            {
                largestShortfall = shortfall;
                chosen = item;
            }
        }
        return (chosen ?? strategy[0]).CapacityProvider;
    }

    /// <summary>
    /// The provider of each of <paramref name="count"/> new tasks, none placed yet, in the order
    /// <see cref="ChooseFor"/> picks them; null without a strategy.
    /// </summary>
    public static string[]? Spread(ImmutableArray<CapacityProviderStrategyItem> strategy, int count) =>
        Spread(strategy, new Dictionary<string, int>(StringComparer.Ordinal), count);

    /// <summary>
    /// The provider of each of <paramref name="count"/> new tasks, given the tasks already placed (which the method
    /// does not change), in the order <see cref="ChooseFor"/> picks them; null without a strategy.
    /// </summary>
    public static string[]? Spread(ImmutableArray<CapacityProviderStrategyItem> strategy, IReadOnlyDictionary<string, int> alreadyPlaced, int count)
    {
        if (strategy.IsDefaultOrEmpty) return null;
        var placed = new Dictionary<string, int>(alreadyPlaced, StringComparer.Ordinal);
        var providers = new string[count];
        for (var i = 0; i < count; i++)
        {
            var chosen = ChooseFor(strategy, placed)!;
            placed[chosen] = placed.GetValueOrDefault(chosen) + 1;
            providers[i] = chosen;
        }
        return providers;
    }
}
