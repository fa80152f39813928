using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace EcsWorkshop.Images;

/// <summary>
/// An image reference as docker understands it — <c>[registry/]repository[:tag][@digest]</c> — with Docker Hub as the
/// default registry and <c>library/</c> as its default namespace: <c>nginx:alpine</c> is
/// <c>docker.io/library/nginx:alpine</c>; <c>localhost:4566/web:1</c> is the repository <c>web</c> on <c>localhost:4566</c>.
/// </summary>
public sealed partial record ImageReference(string Registry, string Repository, string? Tag, Digest? Digest)
{
    /// <summary>Docker Hub's registry name.</summary>
    public const string DockerHub = "docker.io";

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"^[\w][\w.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?$")]
    private static partial Regex RegistryPattern();

    /// <summary>The tag, or <c>latest</c> when the reference names neither a tag nor a digest.</summary>
    public string TagOrLatest => Tag ?? "latest";

    /// <summary>What a manifest request asks for: the digest when there is one, else the tag.</summary>
    public string ManifestReference => Digest?.ToString() ?? TagOrLatest;

    /// <summary>The fully qualified form, <c>docker.io/library/nginx:alpine</c>.</summary>
    public string FullName => $"{Registry}/{Repository}{(Tag is null && Digest is not null ? "" : ":" + TagOrLatest)}{(Digest is { } d ? "@" + d : "")}";

    /// <summary>Parses a reference; false when it is not a valid image reference.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageReference? reference)
    {
        reference = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var rest = text.Trim();

        Digest? digest = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            if (!Images.Digest.TryParse(rest[(at + 1)..], out var parsed)) return false;
            digest = parsed;
            rest = rest[..at];
        }

        string? tag = null;
        var lastColon = rest.LastIndexOf(':');
        if (lastColon > rest.LastIndexOf('/'))
        {
            tag = rest[(lastColon + 1)..];
            rest = rest[..lastColon];
            if (!TagPattern().IsMatch(tag)) return false;
        }

        var registry = DockerHub;
        var slash = rest.IndexOf('/');
        if (slash > 0)
        {
            var first = rest[..slash];
            if (first.Contains('.') || first.Contains(':') || first == "localhost" || first.Any(char.IsAsciiLetterUpper))
            {
                if (!RegistryPattern().IsMatch(first)) return false;
                registry = first;
                rest = rest[(slash + 1)..];
            }
        }
        if (registry is DockerHub or "index.docker.io" or "registry-1.docker.io")
        {
            registry = DockerHub;
            if (!rest.Contains('/')) rest = "library/" + rest;
        }
        if (rest.Length > 255 || !RepositoryPattern().IsMatch(rest)) return false;
        reference = new ImageReference(registry, rest, tag, digest);
        return true;
    }

    /// <summary>Parses a reference or throws <see cref="FormatException"/>.</summary>
    public static ImageReference Parse(string text) =>
        TryParse(text, out var reference) ? reference : throw new FormatException($"'{text}' is not a valid image reference.");

    /// <summary>True when both name the same image (<c>nginx:alpine</c> and <c>docker.io/library/nginx:alpine</c> do).</summary>
    public bool SameImageAs(ImageReference other) => FullName == other.FullName;

    public override string ToString() => FullName;
}
