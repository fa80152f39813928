using System.Collections.Immutable;
using System.Text.Json;
using EcsWorkshop.Images;

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
    /// <summary>The manifest media types the registry stores (every manifest and index type).</summary>
    public static IReadOnlyList<string> SupportedMediaTypes => MediaTypes.AnyManifest;

    /// <summary>The digest of the bytes, <c>sha256:…</c>.</summary>
    public string Digest { get; } = Images.Digest.Of(Bytes).ToString();

    /// <summary>True for an image index or manifest list.</summary>
    public bool IsIndex => MediaTypes.IsIndex(MediaType);

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
            var mediaType = SupportedMediaTypes.Contains(sent ?? "") ? sent! : declared ?? (root.TryGetProperty("manifests", out _) ? MediaTypes.OciIndex : MediaTypes.OciManifest);
            if (!SupportedMediaTypes.Contains(mediaType))
                throw new InvalidManifestException($"unsupported manifest media type '{mediaType}'");
            if (declared is not null && declared != mediaType)
                throw new InvalidManifestException($"the manifest declares media type '{declared}' but was sent as '{mediaType}'");

            if (MediaTypes.IsIndex(mediaType))
            {
                var children = Descriptors(root, "manifests");
                return new ManifestDocument(bytes, mediaType, null, [], [.. children.Select(c => c.Digest.ToString())], TotalSize([bytes.Length, .. children.Select(c => c.Size)]));
            }
            if (!root.TryGetProperty("config", out var configElement))
                throw new InvalidManifestException("the manifest has no 'config'");
            var config = ReadDescriptor(configElement, "config");
            var layers = Descriptors(root, "layers");
            return new ManifestDocument(
                bytes, mediaType, config.MediaType,
                [config.Digest.ToString(), .. layers.Select(l => l.Digest.ToString())], [],
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

    /// <summary>The descriptors of a list member (<c>layers</c>, <c>manifests</c>).</summary>
    private static List<Descriptor> Descriptors(JsonElement root, string member)
    {
        if (!root.TryGetProperty(member, out var value))
            throw new InvalidManifestException($"the manifest has no '{member}'");
        if (value.ValueKind != JsonValueKind.Array)
            throw new InvalidManifestException($"'{member}' is not a list of descriptors");
        return [.. value.EnumerateArray().Select(item => ReadDescriptor(item, member))];
    }

    /// <summary>One descriptor, read by the one descriptor reader; what is wrong with it names the member it is in.</summary>
    private static Descriptor ReadDescriptor(JsonElement item, string member)
    {
        try
        {
            return Descriptor.Read(item);
        }
        catch (FormatException e)
        {
            throw new InvalidManifestException($"a descriptor in '{member}' {e.Message}");
        }
    }
}

/// <summary>A manifest a registry refuses, with the reason.</summary>
public sealed class InvalidManifestException(string reason) : Exception(reason);
