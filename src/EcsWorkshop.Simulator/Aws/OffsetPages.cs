using System.Globalization;
using System.Text;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// Paging by position, shared by every simulated service: a page of up to <c>size</c> items and an opaque token
/// for where the next page starts. Each service checks its own limits and words its own errors.
/// </summary>
public static class OffsetPages
{
    private const string TokenPrefix = "page:";

    /// <summary>
    /// One page of <paramref name="items"/> (already in listing order) after <paramref name="token"/>; an invalid
    /// token throws what <paramref name="invalidToken"/> makes.
    /// </summary>
    public static (List<T> Page, string? NextToken) Page<T>(IEnumerable<T> items, string? token, int size, Func<Exception> invalidToken)
    {
        var start = string.IsNullOrEmpty(token) ? 0 : Decode(token) ?? throw invalidToken();
        var page = items.Skip(start).Take(size + 1).ToList();
        if (page.Count <= size) return (page, null);
        page.RemoveAt(size);
        return (page, Encode(start + size));
    }

    private static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenPrefix + offset.ToString(CultureInfo.InvariantCulture)));

    private static int? Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith(TokenPrefix, StringComparison.Ordinal) &&
                   int.TryParse(text.AsSpan(TokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
