namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>Which images ListImages and DescribeImages return: tagged, untagged or all.</summary>
public enum TagStatus
{
    Any,
    Tagged,
    Untagged,
}

/// <summary>An image id: a digest and/or a tag (ListImages answers a digest and one of its tags, or none).</summary>
public sealed record ImageId(string? Digest, string? Tag);

/// <summary>Reading images: by digest or tag, ListImages and DescribeImages.</summary>
public static class ImageQueries
{
    /// <summary>Finds an image by digest or tag (digest wins when both are given; both must then agree), or null.</summary>
    public static Image? Find(EcrWorld world, Repository repository, string? digest, string? tag)
    {
        var image = digest is not null ? world.ByDigest(repository, digest) : tag is not null ? world.ByTag(repository, tag) : null;
        return image is not null && tag is not null && digest is not null && !image.Tags.Contains(tag) ? null : image;
    }

    /// <summary>ListImages: one id per tag (one without a tag for an untagged image), one page.</summary>
    public static (List<ImageId> Page, string? NextToken) List(
        EcrWorld world, Repository repository, TagStatus status, string? nextToken, int? maxResults)
    {
        var ids = world.ImagesIn(repository)
            .Where(i => Matches(i, status))
            .SelectMany(i => i.Tags.IsEmpty ? [new ImageId(i.Digest, null)] : i.Tags.Select(t => new ImageId(i.Digest, t)));
        return EcrPaging.Page(ids, nextToken, maxResults);
    }

    /// <summary>
    /// DescribeImages: the images asked for (each must exist, ImageNotFoundException otherwise), or every image that
    /// matches the filter, oldest push first; one page.
    /// </summary>
    public static (List<Image> Page, string? NextToken) Describe(
        EcrWorld world, EcrArns arns, Repository repository, IReadOnlyList<ImageId>? ids, TagStatus status, string? nextToken, int? maxResults)
    {
        var images = ids is { Count: > 0 }
            ? ids.Select(id => Find(world, repository, id.Digest, id.Tag)
                ?? throw EcrErrors.ImageNotFound.With(id.Digest, id.Tag, repository.Name, arns.AccountId))
            : world.ImagesIn(repository).Where(i => Matches(i, status)).OrderBy(i => i.PushedAt);
        return EcrPaging.Page(images, nextToken, maxResults);
    }

    private static bool Matches(Image image, TagStatus status) => status switch
    {
        TagStatus.Tagged => !image.Tags.IsEmpty,
        TagStatus.Untagged => image.Tags.IsEmpty,
        _ => true,
    };
}
