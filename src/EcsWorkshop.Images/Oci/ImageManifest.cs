using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace EcsWorkshop.Images.Oci;

/// <summary>An OCI image manifest: the config blob, the layer blobs from the bottom up, and annotations.</summary>
public sealed record ImageManifest(
    [property: JsonPropertyName("config")] Descriptor Config,
    [property: JsonPropertyName("layers")] ImmutableArray<Descriptor> Layers)
{
    [JsonPropertyName("schemaVersion")]
    [JsonPropertyOrder(-2)]
    public int SchemaVersion { get; init; } = 2;

    [JsonPropertyName("mediaType")]
    [JsonPropertyOrder(-1)]
    public string? MediaType { get; init; } = MediaTypes.OciManifest;

    [JsonPropertyName("annotations"), JsonConverter(typeof(OrdinalMapJsonConverter))]
    public ImmutableSortedDictionary<string, string>? Annotations { get; init; }
}

/// <summary>An OCI image index (or Docker manifest list): manifests, usually one per platform.</summary>
public sealed record ImageIndex([property: JsonPropertyName("manifests")] ImmutableArray<Descriptor> Manifests)
{
    [JsonPropertyName("schemaVersion")]
    [JsonPropertyOrder(-2)]
    public int SchemaVersion { get; init; } = 2;

    [JsonPropertyName("mediaType")]
    [JsonPropertyOrder(-1)]
    public string? MediaType { get; init; } = MediaTypes.OciIndex;

    [JsonPropertyName("annotations"), JsonConverter(typeof(OrdinalMapJsonConverter))]
    public ImmutableSortedDictionary<string, string>? Annotations { get; init; }
}
