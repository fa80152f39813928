using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EcsWorkshop.Sessions;

/// <summary>
/// Where the helper keeps its sessions: in its own folder (<c>~/.ecs-workshop/sessions/</c>), one file per simulated
/// world, never inside the simulator's state folder. A world is the simulator's state folder when that is on this
/// machine (so every kernel on that world, whichever process serves it, shares one session), else its endpoint; two
/// worlds never share a file.
/// </summary>
public static class SessionFiles
{
    /// <summary>The folder, under the helper's home, that holds the simulator sessions.</summary>
    public const string FolderName = "sessions";

    /// <summary>The file earlier versions kept in the simulator's state folder; read (never written) when a world has no session yet.</summary>
    public const string LegacyFileName = "workshop-session.json";

    /// <summary>The session file of the world a simulator serves: keyed by its state folder when known, else by its endpoint.</summary>
    public static string ForSimulator(string homeDirectory, Uri endpoint, string? stateDirectory)
    {
        var (kind, world) = stateDirectory is null
            ? ("endpoint", endpoint.GetLeftPart(UriPartial.Authority).ToLowerInvariant())
            : ("state", Path.TrimEndingDirectorySeparator(Path.GetFullPath(stateDirectory)));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind} {world}")))[..16];
        var label = stateDirectory is null ? $"{endpoint.Host}-{endpoint.Port}" : Path.GetFileName(world);
        return Path.Combine(homeDirectory, FolderName, $"{kind}-{Slug(label)}-{hash}.json");
    }

    /// <summary>The session file of a learner in a classroom: one per room and access key (the key decides the account).</summary>
    public static string ForClassroom(string homeDirectory, Uri room, string accessKeyId)
    {
        var world = room.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"classroom {world} {accessKeyId}")))[..16];
        return Path.Combine(homeDirectory, FolderName, $"classroom-{Slug($"{room.Host}-{room.Port}")}-{hash}.json");
    }

    /// <summary>The session file of an AWS account and region.</summary>
    public static string ForAws(string homeDirectory, string account, string region) =>
        Path.Combine(homeDirectory, $"aws-session-{account}-{region}.json");

    /// <summary>
    /// Takes over the session an earlier version kept in the state folder (<see cref="LegacyFileName"/>), so that a
    /// learner who updates the workshop keeps the session (and what its cleanup finds). The old file is left as it is.
    /// </summary>
    public static void AdoptLegacy(string? stateDirectory, string sessionFile)
    {
        if (stateDirectory is null || File.Exists(sessionFile)) return;
        var legacy = Path.Combine(stateDirectory, LegacyFileName);
        if (!File.Exists(legacy)) return;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(sessionFile)!);
            File.Copy(legacy, sessionFile, overwrite: false);
        }
        catch (IOException)
        {
            // Another kernel adopted it first, or the old file went away meanwhile: either way there is nothing to take over.
        }
    }

    /// <summary>Deletes the sessions of state folders that no longer exist (a <c>workshop run</c>'s temporary world, a world deleted to start afresh).</summary>
    public static void ForgetVanishedWorlds(string homeDirectory)
    {
        var folder = Path.Combine(homeDirectory, FolderName);
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "state-*.json"))
        {
            if (SessionLedger.StateDirectoryOf(file) is { Length: > 0 } world && !Directory.Exists(world))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static string Slug(string text)
    {
        var slug = new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return slug.Length == 0 ? "world" : slug.Length > 32 ? slug[..32] : slug;
    }
}
