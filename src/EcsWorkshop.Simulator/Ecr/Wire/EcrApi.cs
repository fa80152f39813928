using System.Text;
using EcsWorkshop.Images;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Ecr.Wire;

/// <summary>
/// The ECR API as a JSON 1.1 service. Repository URIs name the simulator's own registry host
/// (<see cref="RegistryAddress"/>, e.g. <c>localhost:4566</c>) so that docker, skopeo and the .NET SDK can push to
/// them as they are.
/// </summary>
public sealed class EcrApi(EcrEngine ecr, RegistryAddress address)
{
    public const string TargetPrefix = "AmazonEC2ContainerRegistry_V20150921";

    public AwsJsonService CreateService() => new AwsJsonService(TargetPrefix, "ecr")
        .On<CreateRepositoryRequest, CreateRepositoryResponse>("CreateRepository", CreateRepository)
        .On<DescribeRepositoriesRequest, DescribeRepositoriesResponse>("DescribeRepositories", DescribeRepositories)
        .On<DeleteRepositoryRequest, DeleteRepositoryResponse>("DeleteRepository", DeleteRepository)
        .On<GetAuthorizationTokenRequest, GetAuthorizationTokenResponse>("GetAuthorizationToken", GetAuthorizationToken)
        .On<ListImagesRequest, ListImagesResponse>("ListImages", ListImages)
        .On<DescribeImagesRequest, DescribeImagesResponse>("DescribeImages", DescribeImages)
        .On<BatchGetImageRequest, BatchGetImageResponse>("BatchGetImage", BatchGetImage)
        .On<PutImageRequest, PutImageResponse>("PutImage", PutImage)
        .On<BatchDeleteImageRequest, BatchDeleteImageResponse>("BatchDeleteImage", BatchDeleteImage);

    private static EcrArns ArnsFor(RequestContext context) => new(context.Region, context.AccountId);

    private CreateRepositoryResponse CreateRepository(RequestContext context, CreateRepositoryRequest request)
    {
        var command = EcrMapper.ToDomain(request);
        var repository = ecr.Mutate(tx => RepositoryCommands.Create(tx, ArnsFor(context), command));
        return new() { Repository = EcrMapper.ToShape(repository, address.Host) };
    }

    private DescribeRepositoriesResponse DescribeRepositories(RequestContext context, DescribeRepositoriesRequest request)
    {
        var (page, next) = RepositoryQueries.Describe(ecr.World, ArnsFor(context), request.RepositoryNames, request.NextToken, request.MaxResults);
        return new() { Repositories = [.. page.Select(r => EcrMapper.ToShape(r, address.Host))], NextToken = next };
    }

    private DeleteRepositoryResponse DeleteRepository(RequestContext context, DeleteRepositoryRequest request)
    {
        var repository = ecr.Mutate(tx => RepositoryCommands.Delete(tx, ArnsFor(context), request.RepositoryName, request.Force));
        return new() { Repository = EcrMapper.ToShape(repository, address.Host) };
    }

    private GetAuthorizationTokenResponse GetAuthorizationToken(RequestContext context, GetAuthorizationTokenRequest request)
    {
        var (password, expiresAt) = ecr.Tokens.Issue(context.Region);
        return new()
        {
            AuthorizationData =
            [
                new()
                {
                    AuthorizationToken = Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password)),
                    ExpiresAt = expiresAt,
                    ProxyEndpoint = $"http://{address.Host}",
                },
            ],
        };
    }

    private ListImagesResponse ListImages(RequestContext context, ListImagesRequest request)
    {
        var world = ecr.World;
        var repository = RepositoryQueries.Require(world, ArnsFor(context), request.RepositoryName);
        var (page, next) = ImageQueries.List(world, repository, EcrMapper.ToTagStatus(request.Filter?.TagStatus), request.NextToken, request.MaxResults);
        return new() { ImageIds = [.. page.Select(EcrMapper.ToShape)], NextToken = next };
    }

    private DescribeImagesResponse DescribeImages(RequestContext context, DescribeImagesRequest request)
    {
        var arns = ArnsFor(context);
        var world = ecr.World;
        var repository = RepositoryQueries.Require(world, arns, request.RepositoryName);
        var ids = request.ImageIds?.Select(id => new ImageId(id.ImageDigest, id.ImageTag)).ToList();
        var status = ids is { Count: > 0 } ? TagStatus.Any : EcrMapper.ToTagStatus(request.Filter?.TagStatus); // the filter applies to listing only
        var (page, next) = ImageQueries.Describe(world, arns, repository, ids, status, request.NextToken, request.MaxResults);
        return new() { ImageDetails = [.. page.Select(i => EcrMapper.ToDetail(i, repository))], NextToken = next };
    }

    private BatchGetImageResponse BatchGetImage(RequestContext context, BatchGetImageRequest request)
    {
        var world = ecr.World;
        var repository = RepositoryQueries.Require(world, ArnsFor(context), request.RepositoryName);
        RequireImageIds(request.ImageIds, 100);
        var response = new BatchGetImageResponse();
        foreach (var id in request.ImageIds!)
        {
            var image = ImageQueries.Find(world, repository, id.ImageDigest, id.ImageTag);
            if (image is null || !Digest.TryParse(image.Digest, out var digest))
            {
                response.Failures.Add(EcrMapper.NotFound(id));
                continue;
            }
            if (request.AcceptedMediaTypes is { Count: > 0 } accepted && !accepted.Contains(image.ManifestMediaType))
            {
                response.Failures.Add(new() { ImageId = id, FailureCode = "UnsupportedImageType", FailureReason = "The requested image's media type is not among the accepted media types" });
                continue;
            }
            using var content = ecr.Blobs.OpenRead(digest);
            using var reader = new StreamReader(content, Encoding.UTF8);
            response.Images.Add(EcrMapper.ToShape(image, repository, reader.ReadToEnd(), id.ImageTag));
        }
        return response;
    }

    private PutImageResponse PutImage(RequestContext context, PutImageRequest request)
    {
        var arns = ArnsFor(context);
        var repository = RepositoryQueries.Require(ecr.World, arns, request.RepositoryName);
        if (string.IsNullOrEmpty(request.ImageManifest))
            throw EcrErrors.ManifestNull.With();
        var bytes = Encoding.UTF8.GetBytes(request.ImageManifest);
        ManifestDocument manifest;
        try
        {
            manifest = ManifestDocument.Parse(bytes, request.ImageManifestMediaType);
        }
        catch (InvalidManifestException e)
        {
            throw EcrErrors.InvalidManifest.With(e.Message);
        }
        if (request.ImageDigest is { } given && given != manifest.Digest)
            throw EcrErrors.ImageDigestDoesNotMatch.With(given, manifest.Digest);
        ecr.RequireManifestRoom(manifest.Digest, bytes.Length);
        ecr.Blobs.Put(bytes);
        var image = ecr.Mutate(tx => ImageCommands.Put(tx, arns, repository, manifest, request.ImageTag, RepeatedPush.Refuse));
        return new() { Image = EcrMapper.ToShape(image, repository, request.ImageManifest, request.ImageTag) };
    }

    private BatchDeleteImageResponse BatchDeleteImage(RequestContext context, BatchDeleteImageRequest request)
    {
        var repository = RepositoryQueries.Require(ecr.World, ArnsFor(context), request.RepositoryName);
        RequireImageIds(request.ImageIds, 100);
        return ecr.Mutate(tx =>
        {
            var response = new BatchDeleteImageResponse();
            foreach (var id in request.ImageIds!)
            {
                if (ImageCommands.Delete(tx, repository, id.ImageDigest, id.ImageTag) is { } deleted)
                    response.ImageIds.Add(new() { ImageDigest = deleted.Digest, ImageTag = deleted.Tag });
                else
                    response.Failures.Add(EcrMapper.NotFound(id));
            }
            return response;
        });
    }

    private static void RequireImageIds(List<ImageIdentifierShape>? ids, int max)
    {
        if (ids is null || ids.Count == 0)
            throw EcrErrors.ImageIdsEmpty.With();
        if (ids.Count > max)
            throw EcrErrors.TooManyImageIds.With(max);
    }

}
