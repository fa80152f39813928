using EcsWorkshop.Simulator.Ecr.Persistence;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>
/// Owns ECR: the repositories and images (durable, in the state store), the blobs (on disk) and the registry
/// passwords. Both the ECR API and the registry protocol (<c>/v2/</c>) act through it.
/// </summary>
public sealed class EcrEngine(StateStore store, BlobStore blobs, RegistryTokens tokens, TimeProvider time)
{
    private readonly DurableWorld<EcrWorld> _world = new(store, EcrRows.Kinds, EcrRows.Load(store));

    /// <summary>The current world.</summary>
    public EcrWorld World => _world.Current;

    /// <summary>Blob content on disk.</summary>
    public BlobStore Blobs { get; } = blobs;

    /// <summary>Registry passwords.</summary>
    public RegistryTokens Tokens { get; } = tokens;

    /// <summary>How much the account may hold (the registry's storage quota among them).</summary>
    public Quotas.AccountQuotas Quotas { get; init; } = EcsWorkshop.Simulator.Quotas.AccountQuotas.None;

    /// <summary>Refuses (LimitExceededException) when <paramref name="incomingBytes"/> more would exceed the registry storage quota.</summary>
    public void RequireStorageRoom(long incomingBytes) =>
        RegistryStorage.RequireRoom(World, Blobs, Quotas.RegistryStorageBytes, incomingBytes);

    /// <summary>
    /// Refuses (LimitExceededException) when a manifest pushed now (through the registry or <c>PutImage</c>) would
    /// exceed the registry storage quota; one the account already stores adds nothing.
    /// </summary>
    public void RequireManifestRoom(string manifestDigest, long manifestLength) =>
        RequireStorageRoom(RegistryStorage.ManifestBytesAdded(World, manifestDigest, manifestLength));

    /// <summary>Applies one change atomically and durably.</summary>
    public T Mutate<T>(Func<EcrTransaction, T> change) =>
        _world.Mutate(world => new EcrTransaction(world, time.GetUtcNow()), change);
}
