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
public sealed class EcrTransaction(EcrWorld world, DateTimeOffset now) : WorldTransaction<EcrWorld>(world, now)
{
    public void Put(Repository repository) => Write(repository, static (w, r) => w with { Repositories = w.Repositories.SetItem(r.Arn, r) });

    public void Remove(Repository repository) => Delete<Repository>(repository.Arn, static (w, key) => w with { Repositories = w.Repositories.Remove(key) });

    public void Put(Image image) => Write(image, static (w, r) => w with { Images = w.Images.SetItem(r.Key, r) });

    public void Remove(Image image) => Delete<Image>(image.Key, static (w, key) => w with { Images = w.Images.Remove(key) });
}
