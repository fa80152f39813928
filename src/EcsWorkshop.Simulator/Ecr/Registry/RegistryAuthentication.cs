using System.Net.Http.Headers;
using System.Text;
using EcsWorkshop.Simulator.Ecr.Domain;
using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Simulator.Ecr.Registry;

/// <summary>
/// The registry's Basic authentication: user <c>AWS</c> and a password from <c>GetAuthorizationToken</c>, whose
/// region selects the repositories the request sees.
/// </summary>
public sealed class RegistryAuthentication(RegistryTokens tokens)
{
    /// <summary>
    /// The account the <c>AWS</c> password of a request says it was issued in, unchecked (the registry of that account
    /// checks it); null without such a password.
    /// </summary>
    public static string? ClaimedAccountOf(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) ||
            !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return null;
        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = credentials.IndexOf(':');
            return colon > 0 && credentials[..colon] == "AWS" ? RegistryTokens.ClaimedAccountOf(credentials[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The region of a valid <c>AWS</c> password, or the registry's 401.</summary>
    public string RegionOf(HttpRequest request)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) &&
            header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is not null)
        {
            string credentials;
            try
            {
                credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            }
            catch (FormatException)
            {
                throw RegistryErrors.Unauthorized.Refusal();
            }
            var colon = credentials.IndexOf(':');
            if (colon > 0 && credentials[..colon] == "AWS" && tokens.RegionOf(credentials[(colon + 1)..]) is { } region)
                return region;
        }
        throw RegistryErrors.Unauthorized.Refusal();
    }
}
