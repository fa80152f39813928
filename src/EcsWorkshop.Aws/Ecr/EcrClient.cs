using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Ecr;

/// <summary>
/// Amazon ECR over AWS JSON 1.1 (target prefix <c>AmazonEC2ContainerRegistry_V20150921</c>, signing name <c>ecr</c>).
/// One method per operation; paging and the registry login are in <c>EcrClient.Paging.cs</c> and <c>EcrClient.Login.cs</c>.
/// </summary>
public sealed partial class EcrClient : IDisposable
{
    /// <summary>The <c>X-Amz-Target</c> prefix of ECR.</summary>
    public const string TargetPrefix = "AmazonEC2ContainerRegistry_V20150921";

    private readonly AwsJsonClient _json;

    public EcrClient(AwsClientSettings settings) => _json = new AwsJsonClient(AwsService.Ecr, TargetPrefix, settings);

    /// <summary>The URL requests go to.</summary>
    public Uri Endpoint => _json.Endpoint;

    /// <summary>Creates a repository.</summary>
    public Task<CreateRepositoryResponse> CreateRepositoryAsync(CreateRepositoryRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("CreateRepository", request, EcrJsonContext.Default.CreateRepositoryRequest, EcrJsonContext.Default.CreateRepositoryResponse, cancellationToken);

    /// <summary>Describes repositories (all of the registry's when none are named), one page.</summary>
    public Task<DescribeRepositoriesResponse> DescribeRepositoriesAsync(DescribeRepositoriesRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DescribeRepositories", request, EcrJsonContext.Default.DescribeRepositoriesRequest, EcrJsonContext.Default.DescribeRepositoriesResponse, cancellationToken);

    /// <summary>Deletes a repository.</summary>
    public Task<DeleteRepositoryResponse> DeleteRepositoryAsync(DeleteRepositoryRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DeleteRepository", request, EcrJsonContext.Default.DeleteRepositoryRequest, EcrJsonContext.Default.DeleteRepositoryResponse, cancellationToken);

    /// <summary>Gets a registry password valid for 12 hours.</summary>
    public Task<GetAuthorizationTokenResponse> GetAuthorizationTokenAsync(GetAuthorizationTokenRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("GetAuthorizationToken", request, EcrJsonContext.Default.GetAuthorizationTokenRequest, EcrJsonContext.Default.GetAuthorizationTokenResponse, cancellationToken);

    /// <summary>Describes images of a repository, one page.</summary>
    public Task<DescribeImagesResponse> DescribeImagesAsync(DescribeImagesRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DescribeImages", request, EcrJsonContext.Default.DescribeImagesRequest, EcrJsonContext.Default.DescribeImagesResponse, cancellationToken);

    /// <summary>Lists the image ids of a repository, one page.</summary>
    public Task<ListImagesResponse> ListImagesAsync(ListImagesRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("ListImages", request, EcrJsonContext.Default.ListImagesRequest, EcrJsonContext.Default.ListImagesResponse, cancellationToken);

    /// <summary>Deletes images by digest or tag.</summary>
    public Task<BatchDeleteImageResponse> BatchDeleteImageAsync(BatchDeleteImageRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("BatchDeleteImage", request, EcrJsonContext.Default.BatchDeleteImageRequest, EcrJsonContext.Default.BatchDeleteImageResponse, cancellationToken);

    /// <summary>Stores a manifest as an image (what a registry push does last).</summary>
    public Task<PutImageResponse> PutImageAsync(PutImageRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("PutImage", request, EcrJsonContext.Default.PutImageRequest, EcrJsonContext.Default.PutImageResponse, cancellationToken);

    /// <summary>Gets images with their manifests.</summary>
    public Task<BatchGetImageResponse> BatchGetImageAsync(BatchGetImageRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("BatchGetImage", request, EcrJsonContext.Default.BatchGetImageRequest, EcrJsonContext.Default.BatchGetImageResponse, cancellationToken);

    public void Dispose() => _json.Dispose();
}
