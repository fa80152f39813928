using System.Text;
using EcsWorkshop.Aws.Ecr.Model;

namespace EcsWorkshop.Aws.Ecr;

/// <summary>A registry login: user (<c>AWS</c>), password, the registry and when the password expires.</summary>
public sealed record RegistryLogin(string UserName, string Password, string? ProxyEndpoint, DateTimeOffset? ExpiresAt)
{
    /// <summary>Never shows the password.</summary>
    public override string ToString() => $"RegistryLogin {{ UserName = {UserName}, ProxyEndpoint = {ProxyEndpoint}, ExpiresAt = {ExpiresAt:O} }}";
}

// The registry login, as `aws ecr get-login-password` gives it.
public sealed partial class EcrClient
{
    /// <summary>
    /// Gets an authorization token and splits it into user and password (the token is base64 of
    /// <c>AWS:PASSWORD</c>), for <c>docker login --username AWS --password-stdin REGISTRY</c>.
    /// </summary>
    public async Task<RegistryLogin> GetRegistryLoginAsync(CancellationToken cancellationToken = default)
    {
        var response = await GetAuthorizationTokenAsync(new GetAuthorizationTokenRequest(), cancellationToken).ConfigureAwait(false);
        var data = response.AuthorizationData?.FirstOrDefault(d => d.AuthorizationToken is not null)
            ?? throw new InvalidOperationException("GetAuthorizationToken returned no authorization data.");
        var (user, password) = DecodeAuthorizationToken(data.AuthorizationToken!);
        return new RegistryLogin(user, password, data.ProxyEndpoint, data.ExpiresAt);
    }

    /// <summary>Splits a token (base64 of <c>USER:PASSWORD</c>) into its user and password.</summary>
    public static (string UserName, string Password) DecodeAuthorizationToken(string authorizationToken)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorizationToken));
        }
        catch (FormatException)
        {
            throw new FormatException("The authorization token is not base64.");
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? (decoded[..colon], decoded[(colon + 1)..]) : throw new FormatException("The authorization token is not USER:PASSWORD.");
    }
}
