using System.Collections.Immutable;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>Everything ECR holds: repositories (by ARN) and images (by repository ARN and digest).</summary>
public sealed record EcrWorld(
    ImmutableSortedDictionary<string, Repository> Repositories,
    ImmutableSortedDictionary<string, Image> Images)
{
    public static EcrWorld Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, Repository>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Image>(StringComparer.Ordinal));

    /// <summary>The images of one repository.</summary>
    public IEnumerable<Image> ImagesIn(Repository repository) =>
        Images.Values.Where(i => i.RepositoryArn == repository.Arn);

    /// <summary>The image a tag points at, or null.</summary>
    public Image? ByTag(Repository repository, string tag) =>
        ImagesIn(repository).FirstOrDefault(i => i.Tags.Contains(tag));

    /// <summary>The image with a digest, or null.</summary>
    public Image? ByDigest(Repository repository, string digest) =>
        Images.GetValueOrDefault(Image.KeyOf(repository.Arn, digest));
}

/// <summary>One change to the ECR world (see <see cref="DurableWorld{TWorld}"/>).</summary>
public sealed class EcrTransaction(EcrWorld world, DateTimeOffset now) : IWorldTransaction<EcrWorld>
{
    private readonly List<RecordChange> _changes = [];

    public EcrWorld World { get; private set; } = world;

    public DateTimeOffset Now { get; } = now;

    public IReadOnlyList<RecordChange> Changes => _changes;

    public void Put(Repository repository)
    {
        World = World with { Repositories = World.Repositories.SetItem(repository.Arn, repository) };
        _changes.Add(RecordChange.Write(repository));
    }

    public void Remove(Repository repository)
    {
        World = World with { Repositories = World.Repositories.Remove(repository.Arn) };
        _changes.Add(RecordChange.Remove<Repository>(repository.Arn));
    }

    public void Put(Image image)
    {
        World = World with { Images = World.Images.SetItem(image.Key, image) };
        _changes.Add(RecordChange.Write(image));
    }

    public void Remove(Image image)
    {
        World = World with { Images = World.Images.Remove(image.Key) };
        _changes.Add(RecordChange.Remove<Image>(image.Key));
    }
}
