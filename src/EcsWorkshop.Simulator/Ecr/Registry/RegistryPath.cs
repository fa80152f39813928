using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Ecr.Registry;

/// <summary>What a <c>/v2/…</c> path addresses: the base, a repository's tags, manifests, blobs or uploads.</summary>
public sealed partial record RegistryPath(RegistryPath.Kind Target, string Name, string Reference)
{
    public enum Kind { Base, Tags, Manifest, Blob, Uploads, Upload }

    [GeneratedRegex("^/v2/(?<name>.+)/(?:(?<tags>tags/list)|manifests/(?<manifest>[^/]+)|blobs/uploads/(?<upload>[^/]*)|blobs/(?<blob>[^/]+))$")]
    private static partial Regex Pattern();

    /// <summary>Parses a request path; null when it is not a registry path.</summary>
    public static RegistryPath? Parse(string path)
    {
        if (path is "/v2" or "/v2/") return new RegistryPath(Kind.Base, "", "");
        var match = Pattern().Match(path);
        if (!match.Success) return null;
        var name = match.Groups["name"].Value;
        if (match.Groups["tags"].Success) return new(Kind.Tags, name, "");
        if (match.Groups["manifest"].Success) return new(Kind.Manifest, name, match.Groups["manifest"].Value);
        if (match.Groups["upload"].Success)
            return match.Groups["upload"].Value.Length == 0 ? new(Kind.Uploads, name, "") : new(Kind.Upload, name, match.Groups["upload"].Value);
        return new(Kind.Blob, name, match.Groups["blob"].Value);
    }
}
