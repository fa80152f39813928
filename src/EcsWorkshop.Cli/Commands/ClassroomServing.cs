using System.Net;
using System.Security.Cryptography;
using EcsWorkshop.Classroom.Dashboard;
using EcsWorkshop.Lessons;

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
    /// The lessons' titles for the dashboard, read from the notebooks themselves (each lesson's first heading, as the
    /// workbook names it): those of the repository around <paramref name="starts"/>' first folder that is in one (the
    /// working folder, then the command's own). None when no repository is found: the dashboard then shows lesson ids.
    /// </summary>
    public static LessonTitles LessonTitlesNear(params string[] starts)
    {
        foreach (var start in starts)
        {
            if (RepositoryFolders.FindRoot(start) is not { } root) continue;
            var notebooks = Path.Combine(root, RepositoryFolders.Notebooks);
            if (!Directory.Exists(notebooks)) continue;
            return new LessonTitles(Lesson.FindAll(notebooks).ToDictionary(l => l.Name, l => l.Title, StringComparer.Ordinal));
        }
        return LessonTitles.None;
    }

    /// <summary>
    /// The warning printed when the server listens on <paramref name="host"/>: null for a loopback address (only this
    /// machine reaches it); otherwise a warning naming the address, since anyone on that network can reach the server.
    /// </summary>
    public static string? ExposureWarning(string host) =>
        IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)
            ? null
            : $"警告: ループバック以外のアドレス {host} で待ち受けます。このネットワークにつながる誰からでもシミュレーターに届きます。" +
              "信頼できる教室のネットワークでだけ使い、終わったら止めてください。";

    /// <summary>
    /// The room's address as this machine opens it (the dashboard on the projector): a wildcard bind (<c>0.0.0.0</c>,
    /// <c>::</c>) is reached here through 127.0.0.1.
    /// </summary>
    public static string HereUrl(Uri endpoint) => Wildcard(endpoint) ? Rehost(endpoint, "127.0.0.1") : endpoint.ToString().TrimEnd('/');

    /// <summary>
    /// The room's address as the learners' machines reach it: for a wildcard bind, this machine's name (the host
    /// announces it, or its IP address, if the name does not resolve on the classroom's network).
    /// </summary>
    public static string LearnersUrl(Uri endpoint, string machineName) => Wildcard(endpoint) ? Rehost(endpoint, machineName) : endpoint.ToString().TrimEnd('/');

    private static bool Wildcard(Uri endpoint) =>
        IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any));

    private static string Rehost(Uri endpoint, string host) => new UriBuilder(endpoint) { Host = host }.Uri.ToString().TrimEnd('/');
}
