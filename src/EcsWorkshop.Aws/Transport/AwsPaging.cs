using System.Runtime.CompilerServices;

namespace EcsWorkshop.Aws.Transport;

/// <summary>Turns a paged list operation into one stream of items, following the next-page token to the end.</summary>
public static class AwsPaging
{
    /// <summary>
    /// Calls <paramref name="fetchPage"/> with no token, then with each page's token, until a page has none
    /// (or repeats the token it was asked with, as GetLogEvents does at the end of a stream).
    /// </summary>
    public static async IAsyncEnumerable<TItem> EnumerateAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IEnumerable<TItem>?> itemsOf,
        Func<TPage, string?> nextTokenOf,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        while (true)
        {
            var page = await fetchPage(token, cancellationToken).ConfigureAwait(false);
            foreach (var item in itemsOf(page) ?? []) yield return item;
            var next = nextTokenOf(page);
            if (string.IsNullOrEmpty(next) || next == token) yield break;
            token = next;
        }
    }
}
