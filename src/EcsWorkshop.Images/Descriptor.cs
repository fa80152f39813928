using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcsWorkshop.Images.Oci;

namespace EcsWorkshop.Images;

/// <summary>An OCI content descriptor: what a blob or manifest is, its digest and its size in bytes.</summary>
public sealed record Descriptor(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("digest"), JsonConverter(typeof(DigestJsonConverter))] Digest Digest,
    [property: JsonPropertyName("size")] long Size)
{
    /// <summary>Optional annotations (for example the tag of an image in an OCI layout's index).</summary>
    [JsonPropertyName("annotations"), JsonConverter(typeof(OrdinalMapJsonConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableSortedDictionary<string, string>? Annotations { get; init; }

    /// <summary>The platform of a manifest listed in an index.</summary>
    [JsonPropertyName("platform"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Platform? Platform { get; init; }

    /// <summary>
    /// Reads a descriptor from a document someone else wrote (a pushed manifest): it must be an object with a
    /// <c>sha256</c> digest and a whole size of at least 0; a missing media type reads as empty. Throws
    /// <see cref="FormatException"/> saying what is wrong.
    /// </summary>
    public static Descriptor Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object ||
            !item.TryGetProperty("digest", out var digestElement) || digestElement.ValueKind != JsonValueKind.String ||
            !Digest.TryParse(digestElement.GetString(), out var digest))
            throw new FormatException("has no valid sha256 digest");
        if (!item.TryGetProperty("size", out var sizeElement) || sizeElement.ValueKind != JsonValueKind.Number ||
            !sizeElement.TryGetInt64(out var size) || size < 0)
            throw new FormatException("has no valid size");
        var mediaType = item.TryGetProperty("mediaType", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        return new Descriptor(mediaType, digest, size);
    }
}
