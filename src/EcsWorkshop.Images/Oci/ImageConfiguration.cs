using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace EcsWorkshop.Images.Oci;

/// <summary>
/// An OCI image configuration: the platform, how a container from the image starts (<see cref="Config"/>), the
/// layers as uncompressed digests (<see cref="RootFs"/>) and how each step came to be (<see cref="History"/>).
/// </summary>
public sealed record ImageConfiguration
{
    /// <summary>The creation time every build here writes, so that builds are repeatable.</summary>
    public const string FixedCreated = "1970-01-01T00:00:00Z";

    [JsonPropertyName("created")]
    public string? Created { get; init; } = FixedCreated;

    [JsonPropertyName("author")]
    public string? Author { get; init; }

    [JsonPropertyName("architecture")]
    public string Architecture { get; init; } = "amd64";

    [JsonPropertyName("os")]
    public string Os { get; init; } = "linux";

    [JsonPropertyName("variant")]
    public string? Variant { get; init; }

    [JsonPropertyName("config")]
    public ContainerConfig Config { get; init; } = new();

    [JsonPropertyName("rootfs")]
    public RootFs RootFs { get; init; } = new();

    [JsonPropertyName("history")]
    public ImmutableArray<HistoryEntry> History { get; init; } = [];

    /// <summary>The platform the image is for.</summary>
    [JsonIgnore]
    public Platform Platform => new(Os, Architecture, Variant);
}

/// <summary>The container defaults of an image (the <c>config</c> member of an image configuration).</summary>
public sealed record ContainerConfig
{
    [JsonPropertyName("User")]
    public string? User { get; init; }

    [JsonPropertyName("ExposedPorts"), JsonConverter(typeof(JsonObjectSetConverter))]
    public ImmutableSortedSet<string>? ExposedPorts { get; init; }

    [JsonPropertyName("Env")]
    public ImmutableArray<string>? Env { get; init; }

    [JsonPropertyName("Entrypoint")]
    public ImmutableArray<string>? Entrypoint { get; init; }

    [JsonPropertyName("Cmd")]
    public ImmutableArray<string>? Cmd { get; init; }

    [JsonPropertyName("Healthcheck")]
    public HealthCheck? Healthcheck { get; init; }

    [JsonPropertyName("Volumes"), JsonConverter(typeof(JsonObjectSetConverter))]
    public ImmutableSortedSet<string>? Volumes { get; init; }

    [JsonPropertyName("WorkingDir")]
    public string? WorkingDir { get; init; }

    [JsonPropertyName("Labels"), JsonConverter(typeof(OrdinalMapJsonConverter))]
    public ImmutableSortedDictionary<string, string>? Labels { get; init; }

    [JsonPropertyName("StopSignal")]
    public string? StopSignal { get; init; }
}

/// <summary>A container health check as docker records it; durations in nanoseconds, zero meaning the default.</summary>
public sealed record HealthCheck
{
    /// <summary><c>["NONE"]</c>, <c>["CMD", …]</c> or <c>["CMD-SHELL", "command"]</c>.</summary>
    [JsonPropertyName("Test")]
    public ImmutableArray<string> Test { get; init; } = [];

    [JsonPropertyName("Interval"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Interval { get; init; }

    [JsonPropertyName("Timeout"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Timeout { get; init; }

    [JsonPropertyName("StartPeriod"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long StartPeriod { get; init; }

    [JsonPropertyName("StartInterval"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long StartInterval { get; init; }

    [JsonPropertyName("Retries"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Retries { get; init; }
}

/// <summary>The layers of an image as digests of their uncompressed tar archives, bottom first.</summary>
public sealed record RootFs
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "layers";

    [JsonPropertyName("diff_ids")]
    public ImmutableArray<string> DiffIds { get; init; } = [];
}

/// <summary>One step of an image's history; <see cref="EmptyLayer"/> when the step changed only the config.</summary>
public sealed record HistoryEntry
{
    [JsonPropertyName("created")]
    public string? Created { get; init; }

    [JsonPropertyName("created_by")]
    public string? CreatedBy { get; init; }

    [JsonPropertyName("comment")]
    public string? Comment { get; init; }

    [JsonPropertyName("empty_layer"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool EmptyLayer { get; init; }
}
