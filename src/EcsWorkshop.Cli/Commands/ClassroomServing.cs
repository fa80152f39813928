using System.Net;
using System.Security.Cryptography;

namespace EcsWorkshop.Cli.Commands;

/// <summary>What <c>workshop serve</c> decides and says about serving a room: the host token, and the exposure of a non-loopback address.</summary>
public static class ClassroomServing
{
    /// <summary>The line that gives the host token (the dashboard's key) at start.</summary>
    public const string HostTokenPrefix = "host token: ";

    /// <summary>A fresh host token: 32 bytes from a cryptographic random source, base64url (43 characters).</summary>
    public static string NewHostToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The warning printed when the server listens on <paramref name="host"/>: null for a loopback address (only this
    /// machine reaches it); otherwise a warning naming the address, since anyone on that network can reach the server.
    /// </summary>
    public static string? ExposureWarning(string host) =>
        IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)
            ? null
            : $"警告: ループバック以外のアドレス {host} で待ち受けます。このネットワークにつながる誰からでもシミュレーターに届きます。" +
              "信頼できる教室のネットワークでだけ使い、終わったら止めてください。";
}
