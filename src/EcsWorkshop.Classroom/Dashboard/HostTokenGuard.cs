using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Classroom.Dashboard;

/// <summary>
/// Lets only the host in: a request must carry the host token that <c>workshop serve --classroom</c> printed, as
/// <c>Authorization: Bearer TOKEN</c>, as <c>?token=TOKEN</c>, or in the cookie the page sets after a <c>?token=</c>
/// visit (so the address on the projector no longer shows the token). Tokens are compared in constant time.
/// </summary>
public sealed class HostTokenGuard(string hostToken)
{
    /// <summary>The cookie that carries the token after the first visit (HttpOnly, SameSite=Strict, this path only).</summary>
    public const string CookieName = "workshop-host-token";

    /// <summary>The query parameter that carries the token.</summary>
    public const string QueryName = "token";

    private readonly byte[] _token = Encoding.UTF8.GetBytes(hostToken);

    /// <summary>The token the request carries in its query string, when that one is right.</summary>
    public bool AllowsQuery(HttpRequest request) => Matches(request.Query[QueryName].ToString());

    /// <summary>Whether the request carries the host token in any of the accepted places.</summary>
    public bool Allows(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(authorization["Bearer ".Length..].Trim())) return true;
        if (AllowsQuery(request)) return true;
        return request.Cookies.TryGetValue(CookieName, out var cookie) && Matches(cookie);
    }

    /// <summary>Remembers the token in the host's browser for the dashboard's paths.</summary>
    public void Remember(HttpResponse response, string path) =>
        response.Cookies.Append(CookieName, Encoding.UTF8.GetString(_token), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = path,
            IsEssential = true,
        });

    private bool Matches(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);
}
