using System.Collections.Immutable;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;

namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>
/// A private ECR repository. <see cref="Blobs"/> are the layer and config digests pushed into (or mounted into)
/// this repository: a registry only serves a blob from a repository that has it.
/// </summary>
public sealed record Repository(
    string Arn,
    string Name,
    string Region,
    string RegistryId,
    DateTimeOffset CreatedAt,
    TagMutability ImageTagMutability,
    bool ScanOnPush,
    string EncryptionType,
    ImmutableArray<Tag> Tags,
    ImmutableSortedSet<string> Blobs);

public enum TagMutability { Mutable, Immutable }

/// <summary>An image in a repository: a manifest by digest, with the tags that point at it.</summary>
public sealed record Image(
    string Key,
    string RepositoryArn,
    string Digest,
    string ManifestMediaType,
    string? ArtifactMediaType,
    ImmutableArray<string> Tags,
    long SizeInBytes,
    DateTimeOffset PushedAt,
    ImmutableArray<string> References)
{
    /// <summary>The key of an image in the world: the repository ARN and the digest.</summary>
    public static string KeyOf(string repositoryArn, string digest) => $"{repositoryArn}@{digest}";
}
