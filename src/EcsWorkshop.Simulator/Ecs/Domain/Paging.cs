using System.Globalization;
using System.Text;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>
/// ECS paging: <c>maxResults</c> (1–100) items per page and an opaque <c>nextToken</c> that says where the next
/// page starts.
/// </summary>
public static class Paging
{
    private const string TokenPrefix = "page:";

    /// <summary>One page of <paramref name="items"/> (already in listing order).</summary>
    public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IEnumerable<T> items, string? nextToken, int? maxResults, int defaultMax)
    {
        var max = maxResults ?? defaultMax;
        if (max is < 1 or > 100)
            throw EcsErrors.InvalidParameter("maxResults must be between 1 and 100.");
        var start = string.IsNullOrEmpty(nextToken) ? 0 : Decode(nextToken);
        var page = items.Skip(start).Take(max + 1).ToList();
        if (page.Count <= max) return (page, null);
        page.RemoveAt(max);
        return (page, Encode(start + max));
    }

    private static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenPrefix + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(TokenPrefix, StringComparison.Ordinal) &&
                int.TryParse(text.AsSpan(TokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                return offset;
        }
        catch (FormatException)
        {
        }
        throw EcsErrors.InvalidParameter("Invalid nextToken.");
    }
}
