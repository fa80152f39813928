using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;

namespace EcsWorkshop.Simulator.Ecr.Wire;

/// <summary>The one mapper between ECR wire shapes and the ECR domain.</summary>
public static class EcrMapper
{
    public static CreateRepositoryCommand ToDomain(CreateRepositoryRequest request) => new(
        request.RepositoryName,
        request.ImageTagMutability switch
        {
            null or "MUTABLE" => TagMutability.Mutable,
            "IMMUTABLE" => TagMutability.Immutable,
            var other => throw EcrErrors.TagMutabilityInvalid.With(other),
        },
        request.ImageScanningConfiguration?.ScanOnPush ?? false,
        request.EncryptionConfiguration?.EncryptionType,
        request.Tags is null ? [] : [.. request.Tags.Select(t => new Tag(t.Key ?? "", t.Value ?? ""))]);

    /// <summary>A repository as ECR describes it, with a URI that real clients can push to.</summary>
    public static RepositoryShape ToShape(Repository repository, string registryHost) => new()
    {
        RepositoryArn = repository.Arn,
        RegistryId = repository.RegistryId,
        RepositoryName = repository.Name,
        RepositoryUri = $"{registryHost}/{repository.Name}",
        CreatedAt = repository.CreatedAt,
        ImageTagMutability = repository.ImageTagMutability == TagMutability.Immutable ? "IMMUTABLE" : "MUTABLE",
        ImageScanningConfiguration = new() { ScanOnPush = repository.ScanOnPush },
        EncryptionConfiguration = new() { EncryptionType = repository.EncryptionType },
    };

    public static ImageDetailShape ToDetail(Image image, Repository repository) => new()
    {
        RegistryId = repository.RegistryId,
        RepositoryName = repository.Name,
        ImageDigest = image.Digest,
        ImageTags = image.Tags.IsEmpty ? null : [.. image.Tags],
        ImageSizeInBytes = image.SizeInBytes,
        ImagePushedAt = image.PushedAt,
        ImageManifestMediaType = image.ManifestMediaType,
        ArtifactMediaType = image.ArtifactMediaType,
    };

    public static ImageShape ToShape(Image image, Repository repository, string manifest, string? tag) => new()
    {
        RegistryId = repository.RegistryId,
        RepositoryName = repository.Name,
        ImageId = new() { ImageDigest = image.Digest, ImageTag = tag },
        ImageManifest = manifest,
        ImageManifestMediaType = image.ManifestMediaType,
    };

    /// <summary>An image id as ListImages answers it.</summary>
    public static ImageIdentifierShape ToShape(ImageId id) => new() { ImageDigest = id.Digest, ImageTag = id.Tag };

    /// <summary>The tag status filter of ListImages and DescribeImages (none = any).</summary>
    public static TagStatus ToTagStatus(string? status) => status switch
    {
        null or "ANY" => TagStatus.Any,
        "TAGGED" => TagStatus.Tagged,
        "UNTAGGED" => TagStatus.Untagged,
        _ => throw EcrErrors.TagStatusInvalid.With(),
    };

    public static ImageFailureShape NotFound(ImageIdentifierShape id) => new()
    {
        ImageId = id,
        FailureCode = "ImageNotFound",
        FailureReason = "Requested image not found",
    };
}
