using System.Collections.Immutable;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;

namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>What CreateRepository asks for.</summary>
public sealed record CreateRepositoryCommand(
    string? Name,
    TagMutability ImageTagMutability,
    bool ScanOnPush,
    string? EncryptionType,
    ImmutableArray<Tag> Tags);

/// <summary>Creating, finding and deleting repositories.</summary>
public static class RepositoryCommands
{
    public static Repository Create(EcrTransaction transaction, EcrArns arns, CreateRepositoryCommand command)
    {
        RepositoryNames.Require(command.Name);
        var name = command.Name!;
        if (command.Tags.Length > 50)
            throw EcrErrors.TooManyTags.With(50);
        if (command.EncryptionType is not (null or "AES256" or "KMS" or "KMS_DSSE"))
            throw EcrErrors.EncryptionTypeInvalid.With();
        var arn = arns.Repository(name);
        if (transaction.World.Repositories.ContainsKey(arn))
            throw EcrErrors.RepositoryAlreadyExists.With(name, arns.AccountId);
        var repository = new Repository(
            arn, name, arns.Region, arns.AccountId, transaction.Now, command.ImageTagMutability, command.ScanOnPush,
            command.EncryptionType ?? "AES256", command.Tags, ImmutableSortedSet.Create<string>(StringComparer.Ordinal));
        transaction.Put(repository);
        return repository;
    }

    /// <summary>Deletes a repository; one with images only with <paramref name="force"/> (its images go with it).</summary>
    public static Repository Delete(EcrTransaction transaction, EcrArns arns, string? name, bool force)
    {
        var repository = RepositoryQueries.Require(transaction.World, arns, name);
        var images = transaction.World.ImagesIn(repository).ToList();
        if (images.Count > 0 && !force)
            throw EcrErrors.RepositoryNotEmpty.With(repository.Name, arns.AccountId);
        foreach (var image in images) transaction.Remove(image);
        transaction.Remove(repository);
        return repository;
    }

    /// <summary>Records that a blob (already stored and verified) is part of the repository.</summary>
    public static Repository LinkBlob(EcrTransaction transaction, Repository repository, string digest)
    {
        var current = transaction.World.Repositories[repository.Arn];
        if (current.Blobs.Contains(digest)) return current;
        var linked = current with { Blobs = current.Blobs.Add(digest) };
        transaction.Put(linked);
        return linked;
    }
}
