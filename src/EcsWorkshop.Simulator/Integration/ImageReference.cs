namespace EcsWorkshop.Simulator.Integration;

/// <summary>
/// A container image reference as docker reads it: <c>[registry/]repository[:tag][@digest]</c>. Without a registry
/// host (a first segment with a dot, a colon or <c>localhost</c>) the image is on Docker Hub; without a tag or digest
/// the tag is <c>latest</c>.
/// </summary>
public sealed record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    public const string DockerHub = "docker.io";

    /// <summary>The reference as written in full (<c>host/name:tag</c> or <c>host/name@digest</c>).</summary>
    public override string ToString() => $"{Registry}/{Repository}" + (Digest is not null ? $"@{Digest}" : $":{Tag}");

    public static ImageReference Parse(string image)
    {
        var digest = default(string);
        var at = image.IndexOf('@');
        if (at >= 0)
        {
            digest = image[(at + 1)..];
            image = image[..at];
        }
        var registry = DockerHub;
        var slash = image.IndexOf('/');
        if (slash > 0)
        {
            var first = image[..slash];
            if (first.Contains('.') || first.Contains(':') || first == "localhost")
            {
                registry = first;
                image = image[(slash + 1)..];
            }
        }
        var tag = default(string);
        var colon = image.LastIndexOf(':');
        if (colon > image.LastIndexOf('/'))
        {
            tag = image[(colon + 1)..];
            image = image[..colon];
        }
        if (registry == DockerHub && !image.Contains('/')) image = "library/" + image;
        return new ImageReference(registry, image, digest is null ? tag ?? "latest" : tag, digest);
    }
}
