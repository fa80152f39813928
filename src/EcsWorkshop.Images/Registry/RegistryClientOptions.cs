namespace EcsWorkshop.Images.Registry;

/// <summary>How a <see cref="RegistryClient"/> talks to registries.</summary>
public sealed record RegistryClientOptions
{
    /// <summary>Basic-auth credentials, sent once a registry asks for them; null pushes anonymously.</summary>
    public RegistryCredentials? Credentials { get; init; }

    /// <summary>
    /// Blobs larger than this are uploaded in chunks of this size (PATCH with <c>Content-Range</c>); null uploads
    /// every blob in one PATCH, streamed from disk.
    /// </summary>
    public long? ChunkSize { get; init; }

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
}
