using System.Net;
using System.Text.Json;
using EcsWorkshop.Images;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecr.Domain;
using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Simulator.Ecr.Registry;

/// <summary>
/// The OCI Distribution API v2 under <c>/v2/</c>, as ECR's registry host serves it: it authenticates a request
/// (<see cref="RegistryAuthentication"/>), finds its repository, routes it to the blob requests
/// (<see cref="RegistryBlobs"/>, with the uploads in progress in <see cref="UploadSessions"/>) or the manifest and tag
/// requests (<see cref="RegistryManifests"/>), and writes a refusal as an OCI error body.
/// </summary>
public sealed class RegistryEndpoint
{
    private readonly EcrEngine _ecr;
    private readonly RegistryAuthentication _authentication;
    private readonly UploadSessions _uploads;
    private readonly RegistryBlobs _blobs;
    private readonly RegistryManifests _manifests;

    public RegistryEndpoint(EcrEngine ecr)
    {
        _ecr = ecr;
        _authentication = new RegistryAuthentication(ecr.Tokens);
        _uploads = new UploadSessions(ecr);
        _blobs = new RegistryBlobs(ecr, _uploads);
        _manifests = new RegistryManifests(ecr);
    }

    /// <summary>Handles one request under <c>/v2</c>, and says what it answered (for a classroom's observers).</summary>
    public async Task<RegistryAnswer> HandleAsync(HttpContext http)
    {
        http.Response.Headers["Docker-Distribution-API-Version"] = "registry/2.0";
        var method = http.Request.Method;
        var path = RegistryPath.Parse(http.Request.Path.Value ?? "");
        var action = path is null ? RegistryActions.Ping : RegistryActions.Of(path.Target, method);
        var authenticated = false;
        try
        {
            var region = _authentication.RegionOf(http.Request);
            authenticated = true;
            if (path is null) throw RegistryErrors.PathUnknown.Refusal();
            if (path.Target == RegistryPath.Kind.Base)
            {
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{}", http.RequestAborted).ConfigureAwait(false);
                return new RegistryAnswer(action, method, authenticated, null);
            }
            var arns = new EcrArns(region, _ecr.Tokens.AccountId);
            var repository = FindRepository(arns, path.Name);
            var upload = path.Reference;
            await (path.Target switch
            {
                RegistryPath.Kind.Tags when HttpMethods.IsGet(method) => _manifests.ListTagsAsync(http, repository),
                RegistryPath.Kind.Manifest when HttpMethods.IsGet(method) || HttpMethods.IsHead(method) => _manifests.GetAsync(http, repository, path.Reference),
                RegistryPath.Kind.Manifest when HttpMethods.IsPut(method) => _manifests.PutAsync(http, arns, repository, path.Reference),
                RegistryPath.Kind.Manifest when HttpMethods.IsDelete(method) => _manifests.Delete(http, repository, path.Reference),
                RegistryPath.Kind.Blob when HttpMethods.IsGet(method) || HttpMethods.IsHead(method) => _blobs.GetAsync(http, repository, path.Reference),
                RegistryPath.Kind.Blob when HttpMethods.IsDelete(method) => throw RegistryErrors.BlobDeletionUnsupported.Refusal(),
                RegistryPath.Kind.Uploads when HttpMethods.IsPost(method) => _blobs.StartUploadAsync(http, arns, repository),
                RegistryPath.Kind.Upload when HttpMethods.IsPatch(method) => InTurn(http, upload, () => _blobs.PatchUploadAsync(http, repository, upload)),
                RegistryPath.Kind.Upload when HttpMethods.IsPut(method) => InTurn(http, upload, () => _blobs.FinishUploadAsync(http, repository, upload)),
                RegistryPath.Kind.Upload when HttpMethods.IsGet(method) => InTurn(http, upload, () => _blobs.UploadStatus(http, repository, upload)),
                RegistryPath.Kind.Upload when HttpMethods.IsDelete(method) => InTurn(http, upload, () => _blobs.CancelUpload(http, repository, upload)),
                _ => throw RegistryErrors.MethodUnsupported.Refusal(method),
            }).ConfigureAwait(false);
            return new RegistryAnswer(action, method, authenticated, null);
        }
        catch (RegistryError error)
        {
            await WriteErrorAsync(http, error).ConfigureAwait(false);
            return new RegistryAnswer(action, method, authenticated, error);
        }
    }

    private Task InTurn(HttpContext http, string uploadId, Func<Task> handle) =>
        _uploads.OneAtATimeAsync(uploadId, handle, http.RequestAborted);

    private Repository FindRepository(EcrArns arns, string name)
    {
        if (!RepositoryNames.IsValid(name)) throw RegistryErrors.NameInvalid.Refusal(name);
        return _ecr.World.Repositories.GetValueOrDefault(arns.Repository(name))
            ?? throw RegistryErrors.NameUnknown.Refusal(name, arns.AccountId);
    }

    /// <summary>An error as the distribution spec writes it: <c>{"errors":[{"code","message","detail"}]}</c>.</summary>
    private static async Task WriteErrorAsync(HttpContext http, RegistryError error)
    {
        if (http.Response.HasStarted) return;
        http.Response.StatusCode = (int)error.Status;
        if (error.Status == HttpStatusCode.Unauthorized)
            http.Response.Headers.WWWAuthenticate = $"Basic realm=\"{http.Request.Scheme}://{http.Request.Host}/\",service=\"ecr.amazonaws.com\"";
        http.Response.ContentType = "application/json";
        var body = new { errors = new[] { new { code = error.Code, message = error.Message, detail = error.Detail } } };
        await JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
    }
}
