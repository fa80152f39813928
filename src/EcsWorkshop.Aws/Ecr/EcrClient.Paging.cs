using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Ecr;

// Paging: every page of a list operation, as one stream.
public sealed partial class EcrClient
{
    /// <summary>Every repository (or every named one), all pages.</summary>
    public IAsyncEnumerable<Repository> DescribeAllRepositoriesAsync(DescribeRepositoriesRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new();
        return AwsPaging.EnumerateAsync(
            (token, ct) => DescribeRepositoriesAsync(request with { NextToken = token }, ct),
            page => page.Repositories, page => page.NextToken, cancellationToken);
    }

    /// <summary>Every image of a repository that matches, all pages.</summary>
    public IAsyncEnumerable<ImageDetail> DescribeAllImagesAsync(DescribeImagesRequest request, CancellationToken cancellationToken = default) =>
        AwsPaging.EnumerateAsync(
            (token, ct) => DescribeImagesAsync(request with { NextToken = token }, ct),
            page => page.ImageDetails, page => page.NextToken, cancellationToken);

    /// <summary>Every image id of a repository that matches, all pages.</summary>
    public IAsyncEnumerable<ImageIdentifier> ListAllImageIdsAsync(ListImagesRequest request, CancellationToken cancellationToken = default) =>
        AwsPaging.EnumerateAsync(
            (token, ct) => ListImagesAsync(request with { NextToken = token }, ct),
            page => page.ImageIds, page => page.NextToken, cancellationToken);
}
