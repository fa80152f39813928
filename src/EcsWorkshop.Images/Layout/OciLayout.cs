using System.Collections.Immutable;
using EcsWorkshop.Images.Building;
using EcsWorkshop.Images.Oci;

namespace EcsWorkshop.Images.Layout;

/// <summary>An image read from an OCI layout: manifest, config and layers (files in the layout).</summary>
public sealed record LocalImage(string RefName, Descriptor ManifestDescriptor, ImageManifest Manifest, ImageConfiguration Config, ImmutableArray<LayerBlob> Layers);

/// <summary>
/// An OCI image layout on disk — <c>oci-layout</c>, <c>index.json</c> and <c>blobs/sha256/…</c> — the format
/// <c>skopeo</c>, <c>umoci</c>, <c>crane</c> and BuildKit read and write. Images in it are named by the
/// <c>org.opencontainers.image.ref.name</c> annotation (<c>oci:DIR:NAME</c> in skopeo).
/// </summary>
public static class OciLayout
{
    /// <summary>The annotation that names an image in a layout's index.</summary>
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    private const string LayoutFile = "oci-layout";
    private const string IndexFile = "index.json";

    /// <summary>
    /// Writes an image into the layout at <paramref name="directory"/> (created if needed) under
    /// <paramref name="refName"/>, replacing any image of that name and keeping the others.
    /// </summary>
    public static void Write(BuiltImage image, string directory, string refName)
    {
        var blobs = new BlobDirectory(directory);
        foreach (var layer in image.Layers) blobs.Import(layer.Path, layer.Descriptor.Digest);
        blobs.Put(image.ConfigBytes);
        blobs.Put(image.ManifestBytes);
        File.WriteAllText(Path.Combine(directory, LayoutFile), "{\"imageLayoutVersion\":\"1.0.0\"}");

        var entry = image.ManifestDescriptor with
        {
            Annotations = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(RefNameAnnotation, refName),
            Platform = image.Platform,
        };
        var existing = ReadIndex(directory)?.Manifests.Where(m => RefName(m) != refName) ?? [];
        WriteAtomically(Path.Combine(directory, IndexFile), ImageJson.Serialize(new ImageIndex([.. existing, entry])));
    }

    /// <summary>The names of the images in a layout.</summary>
    public static IReadOnlyList<string> RefNames(string directory) =>
        [.. (ReadIndex(directory)?.Manifests ?? []).Select(RefName).OfType<string>()];

    /// <summary>
    /// Finds an image by name: the exact ref name, or the same image reference written another way
    /// (<c>nginx:alpine</c> finds <c>docker.io/library/nginx:alpine</c>). An index is resolved to the manifest for
    /// <paramref name="platform"/>; null when the layout has no such image for that platform.
    /// </summary>
    public static LocalImage? Find(string directory, string reference, Platform platform)
    {
        var index = ReadIndex(directory);
        if (index is null) return null;
        ImageReference.TryParse(reference, out var wanted);
        foreach (var descriptor in index.Manifests)
        {
            var name = RefName(descriptor);
            var matches = name == reference
                || (wanted is not null && name is not null && ImageReference.TryParse(name, out var named) && named.SameImageAs(wanted))
                || (wanted?.Digest is { } digest && descriptor.Digest == digest);
            if (!matches) continue;
            if (Load(directory, name ?? reference, descriptor, platform) is { } image) return image;
        }
        return null;
    }

    private static LocalImage? Load(string directory, string refName, Descriptor descriptor, Platform platform)
    {
        var blobs = new BlobDirectory(directory);
        var bytes = ReadBlob(blobs, descriptor.Digest);
        if (MediaTypes.IsIndex(descriptor.MediaType))
        {
            var nested = ImageJson.Deserialize<ImageIndex>(bytes, $"image index {descriptor.Digest}");
            var chosen = nested.Manifests.FirstOrDefault(m => m.Platform is { } p && platform.Matches(p));
            return chosen is null ? null : Load(directory, refName, chosen, platform);
        }
        var manifest = ImageJson.Deserialize<ImageManifest>(bytes, $"image manifest {descriptor.Digest}");
        var config = ImageJson.Deserialize<ImageConfiguration>(ReadBlob(blobs, manifest.Config.Digest), $"image config {manifest.Config.Digest}");
        if (!platform.Matches(config.Platform)) return null;
        var diffIds = config.RootFs.DiffIds;
        if (diffIds.Length != manifest.Layers.Length)
            throw new InvalidDataException($"The image {refName} in {directory} has {manifest.Layers.Length} layers but {diffIds.Length} diff_ids.");
        var layers = manifest.Layers.Select((layer, i) =>
        {
            var path = blobs.PathOf(layer.Digest);
            if (!File.Exists(path)) throw new FileNotFoundException($"The layer {layer.Digest} of {refName} is missing from {directory}.", path);
            return new LayerBlob(layer with { MediaType = MediaTypes.ToOciLayer(layer.MediaType) }, Digest.Parse(diffIds[i]), path);
        });
        return new LocalImage(refName, descriptor with { Annotations = null, Platform = null }, manifest, config, [.. layers]);
    }

    private static byte[] ReadBlob(BlobDirectory blobs, Digest digest)
    {
        var path = blobs.PathOf(digest);
        if (!File.Exists(path)) throw new FileNotFoundException($"The blob {digest} is missing from {blobs.Root}.", path);
        var bytes = File.ReadAllBytes(path);
        if (Digest.Of(bytes) != digest) throw new InvalidDataException($"The blob {digest} in {blobs.Root} does not match its digest.");
        return bytes;
    }

    private static ImageIndex? ReadIndex(string directory)
    {
        var path = Path.Combine(directory, IndexFile);
        return File.Exists(path) ? ImageJson.Deserialize<ImageIndex>(File.ReadAllBytes(path), $"OCI layout index {path}") : null;
    }

    private static string? RefName(Descriptor descriptor) => descriptor.Annotations?.GetValueOrDefault(RefNameAnnotation);

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
