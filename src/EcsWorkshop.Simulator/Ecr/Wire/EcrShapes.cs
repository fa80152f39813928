using System.Text.Json.Serialization;

namespace EcsWorkshop.Simulator.Ecr.Wire;

// ECR wire shapes, named as in the ECR API model. ECR's tags are {"Key", "Value"} with capitals.

public sealed class EcrTagShape
{
    [JsonPropertyName("Key")] public string? Key { get; set; }
    [JsonPropertyName("Value")] public string? Value { get; set; }
}

public sealed class ImageScanningConfigurationShape
{
    public bool ScanOnPush { get; set; }
}

public sealed class EncryptionConfigurationShape
{
    public string? EncryptionType { get; set; }
    public string? KmsKey { get; set; }
}

public sealed class RepositoryShape
{
    public string? RepositoryArn { get; set; }
    public string? RegistryId { get; set; }
    public string? RepositoryName { get; set; }
    public string? RepositoryUri { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? ImageTagMutability { get; set; }
    public ImageScanningConfigurationShape? ImageScanningConfiguration { get; set; }
    public EncryptionConfigurationShape? EncryptionConfiguration { get; set; }
}

public sealed class ImageIdentifierShape
{
    public string? ImageDigest { get; set; }
    public string? ImageTag { get; set; }
}

public sealed class ImageFailureShape
{
    public ImageIdentifierShape? ImageId { get; set; }
    public string? FailureCode { get; set; }
    public string? FailureReason { get; set; }
}

public sealed class ImageShape
{
    public string? RegistryId { get; set; }
    public string? RepositoryName { get; set; }
    public ImageIdentifierShape? ImageId { get; set; }
    public string? ImageManifest { get; set; }
    public string? ImageManifestMediaType { get; set; }
}

public sealed class ImageDetailShape
{
    public string? RegistryId { get; set; }
    public string? RepositoryName { get; set; }
    public string? ImageDigest { get; set; }
    public List<string>? ImageTags { get; set; }
    public long ImageSizeInBytes { get; set; }
    public DateTimeOffset ImagePushedAt { get; set; }
    public string? ImageManifestMediaType { get; set; }
    public string? ArtifactMediaType { get; set; }
}

public sealed class CreateRepositoryRequest
{
    public string? RegistryId { get; set; }
    public string? RepositoryName { get; set; }
    public List<EcrTagShape>? Tags { get; set; }
    public string? ImageTagMutability { get; set; }
    public ImageScanningConfigurationShape? ImageScanningConfiguration { get; set; }
    public EncryptionConfigurationShape? EncryptionConfiguration { get; set; }
}

public sealed class CreateRepositoryResponse
{
    public RepositoryShape? Repository { get; set; }
}

public sealed class DescribeRepositoriesRequest
{
    public string? RegistryId { get; set; }
    public List<string>? RepositoryNames { get; set; }
    public string? NextToken { get; set; }
    public int? MaxResults { get; set; }
}

public sealed class DescribeRepositoriesResponse
{
    public List<RepositoryShape> Repositories { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class DeleteRepositoryRequest
{
    public string? RegistryId { get; set; }
    public string? RepositoryName { get; set; }
    public bool Force { get; set; }
}

public sealed class DeleteRepositoryResponse
{
    public RepositoryShape? Repository { get; set; }
}

public sealed class GetAuthorizationTokenRequest
{
    public List<string>? RegistryIds { get; set; }
}

public sealed class AuthorizationDataShape
{
    public string? AuthorizationToken { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string? ProxyEndpoint { get; set; }
}

public sealed class GetAuthorizationTokenResponse
{
    public List<AuthorizationDataShape> AuthorizationData { get; set; } = [];
}

public sealed class ListImagesFilterShape
{
    public string? TagStatus { get; set; }
}

public sealed class ListImagesRequest
{
    public string? RegistryId { get; set; }
    public string? RepositoryName { get; set; }
    public string? NextToken { get; set; }
    public int? MaxResults { get; set; }
    public ListImagesFilterShape? Filter { get; set; }
}

public sealed class ListImagesResponse
{
    public List<ImageIdentifierShape> ImageIds { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class DescribeImagesRequest
{
    public string? RegistryId { get; set; }
    public string? RepositoryName { get; set; }
    public List<ImageIdentifierShape>? ImageIds { get; set; }
    public string? NextToken { get; set; }
    public int? MaxResults { get; set; }
    public ListImagesFilterShape? Filter { get; set; }
}

public sealed class DescribeImagesResponse
{
    public List<ImageDetailShape> ImageDetails { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class BatchGetImageRequest
{
    public string? RegistryId { get; set; }
    public string? RepositoryName { get; set; }
    public List<ImageIdentifierShape>? ImageIds { get; set; }
    public List<string>? AcceptedMediaTypes { get; set; }
}

public sealed class BatchGetImageResponse
{
    public List<ImageShape> Images { get; set; } = [];
    public List<ImageFailureShape> Failures { get; set; } = [];
}

public sealed class PutImageRequest
{
    public string? RegistryId { get; set; }
    public string? RepositoryName { get; set; }
    public string? ImageManifest { get; set; }
    public string? ImageManifestMediaType { get; set; }
    public string? ImageTag { get; set; }
    public string? ImageDigest { get; set; }
}

public sealed class PutImageResponse
{
    public ImageShape? Image { get; set; }
}

public sealed class BatchDeleteImageRequest
{
    public string? RegistryId { get; set; }
    public string? RepositoryName { get; set; }
    public List<ImageIdentifierShape>? ImageIds { get; set; }
}

public sealed class BatchDeleteImageResponse
{
    public List<ImageIdentifierShape> ImageIds { get; set; } = [];
    public List<ImageFailureShape> Failures { get; set; } = [];
}
