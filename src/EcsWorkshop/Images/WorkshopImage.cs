using System.Collections.Immutable;
using EcsWorkshop.Images.Building;

namespace EcsWorkshop.Images;

/// <summary>How an image was built, and so how it is pushed.</summary>
public enum ImageBuildKind
{
    /// <summary>By the workshop's own builder (no Docker), into an OCI layout; pushed by the registry client.</summary>
    Workshop,

    /// <summary>By a Docker engine (<c>docker build</c> through the Engine API); pushed by it (<c>docker push</c>).</summary>
    Docker,

    /// <summary>A .NET project, built and pushed in one go by <c>dotnet publish -t:PublishContainer</c> at push time.</summary>
    DotnetPublish,
}

/// <summary>An image built by <see cref="Workshop.BuildImageAsync"/>, ready for <see cref="Workshop.PushImageAsync"/>.</summary>
public sealed record WorkshopImage
{
    /// <summary>How it was built.</summary>
    public required ImageBuildKind Kind { get; init; }

    /// <summary>True when a Docker engine built it (<c>docker build</c>).</summary>
    public bool BuiltWithDocker => Kind == ImageBuildKind.Docker;

    /// <summary>The build context directory.</summary>
    public required string ContextDirectory { get; init; }

    /// <summary>The repository it is meant for.</summary>
    public required string Repository { get; init; }

    /// <summary>The tag it is meant for.</summary>
    public required string Tag { get; init; }

    /// <summary>
    /// The manifest digest a registry records. The workshop's builder knows it when it builds; a Docker-built image
    /// gets it when it is pushed (<c>docker push</c> writes the manifest), as a .NET publish does.
    /// </summary>
    public string? Digest { get; internal set; }

    /// <summary>The image ID: the digest of its config (what <c>docker images</c> shows as IMAGE ID).</summary>
    public string? ImageId { get; init; }

    /// <summary>The size of its blobs in bytes, when known.</summary>
    public long? SizeInBytes { get; init; }

    /// <summary>The base image (<c>FROM</c>), when known.</summary>
    public string? BaseImage { get; init; }

    /// <summary>True when the base image could not be fetched offline and a labelled stand-in was used.</summary>
    public bool BaseIsStandIn { get; init; }

    /// <summary>True when the base image is the one the workshop made locally from busybox-static (not the published image).</summary>
    public bool BaseMadeLocally { get; init; }

    /// <summary>What the build printed (<c>Step 1/7 : …</c> for a Docker build).</summary>
    public ImmutableArray<string> BuildOutput { get; init; } = [];

    /// <summary>The OCI layout directory (the workshop's builder; for Docker, the image as the engine saved it), or null.</summary>
    public string? LayoutDirectory { get; init; }

    /// <summary>The local image name (Docker) or project file (.NET publish), or null.</summary>
    public string? LocalReference { get; init; }

    internal BuiltImage? Built { get; init; }
}
