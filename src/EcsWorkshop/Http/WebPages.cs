using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Http;

/// <summary>
/// Fetches a page as a browser would (GET, no proxy, no redirects followed) and reads what the workshop's pages say:
/// the task that answered and its <c>APP_VERSION</c> (the sample app's <c>id="task-id"</c>, the simulator's stand-in
/// page's <c>id="task"</c>, both with <c>id="app-version"</c>).
/// </summary>
internal static partial class WebPages
{
    /// <summary>The header the simulator's stand-in page carries (its value is the task id).</summary>
    public const string StandInHeader = "X-Workshop-Stand-In";

    public static HttpClient NewClient(TimeSpan timeout) =>
        new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromSeconds(2) })
        {
            Timeout = timeout,
        };

    public static async Task<WebPageView> FetchAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)))
            .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase);
        return new WebPageView
        {
            Url = url.ToString(),
            StatusCode = (int)response.StatusCode,
            ReasonPhrase = response.ReasonPhrase,
            Headers = [.. headers],
            Body = body,
            Text = TextOf(body),
            TaskId = Field(body, TaskId()),
            AppVersion = Field(body, AppVersion()),
            IsStandIn = response.Headers.Contains(StandInHeader),
        };
    }

    /// <summary>The text of an HTML body: tags removed, entities decoded, blank lines folded.</summary>
    public static string TextOf(string body)
    {
        var withoutHead = HeadOrScript().Replace(body, "");
        var text = WebUtility.HtmlDecode(Tag().Replace(withoutHead, "\n"));
        return string.Join("\n", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    private static string? Field(string body, Regex pattern) =>
        pattern.Match(body) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups["value"].Value).Trim() : null;

    [GeneratedRegex("id=\"task(?:-id)?\"[^>]*>(?<value>[^<]*)<")]
    private static partial Regex TaskId();

    [GeneratedRegex("id=\"app-version\"[^>]*>(?<value>[^<]*)<")]
    private static partial Regex AppVersion();

    [GeneratedRegex("<(head|script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HeadOrScript();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
