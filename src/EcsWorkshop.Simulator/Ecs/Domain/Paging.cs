using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>ECS paging: <c>maxResults</c> (1–100) items per page and an opaque <c>nextToken</c>.</summary>
public static class Paging
{
    /// <summary>One page of <paramref name="items"/> (already in listing order).</summary>
    public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IEnumerable<T> items, string? nextToken, int? maxResults, int defaultMax)
    {
        var max = maxResults ?? defaultMax;
        if (max is < 1 or > 100)
            throw EcsErrors.MaxResultsOutOfRange.With();
        return OffsetPages.Page(items, nextToken, max, () => EcsErrors.InvalidNextToken.With());
    }
}
