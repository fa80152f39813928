using EcsWorkshop.Facts.Simulator;
using System.Security.Cryptography;
using System.Text;

namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>
/// The passwords GetAuthorizationToken hands out and the registry accepts (user <c>AWS</c>). Like ECR's, a password
/// is valid for 12 hours and for the region it was issued in; it is signed with a key kept in the state directory,
/// so it stays valid across restarts and cannot be forged. A password names the account it was issued in (each
/// account of a classroom has its own key), so the registry knows whose repositories it opens.
/// </summary>
public sealed class RegistryTokens(byte[] key, TimeProvider time, string accountId)
{
    /// <summary>The tokens of the single-learner simulator's account.</summary>
    public RegistryTokens(byte[] key, TimeProvider time) : this(key, time, SimulatedAccount.Id)
    {
    }

    /// <summary>The account whose passwords these are.</summary>
    public string AccountId => accountId;

    /// <summary>How long a token is valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>Loads the signing key from <paramref name="directory"/> (creating it), or a fresh key when null.</summary>
    public static RegistryTokens Open(string? directory, TimeProvider time) => Open(directory, time, SimulatedAccount.Id);

    /// <summary>The tokens of <paramref name="account"/>, with the signing key in <paramref name="directory"/> (or a fresh key when null).</summary>
    public static RegistryTokens Open(string? directory, TimeProvider time, string account)
    {
        if (directory is null) return new RegistryTokens(RandomNumberGenerator.GetBytes(32), time, account);
        var path = Path.Combine(directory, "registry.key");
        if (!File.Exists(path))
        {
            var temporary = path + ".new";
            File.WriteAllBytes(temporary, RandomNumberGenerator.GetBytes(32));
            File.Move(temporary, path, overwrite: false);
        }
        return new RegistryTokens(File.ReadAllBytes(path), time, account);
    }

    /// <summary>A new password for a region, and when it expires.</summary>
    public (string Password, DateTimeOffset ExpiresAt) Issue(string region)
    {
        var expiresAt = time.GetUtcNow() + Lifetime;
        var payload = Base64Url(Encoding.UTF8.GetBytes($"{region}|{expiresAt.ToUnixTimeSeconds()}|{accountId}"));
        return ($"{payload}.{Sign(payload)}", expiresAt);
    }

    /// <summary>The region a password was issued for, or null when it is forged, malformed or expired.</summary>
    public string? RegionOf(string? password)
    {
        var dot = password?.IndexOf('.') ?? -1;
        if (dot <= 0) return null;
        var payload = password![..dot];
        var expected = Encoding.ASCII.GetBytes(Sign(payload));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(password[(dot + 1)..]))) return null;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(FromBase64Url(payload)));
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = text.Split('|');
        if (parts.Length is not (2 or 3) || !long.TryParse(parts[1], out var expires)) return null;
        // A password of an older simulator names no account: it was the single learner's.
        if ((parts.Length == 3 ? parts[2] : SimulatedAccount.Id) != accountId) return null;
        return DateTimeOffset.FromUnixTimeSeconds(expires) > time.GetUtcNow() ? parts[0] : null;
    }

    /// <summary>
    /// The account a password says it was issued in, without checking it (to find whose registry should check it);
    /// null when it names none that can be read.
    /// </summary>
    public static string? ClaimedAccountOf(string? password)
    {
        var dot = password?.IndexOf('.') ?? -1;
        if (dot <= 0) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(FromBase64Url(password![..dot]))).Split('|');
            return parts.Length == 3 ? parts[2] : parts.Length == 2 ? SimulatedAccount.Id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Sign(string payload) => Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return padded + new string('=', (4 - padded.Length % 4) % 4);
    }
}
