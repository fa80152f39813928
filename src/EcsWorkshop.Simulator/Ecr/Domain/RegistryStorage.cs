using EcsWorkshop.Images;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>
/// How many bytes an account keeps in its registry, and the account's storage quota
/// (<see cref="Quotas.AccountQuotas.RegistryStorageBytes"/>): a push that would go over it is refused before its
/// bytes are kept, with ECR's <c>LimitExceededException</c> (on the registry protocol, <c>DENIED</c>).
/// </summary>
public static class RegistryStorage
{
    /// <summary>
    /// The bytes the account keeps in its registry, each distinct stored object once: every blob (layer, config) linked
    /// into any of its repositories, and the manifest of every image. A blob stays linked to its repository after the
    /// images that used it are deleted, so deleting the repository is what frees it; a manifest is freed with its image.
    /// </summary>
    public static long BytesStored(EcrWorld world, BlobStore blobs) =>
        world.Repositories.Values
            .SelectMany(r => r.Blobs)
            .Concat(world.Images.Values.Select(i => i.Digest))
            .Distinct(StringComparer.Ordinal)
            .Sum(d => Digest.TryParse(d, out var digest) ? blobs.SizeOf(digest) ?? 0 : 0);

    /// <summary>
    /// The bytes a manifest pushed now adds to <see cref="BytesStored"/>: none when an image of the account already has
    /// that manifest (it is stored once), else its length.
    /// </summary>
    public static long ManifestBytesAdded(EcrWorld world, string manifestDigest, long manifestLength) =>
        world.Images.Values.Any(i => i.Digest == manifestDigest) ? 0 : manifestLength;

    /// <summary>
    /// Refuses (LimitExceededException) when the stored bytes and <paramref name="incomingBytes"/> more would exceed
    /// <paramref name="quotaBytes"/>; no quota (null) never refuses.
    /// </summary>
    public static void RequireRoom(EcrWorld world, BlobStore blobs, long? quotaBytes, long incomingBytes)
    {
        if (quotaBytes is not { } quota) return;
        if (BytesStored(world, blobs) + incomingBytes > quota) throw EcrErrors.LimitExceeded.With();
    }
}
