using System.Collections.Immutable;
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
}
