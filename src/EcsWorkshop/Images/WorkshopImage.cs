using EcsWorkshop.Images.Building;

namespace EcsWorkshop.Images;

/// <summary>How an image was built, and so how it is pushed.</summary>
public enum ImageBuildKind
{
    /// <summary>By the workshop's own builder (no Docker), into an OCI layout; pushed by the registry client.</summary>
    Workshop,

    /// <summary>By <c>docker build</c>; pushed by <c>docker push</c>.</summary>
    Docker,

    /// <summary>A .NET project, built and pushed in one go by <c>dotnet publish -t:PublishContainer</c> at push time.</summary>
    DotnetPublish,
}

/// <summary>An image built by <see cref="Workshop.BuildImageAsync"/>, ready for <see cref="Workshop.PushImageAsync"/>.</summary>
public sealed record WorkshopImage
{
    /// <summary>How it was built.</summary>
    public required ImageBuildKind Kind { get; init; }

    /// <summary>The build context directory.</summary>
    public required string ContextDirectory { get; init; }

    /// <summary>The repository it is meant for.</summary>
    public required string Repository { get; init; }

    /// <summary>The tag it is meant for.</summary>
    public required string Tag { get; init; }

    /// <summary>The manifest digest (null until pushed for a .NET publish).</summary>
    public string? Digest { get; init; }

    /// <summary>The size of its blobs in bytes, when known.</summary>
    public long? SizeInBytes { get; init; }

    /// <summary>The base image (<c>FROM</c>), when known.</summary>
    public string? BaseImage { get; init; }

    /// <summary>True when the base image could not be fetched offline and a labelled stand-in was used.</summary>
    public bool BaseIsStandIn { get; init; }

    /// <summary>The OCI layout directory (the workshop's builder), or null.</summary>
    public string? LayoutDirectory { get; init; }

    /// <summary>The local image name (Docker) or project file (.NET publish), or null.</summary>
    public string? LocalReference { get; init; }

    internal BuiltImage? Built { get; init; }
}
