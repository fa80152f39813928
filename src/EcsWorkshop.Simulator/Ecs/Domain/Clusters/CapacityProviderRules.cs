using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Ecs.Domain.Clusters;

/// <summary>
/// How a capacity provider strategy is checked and how it spreads tasks over the providers — the same for a
/// service (CreateService) and for tasks run by hand (RunTask).
/// </summary>
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
    /// first, then the tasks beyond the bases in proportion to the weights. Null without a strategy.
    /// </summary>
    public static string? ChooseFor(ImmutableArray<CapacityProviderStrategyItem> strategy, IReadOnlyDictionary<string, int> placed)
    {
        if (strategy.IsDefaultOrEmpty) return null;
        int Count(CapacityProviderStrategyItem item) => placed.GetValueOrDefault(item.CapacityProvider);
        int BeyondBase(CapacityProviderStrategyItem item) => Math.Max(0, Count(item) - item.Base);
        var chosen = strategy.FirstOrDefault(item => Count(item) < item.Base)
            ?? strategy.Where(item => item.Weight > 0).MinBy(item => (BeyondBase(item) + 1.0) / item.Weight)
            ?? strategy[0];
        return chosen.CapacityProvider;
    }

    /// <summary>
    /// The provider of each of <paramref name="count"/> new tasks, none placed yet, in the order
    /// <see cref="ChooseFor"/> picks them; null without a strategy.
    /// </summary>
    public static string[]? Spread(ImmutableArray<CapacityProviderStrategyItem> strategy, int count)
    {
        if (strategy.IsDefaultOrEmpty) return null;
        var placed = new Dictionary<string, int>(StringComparer.Ordinal);
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
