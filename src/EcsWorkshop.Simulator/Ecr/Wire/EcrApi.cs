using System.Text;
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
        var arns = ArnsFor(context);
        var world = ecr.World;
        IEnumerable<Repository> repositories = request.RepositoryNames is { Count: > 0 } names
            ? names.Select(name => RepositoryCommands.Require(world, arns, name))
            : world.Repositories.Values.Where(r => r.Region == arns.Region);
        var (page, next) = Page(repositories, request.NextToken, request.MaxResults);
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
        var repository = RepositoryCommands.Require(ecr.World, ArnsFor(context), request.RepositoryName);
        var ids = ecr.World.ImagesIn(repository)
            .Where(i => MatchesTagStatus(i, request.Filter?.TagStatus))
            .SelectMany(i => i.Tags.IsEmpty
                ? [new ImageIdentifierShape { ImageDigest = i.Digest }]
                : i.Tags.Select(t => new ImageIdentifierShape { ImageDigest = i.Digest, ImageTag = t }));
        var (page, next) = Page(ids, request.NextToken, request.MaxResults);
        return new() { ImageIds = [.. page], NextToken = next };
    }

    private DescribeImagesResponse DescribeImages(RequestContext context, DescribeImagesRequest request)
    {
        var arns = ArnsFor(context);
        var world = ecr.World;
        var repository = RepositoryCommands.Require(world, arns, request.RepositoryName);
        IEnumerable<Image> images;
        if (request.ImageIds is { Count: > 0 } ids)
        {
            images = ids.Select(id => ImageCommands.Find(world, repository, id.ImageDigest, id.ImageTag)
                ?? throw EcrErrors.ImageNotFound.With(id.ImageDigest, id.ImageTag, repository.Name, arns.AccountId));
        }
        else
        {
            images = world.ImagesIn(repository).Where(i => MatchesTagStatus(i, request.Filter?.TagStatus)).OrderBy(i => i.PushedAt);
        }
        var (page, next) = Page(images, request.NextToken, request.MaxResults);
        return new() { ImageDetails = [.. page.Select(i => EcrMapper.ToDetail(i, repository))], NextToken = next };
    }

    private BatchGetImageResponse BatchGetImage(RequestContext context, BatchGetImageRequest request)
    {
        var world = ecr.World;
        var repository = RepositoryCommands.Require(world, ArnsFor(context), request.RepositoryName);
        RequireImageIds(request.ImageIds, 100);
        var response = new BatchGetImageResponse();
        foreach (var id in request.ImageIds!)
        {
            var image = ImageCommands.Find(world, repository, id.ImageDigest, id.ImageTag);
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
            using var content = ecr.Blobs.OpenRead(digest.Value);
            using var reader = new StreamReader(content, Encoding.UTF8);
            response.Images.Add(EcrMapper.ToShape(image, repository, reader.ReadToEnd(), id.ImageTag));
        }
        return response;
    }

    private PutImageResponse PutImage(RequestContext context, PutImageRequest request)
    {
        var arns = ArnsFor(context);
        var repository = RepositoryCommands.Require(ecr.World, arns, request.RepositoryName);
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
        ecr.Blobs.Put(bytes);
        var image = ecr.Mutate(tx => ImageCommands.Put(tx, arns, repository, manifest, request.ImageTag, RepeatedPush.Refuse));
        return new() { Image = EcrMapper.ToShape(image, repository, request.ImageManifest, request.ImageTag) };
    }

    private BatchDeleteImageResponse BatchDeleteImage(RequestContext context, BatchDeleteImageRequest request)
    {
        var repository = RepositoryCommands.Require(ecr.World, ArnsFor(context), request.RepositoryName);
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

    private static bool MatchesTagStatus(Image image, string? status) => status switch
    {
        null or "ANY" => true,
        "TAGGED" => !image.Tags.IsEmpty,
        "UNTAGGED" => image.Tags.IsEmpty,
        _ => throw EcrErrors.TagStatusInvalid.With(),
    };

    private static void RequireImageIds(List<ImageIdentifierShape>? ids, int max)
    {
        if (ids is null || ids.Count == 0)
            throw EcrErrors.ImageIdsEmpty.With();
        if (ids.Count > max)
            throw EcrErrors.TooManyImageIds.With(max);
    }

    /// <summary>ECR paging: maxResults 1–1000 (default 100) and an offset token.</summary>
    private static (List<T> Page, string? Next) Page<T>(IEnumerable<T> items, string? nextToken, int? maxResults)
    {
        var max = maxResults ?? 100;
        if (max is < 1 or > 1000)
            throw EcrErrors.MaxResultsOutOfRange.With();
        return OffsetPages.Page(items, nextToken, max,
            () => EcrErrors.InvalidNextToken.With());
    }
}
