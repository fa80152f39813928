using System.Collections.Immutable;
using EcsWorkshop.Images.Oci;

namespace EcsWorkshop.Images.Building;

/// <summary>A layer blob on disk: its descriptor (compressed digest and size), its diff_id and the file.</summary>
public sealed record LayerBlob(Descriptor Descriptor, Digest DiffId, string Path);

/// <summary>Where an image's base came from.</summary>
public enum BaseImageKind
{
    /// <summary><c>FROM scratch</c>: no base at all.</summary>
    Scratch,

    /// <summary>The base image was not available, so the image has only its own layers and says so in its labels.</summary>
    StandIn,

    /// <summary>The base image was read from a local OCI layout, with its layers and config.</summary>
    Local,
}

/// <summary>The base an image was built on: the reference as written and, for a local base, its manifest digest.</summary>
public sealed record BaseImageInfo(BaseImageKind Kind, string Reference, Digest? Digest = null);

/// <summary>
/// A built image: its manifest and config (small, kept in memory as the exact bytes that are their digests) and its
/// layers as files on disk. <see cref="Digest"/> is the image digest a registry reports after a push.
/// </summary>
public sealed record BuiltImage(
    Descriptor ManifestDescriptor,
    byte[] ManifestBytes,
    ImageManifest Manifest,
    Descriptor ConfigDescriptor,
    byte[] ConfigBytes,
    ImageConfiguration Config,
    ImmutableArray<LayerBlob> Layers,
    BaseImageInfo Base)
{
    /// <summary>The image digest (the manifest's digest).</summary>
    public Digest Digest => ManifestDescriptor.Digest;

    /// <summary>The platform the image is for.</summary>
    public Platform Platform => Config.Platform;

    /// <summary>True when the base image's files are not included (a stand-in base).</summary>
    public bool IsStandIn => Base.Kind == BaseImageKind.StandIn;

    /// <summary>The bytes a registry stores: the layers (compressed), the config and the manifest.</summary>
    public long TotalSize => Layers.Sum(l => l.Descriptor.Size) + ConfigDescriptor.Size + ManifestDescriptor.Size;

    /// <summary>Every blob of the image (layers then config) with where to read it from.</summary>
    public IEnumerable<(Descriptor Descriptor, Func<Stream> Open)> Blobs()
    {
        foreach (var layer in Layers) yield return (layer.Descriptor, () => File.OpenRead(layer.Path));
        yield return (ConfigDescriptor, () => new MemoryStream(ConfigBytes, writable: false));
    }
}
