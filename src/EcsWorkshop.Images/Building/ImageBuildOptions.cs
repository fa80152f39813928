using System.Collections.Immutable;

namespace EcsWorkshop.Images.Building;

/// <summary>What to build and where: like <c>docker build</c>'s arguments.</summary>
public sealed record ImageBuildOptions
{
    /// <summary>The build context directory.</summary>
    public required string ContextDirectory { get; init; }

    /// <summary>
    /// Where blobs are written, as <c>OUTPUT/blobs/sha256/…</c> (an OCI layout directory works: writing the image
    /// into it then copies nothing).
    /// </summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The Dockerfile; <c>CONTEXT/Dockerfile</c> when null.</summary>
    public string? DockerfilePath { get; init; }

    /// <summary><c>--build-arg NAME=VALUE</c>.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary><c>--platform</c>: the platform to build for.</summary>
    public Platform Platform { get; init; } = Platform.LinuxAmd64;

    /// <summary><c>--target</c>: the stage to build; the last one when null.</summary>
    public string? Target { get; init; }

    /// <summary><c>--label NAME=VALUE</c>: labels added to the image.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// An OCI layout directory holding base images under their references (for example written by
    /// <c>skopeo copy docker://nginx:alpine oci:DIR:nginx:alpine</c>). A base found there is used for real; any
    /// other base becomes a stand-in.
    /// </summary>
    public string? BaseImageLayout { get; init; }
}
