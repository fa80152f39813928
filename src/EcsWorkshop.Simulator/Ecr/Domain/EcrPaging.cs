using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>ECR paging: <c>maxResults</c> 1–1000 (default 100) and an opaque <c>nextToken</c>.</summary>
public static class EcrPaging
{
    /// <summary>One page of <paramref name="items"/> (already in listing order).</summary>
    public static (List<T> Page, string? NextToken) Page<T>(IEnumerable<T> items, string? nextToken, int? maxResults)
    {
        var max = maxResults ?? 100;
        if (max is < 1 or > 1000) throw EcrErrors.MaxResultsOutOfRange.With();
        return OffsetPages.Page(items, nextToken, max, () => EcrErrors.InvalidNextToken.With());
    }
}
