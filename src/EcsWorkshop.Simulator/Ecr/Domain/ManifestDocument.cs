using System.Collections.Immutable;
using System.Text.Json;

namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>
/// An image manifest or image index as pushed: its bytes (whose SHA-256 is the image digest), its media type and
/// what it references — blobs (config and layers) for a manifest, other manifests for an index.
/// </summary>
public sealed record ManifestDocument(
    byte[] Bytes,
    string MediaType,
    string? ConfigMediaType,
    ImmutableArray<string> BlobReferences,
    ImmutableArray<string> ManifestReferences,
    long SizeInBytes)
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>The manifest media types the registry stores.</summary>
    public static readonly ImmutableArray<string> SupportedMediaTypes = [OciManifest, OciIndex, DockerManifest, DockerManifestList];

    /// <summary>The digest of the bytes, <c>sha256:…</c>.</summary>
    public string Digest { get; } = Storage.Digest.Of(Bytes).ToString();

    /// <summary>True for an image index or manifest list.</summary>
    public bool IsIndex => MediaType is OciIndex or DockerManifestList;

    /// <summary>
    /// Parses a pushed manifest. The media type comes from the content type the client sent, else from the
    /// document's <c>mediaType</c>; throws <see cref="InvalidManifestException"/> for anything a registry refuses.
    /// </summary>
    public static ManifestDocument Parse(byte[] bytes, string? contentType)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            throw new InvalidManifestException("the manifest is not valid JSON");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InvalidManifestException("the manifest is not a JSON object");
            if (!root.TryGetProperty("schemaVersion", out var schema) || schema.ValueKind != JsonValueKind.Number ||
                !schema.TryGetInt32(out var version) || version != 2)
                throw new InvalidManifestException("only schemaVersion 2 manifests are supported");
            string? declared = null;
            if (root.TryGetProperty("mediaType", out var m))
                declared = m.ValueKind == JsonValueKind.String ? m.GetString() : throw new InvalidManifestException("'mediaType' is not a string");
            var sent = contentType?.Split(';')[0].Trim();
            var mediaType = SupportedMediaTypes.Contains(sent ?? "") ? sent! : declared ?? (root.TryGetProperty("manifests", out _) ? OciIndex : OciManifest);
            if (!SupportedMediaTypes.Contains(mediaType))
                throw new InvalidManifestException($"unsupported manifest media type '{mediaType}'");
            if (declared is not null && declared != mediaType)
                throw new InvalidManifestException($"the manifest declares media type '{declared}' but was sent as '{mediaType}'");

            if (mediaType is OciIndex or DockerManifestList)
            {
                var children = Descriptors(root, "manifests");
                return new ManifestDocument(bytes, mediaType, null, [], [.. children.Select(c => c.Digest)], TotalSize([bytes.Length, .. children.Select(c => c.Size)]));
            }
            if (!root.TryGetProperty("config", out var configElement))
                throw new InvalidManifestException("the manifest has no 'config'");
            var config = ReadDescriptor(configElement, "config");
            var layers = Descriptors(root, "layers");
            return new ManifestDocument(
                bytes, mediaType, config.MediaType,
                [config.Digest, .. layers.Select(l => l.Digest)], [],
                TotalSize([config.Size, .. layers.Select(l => l.Size)]));
        }
    }

    /// <summary>The sum of the sizes a manifest declares; sizes that add up past a long are not a real image.</summary>
    private static long TotalSize(IEnumerable<long> sizes)
    {
        try
        {
            return sizes.Sum();
        }
        catch (OverflowException)
        {
            throw new InvalidManifestException("the sizes of the descriptors add up to more than any image can hold");
        }
    }

    private sealed record Descriptor(string MediaType, string Digest, long Size);

    /// <summary>The descriptors of a list member (<c>layers</c>, <c>manifests</c>).</summary>
    private static List<Descriptor> Descriptors(JsonElement root, string member)
    {
        if (!root.TryGetProperty(member, out var value))
            throw new InvalidManifestException($"the manifest has no '{member}'");
        if (value.ValueKind != JsonValueKind.Array)
            throw new InvalidManifestException($"'{member}' is not a list of descriptors");
        return [.. value.EnumerateArray().Select(item => ReadDescriptor(item, member))];
    }

    /// <summary>One descriptor: a sha256 digest, a size of at least 0 (a whole number) and an optional media type.</summary>
    private static Descriptor ReadDescriptor(JsonElement item, string member)
    {
        if (item.ValueKind != JsonValueKind.Object ||
            !item.TryGetProperty("digest", out var digest) || digest.ValueKind != JsonValueKind.String ||
            !Storage.Digest.TryParse(digest.GetString(), out _))
            throw new InvalidManifestException($"a descriptor in '{member}' has no valid sha256 digest");
        if (!item.TryGetProperty("size", out var s) || s.ValueKind != JsonValueKind.Number || !s.TryGetInt64(out var size) || size < 0)
            throw new InvalidManifestException($"a descriptor in '{member}' has no valid size");
        var mediaType = item.TryGetProperty("mediaType", out var mt) && mt.ValueKind == JsonValueKind.String ? mt.GetString()! : "";
        return new Descriptor(mediaType, digest.GetString()!, size);
    }
}

/// <summary>A manifest a registry refuses, with the reason.</summary>
public sealed class InvalidManifestException(string reason) : Exception(reason);
