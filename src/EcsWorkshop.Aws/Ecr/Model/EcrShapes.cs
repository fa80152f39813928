using System.Text.Json.Serialization;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Ecr.Model;

// ECR wire shapes, named as in the ECR API model. Unlike ECS, ECR's tags are {"Key", "Value"} with capitals.

/// <summary>A repository tag.</summary>
public sealed record EcrTag(
    [property: JsonPropertyName("Key")] string Key,
    [property: JsonPropertyName("Value")] string? Value);

/// <summary>Whether images are scanned for vulnerabilities when pushed.</summary>
public sealed record ImageScanningConfiguration(bool ScanOnPush);

/// <summary>How images are encrypted at rest: <c>AES256</c> (the default) or <c>KMS</c>.</summary>
public sealed record EncryptionConfiguration
{
    public string? EncryptionType { get; init; }
    public string? KmsKey { get; init; }
}

/// <summary>An ECR repository.</summary>
public sealed record Repository
{
    public string? RepositoryArn { get; init; }
    public string? RegistryId { get; init; }
    public string? RepositoryName { get; init; }
    /// <summary>Where to push and pull: <c>ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME</c>.</summary>
    public string? RepositoryUri { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? CreatedAt { get; init; }
    /// <summary><c>MUTABLE</c> (the default) or <c>IMMUTABLE</c>.</summary>
    public string? ImageTagMutability { get; init; }
    public ImageScanningConfiguration? ImageScanningConfiguration { get; init; }
    public EncryptionConfiguration? EncryptionConfiguration { get; init; }
}

/// <summary>An image by digest, tag, or both.</summary>
public sealed record ImageIdentifier
{
    public string? ImageDigest { get; init; }
    public string? ImageTag { get; init; }
}

/// <summary>An image a batch call could not handle.</summary>
public sealed record ImageFailure
{
    public ImageIdentifier? ImageId { get; init; }
    public string? FailureCode { get; init; }
    public string? FailureReason { get; init; }
}

/// <summary>An image with its manifest.</summary>
public sealed record Image
{
    public string? RegistryId { get; init; }
    public string? RepositoryName { get; init; }
    public ImageIdentifier? ImageId { get; init; }
    public string? ImageManifest { get; init; }
    public string? ImageManifestMediaType { get; init; }
}

/// <summary>What DescribeImages tells about an image.</summary>
public sealed record ImageDetail
{
    public string? RegistryId { get; init; }
    public string? RepositoryName { get; init; }
    public string? ImageDigest { get; init; }
    public IReadOnlyList<string>? ImageTags { get; init; }
    public long? ImageSizeInBytes { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? ImagePushedAt { get; init; }
    public string? ImageManifestMediaType { get; init; }
    public string? ArtifactMediaType { get; init; }
}

/// <summary>Which images to list: <c>TAGGED</c>, <c>UNTAGGED</c> or <c>ANY</c>.</summary>
public sealed record ImageFilter(string? TagStatus);

/// <summary>A registry password (base64 of <c>AWS:PASSWORD</c>), when it expires and the registry it is for.</summary>
public sealed record AuthorizationData
{
    public string? AuthorizationToken { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? ExpiresAt { get; init; }
    public string? ProxyEndpoint { get; init; }
}

public sealed record CreateRepositoryRequest
{
    public required string RepositoryName { get; init; }
    public string? RegistryId { get; init; }
    public IReadOnlyList<EcrTag>? Tags { get; init; }
    public string? ImageTagMutability { get; init; }
    public ImageScanningConfiguration? ImageScanningConfiguration { get; init; }
    public EncryptionConfiguration? EncryptionConfiguration { get; init; }
}

public sealed record CreateRepositoryResponse
{
    public Repository? Repository { get; init; }
}

public sealed record DescribeRepositoriesRequest
{
    public string? RegistryId { get; init; }
    public IReadOnlyList<string>? RepositoryNames { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record DescribeRepositoriesResponse
{
    public IReadOnlyList<Repository>? Repositories { get; init; }
    public string? NextToken { get; init; }
}

public sealed record DeleteRepositoryRequest
{
    public required string RepositoryName { get; init; }
    public string? RegistryId { get; init; }
    /// <summary>Delete the images too (otherwise a repository with images is refused).</summary>
    public bool? Force { get; init; }
}

public sealed record DeleteRepositoryResponse
{
    public Repository? Repository { get; init; }
}

public sealed record GetAuthorizationTokenRequest
{
    public IReadOnlyList<string>? RegistryIds { get; init; }
}

public sealed record GetAuthorizationTokenResponse
{
    public IReadOnlyList<AuthorizationData>? AuthorizationData { get; init; }
}

public sealed record DescribeImagesRequest
{
    public required string RepositoryName { get; init; }
    public string? RegistryId { get; init; }
    public IReadOnlyList<ImageIdentifier>? ImageIds { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
    public ImageFilter? Filter { get; init; }
}

public sealed record DescribeImagesResponse
{
    public IReadOnlyList<ImageDetail>? ImageDetails { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ListImagesRequest
{
    public required string RepositoryName { get; init; }
    public string? RegistryId { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
    public ImageFilter? Filter { get; init; }
}

public sealed record ListImagesResponse
{
    public IReadOnlyList<ImageIdentifier>? ImageIds { get; init; }
    public string? NextToken { get; init; }
}

public sealed record BatchDeleteImageRequest
{
    public required string RepositoryName { get; init; }
    public required IReadOnlyList<ImageIdentifier> ImageIds { get; init; }
    public string? RegistryId { get; init; }
}

public sealed record BatchDeleteImageResponse
{
    public IReadOnlyList<ImageIdentifier>? ImageIds { get; init; }
    public IReadOnlyList<ImageFailure>? Failures { get; init; }
}

public sealed record PutImageRequest
{
    public required string RepositoryName { get; init; }
    /// <summary>The manifest JSON, exactly as its digest was computed.</summary>
    public required string ImageManifest { get; init; }
    public string? RegistryId { get; init; }
    public string? ImageManifestMediaType { get; init; }
    public string? ImageTag { get; init; }
    public string? ImageDigest { get; init; }
}

public sealed record PutImageResponse
{
    public Image? Image { get; init; }
}

public sealed record BatchGetImageRequest
{
    public required string RepositoryName { get; init; }
    public required IReadOnlyList<ImageIdentifier> ImageIds { get; init; }
    public string? RegistryId { get; init; }
    public IReadOnlyList<string>? AcceptedMediaTypes { get; init; }
}

public sealed record BatchGetImageResponse
{
    public IReadOnlyList<Image>? Images { get; init; }
    public IReadOnlyList<ImageFailure>? Failures { get; init; }
}
