using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// Reads the credential scope (<c>AKID/DATE/REGION/SERVICE/aws4_request</c>) out of a SigV4
/// <c>Authorization</c> header, so that resources land in the region the client signed for.
/// </summary>
public static partial class SigV4CredentialScope
{
    [GeneratedRegex(@"Credential=(?<key>[^/,\s]+)/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/aws4_request")]
    private static partial Regex ScopePattern();

    /// <summary>The region of the scope, or null when the header is absent or not SigV4.</summary>
    public static string? RegionOf(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization)) return null;
        var match = ScopePattern().Match(authorization);
        return match.Success ? match.Groups["region"].Value : null;
    }

    /// <summary>The service the request was signed for (<c>ec2</c>, <c>elasticloadbalancing</c>), or null.</summary>
    public static string? ServiceOf(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization)) return null;
        var match = ScopePattern().Match(authorization);
        return match.Success ? match.Groups["service"].Value : null;
    }

    /// <summary>The access key id the request was signed with, or null.</summary>
    public static string? AccessKeyOf(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization)) return null;
        var match = ScopePattern().Match(authorization);
        return match.Success ? match.Groups["key"].Value : null;
    }
}
