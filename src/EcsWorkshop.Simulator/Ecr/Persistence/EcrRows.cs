using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Ecr.Persistence;

/// <summary>
/// The storage adapter of ECR: the rows of its repositories and images (image content lives in the registry's blob
/// store, not in rows). A new kind of record gets a <see cref="RowKind{T}"/> here, in <see cref="Kinds"/> and in
/// <see cref="Load"/>.
/// </summary>
public static class EcrRows
{
    public static RowKind<Repository> Repositories { get; } = new("ecr/repository", r => r.Arn);
    public static RowKind<Image> Images { get; } = new("ecr/image", i => i.Key);

    /// <summary>Every kind of ECR row.</summary>
    public static RowKinds Kinds { get; } = new(Repositories, Images);

    /// <summary>Reads the ECR world back from the store.</summary>
    public static EcrWorld Load(StateStore store) => new(
        Repositories.LoadAll(store, EcrWorld.Empty.Repositories),
        Images.LoadAll(store, EcrWorld.Empty.Images));
}
