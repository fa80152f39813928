using System.Collections.Immutable;

namespace EcsWorkshop.Images.Registry;

/// <summary>One blob of a push, and whether it was uploaded or already in the registry.</summary>
public sealed record BlobPush(Digest Digest, long Size, bool Uploaded);

/// <summary>What a push did: the image digest the registry confirmed, the reference pushed, and each blob.</summary>
public sealed record PushResult(Digest Digest, string Reference, ImmutableArray<BlobPush> Blobs)
{
    /// <summary>How many blobs were uploaded (the rest were already there).</summary>
    public int UploadedCount => Blobs.Count(b => b.Uploaded);

    /// <summary>How many bytes were uploaded.</summary>
    public long UploadedBytes => Blobs.Where(b => b.Uploaded).Sum(b => b.Size);
}

/// <summary>A manifest as a registry serves it: digest, media type and exact bytes.</summary>
public sealed record RemoteManifest(Digest Digest, string MediaType, byte[] Bytes);
