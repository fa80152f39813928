namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>How a push treats an image that is already there with the same digest and tag.</summary>
public enum RepeatedPush
{
    /// <summary>Registry (<c>/v2/</c>) semantics: pushing the same manifest again succeeds.</summary>
    Accept,

    /// <summary>PutImage semantics: ImageAlreadyExistsException.</summary>
    Refuse,
}

/// <summary>Storing manifests as images, moving tags, deleting images.</summary>
public static class ImageCommands
{
    /// <summary>
    /// Stores a parsed manifest as an image of the repository, optionally tagged. Every blob it references must be
    /// in the repository (and every manifest an index references); an IMMUTABLE repository refuses to move a tag.
    /// </summary>
    public static Image Put(EcrTransaction transaction, EcrArns arns, Repository repository, ManifestDocument manifest, string? tag, RepeatedPush repeated)
    {
        var world = transaction.World;
        repository = world.Repositories.GetValueOrDefault(repository.Arn) // it may have been deleted since it was looked up
            ?? throw EcrErrors.RepositoryNotFound.With(repository.Name, arns.AccountId);
        if (tag is not null && !RepositoryNames.IsValidTag(tag))
            throw EcrErrors.ImageTagInvalid.With();
        var missingBlobs = manifest.BlobReferences.Where(d => !repository.Blobs.Contains(d)).Distinct().ToList();
        if (missingBlobs.Count > 0) throw EcrErrors.LayersNotFound.With(string.Join(", ", missingBlobs));
        var missingManifests = manifest.ManifestReferences.Where(d => world.ByDigest(repository, d) is null).ToList();
        if (missingManifests.Count > 0) throw EcrErrors.ImageNotFound.With(missingManifests[0], null, repository.Name, arns.AccountId);

        var existing = world.ByDigest(repository, manifest.Digest);
        if (existing is not null && (tag is null || existing.Tags.Contains(tag)))
            return repeated == RepeatedPush.Accept ? existing : throw EcrErrors.ImageAlreadyExists.With(manifest.Digest, tag, repository.Name, arns.AccountId);

        if (tag is not null && world.ByTag(repository, tag) is { } holder && holder.Digest != manifest.Digest)
        {
            if (repository.ImageTagMutability == TagMutability.Immutable)
                throw EcrErrors.ImageTagAlreadyExists.With(tag, repository.Name);
            transaction.Put(holder with { Tags = holder.Tags.Remove(tag) });
        }

        var image = existing is not null
            ? existing with { Tags = existing.Tags.Add(tag!) }
            : new Image(
                Image.KeyOf(repository.Arn, manifest.Digest), repository.Arn, manifest.Digest, manifest.MediaType,
                manifest.ConfigMediaType, tag is null ? [] : [tag], manifest.SizeInBytes, transaction.Now,
                [.. manifest.BlobReferences, .. manifest.ManifestReferences]);
        transaction.Put(image);
        return image;
    }

    /// <summary>
    /// Deletes by tag (removes the tag; the image goes when it has no tags left) or by digest (the image and all its tags).
    /// Returns the image ids removed, or null when there was nothing to delete.
    /// </summary>
    public static (string Digest, string? Tag)? Delete(EcrTransaction transaction, Repository repository, string? digest, string? tag)
    {
        var image = ImageQueries.Find(transaction.World, repository, digest, tag);
        if (image is null) return null;
        if (digest is null && tag is not null && image.Tags.Length > 1)
        {
            transaction.Put(image with { Tags = image.Tags.Remove(tag) });
            return (image.Digest, tag);
        }
        transaction.Remove(image);
        return (image.Digest, tag);
    }
}
