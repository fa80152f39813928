using System.Text;

namespace EcsWorkshop.Images.Registry;

/// <summary>A user name and password for a registry's Basic authentication (ECR: user <c>AWS</c>).</summary>
public sealed record RegistryCredentials(string UserName, string Password)
{
    /// <summary>
    /// The credentials in an ECR authorization token (GetAuthorizationToken's <c>authorizationToken</c>, which is
    /// base64 of <c>AWS:PASSWORD</c>).
    /// </summary>
    public static RegistryCredentials FromEcrAuthorizationToken(string token)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException e)
        {
            throw new FormatException("The ECR authorization token is not base64.", e);
        }
        var colon = decoded.IndexOf(':');
        if (colon <= 0) throw new FormatException("The ECR authorization token is not USER:PASSWORD in base64.");
        return new RegistryCredentials(decoded[..colon], decoded[(colon + 1)..]);
    }

    /// <summary>The value of the <c>Authorization: Basic</c> header.</summary>
    internal string BasicParameter => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Password}"));

    public override string ToString() => $"{UserName}:***";
}
