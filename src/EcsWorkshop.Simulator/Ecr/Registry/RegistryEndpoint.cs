using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Images;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Storage;
using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Simulator.Ecr.Registry;

/// <summary>
/// The OCI Distribution API v2 under <c>/v2/</c>, as ECR's registry host serves it: Basic auth with user <c>AWS</c>
/// and a GetAuthorizationToken password (whose region selects the repositories), blob uploads (monolithic and
/// chunked, cross-repository mounts), manifests by tag and digest with content negotiation, tag listing, deletes.
/// Blobs stream straight to disk and are verified against their digest before they exist.
/// </summary>
public sealed class RegistryEndpoint(EcrEngine ecr)
{
    /// <summary>ECR's limit on a manifest's size.</summary>
    public const int MaxManifestBytes = 4 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, string> _uploadRepositories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _uploadTurns = new(StringComparer.Ordinal);

    /// <summary>Handles one request under <c>/v2</c>.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        http.Response.Headers["Docker-Distribution-API-Version"] = "registry/2.0";
        try
        {
            var region = Authenticate(http.Request);
            var path = RegistryPath.Parse(http.Request.Path.Value ?? "") ?? throw new RegistryError(HttpStatusCode.NotFound, "NAME_UNKNOWN", "unknown registry path");
            if (path.Target == RegistryPath.Kind.Base)
            {
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{}", http.RequestAborted).ConfigureAwait(false);
                return;
            }
            var arns = new EcrArns(region, SimulatedAccount.Id);
            var repository = FindRepository(arns, path.Name);
            var method = http.Request.Method;
            await (path.Target switch
            {
                RegistryPath.Kind.Tags when HttpMethods.IsGet(method) => ListTagsAsync(http, repository),
                RegistryPath.Kind.Manifest when HttpMethods.IsGet(method) || HttpMethods.IsHead(method) => GetManifestAsync(http, repository, path.Reference),
                RegistryPath.Kind.Manifest when HttpMethods.IsPut(method) => PutManifestAsync(http, arns, repository, path.Reference),
                RegistryPath.Kind.Manifest when HttpMethods.IsDelete(method) => DeleteManifest(http, repository, path.Reference),
                RegistryPath.Kind.Blob when HttpMethods.IsGet(method) || HttpMethods.IsHead(method) => GetBlobAsync(http, repository, path.Reference),
                RegistryPath.Kind.Blob when HttpMethods.IsDelete(method) => throw RegistryError.Unsupported("blob deletion is not supported; delete the image instead"),
                RegistryPath.Kind.Uploads when HttpMethods.IsPost(method) => StartUploadAsync(http, arns, repository),
                RegistryPath.Kind.Upload when HttpMethods.IsPatch(method) => OneAtATimeAsync(http, path.Reference, () => PatchUploadAsync(http, repository, path.Reference)),
                RegistryPath.Kind.Upload when HttpMethods.IsPut(method) => OneAtATimeAsync(http, path.Reference, () => FinishUploadAsync(http, repository, path.Reference)),
                RegistryPath.Kind.Upload when HttpMethods.IsGet(method) => OneAtATimeAsync(http, path.Reference, () => UploadStatus(http, repository, path.Reference)),
                RegistryPath.Kind.Upload when HttpMethods.IsDelete(method) => OneAtATimeAsync(http, path.Reference, () => CancelUpload(http, repository, path.Reference)),
                _ => throw RegistryError.Unsupported($"{method} is not supported here"),
            }).ConfigureAwait(false);
        }
        catch (RegistryError error)
        {
            await WriteErrorAsync(http, error).ConfigureAwait(false);
        }
    }

    /// <summary>The region of a valid <c>AWS</c> password, or 401.</summary>
    private string Authenticate(HttpRequest request)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) &&
            header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is not null)
        {
            string credentials;
            try
            {
                credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            }
            catch (FormatException)
            {
                throw RegistryError.Unauthorized();
            }
            var colon = credentials.IndexOf(':');
            if (colon > 0 && credentials[..colon] == "AWS" && ecr.Tokens.RegionOf(credentials[(colon + 1)..]) is { } region)
                return region;
        }
        throw RegistryError.Unauthorized();
    }

    private Repository FindRepository(EcrArns arns, string name)
    {
        if (!RepositoryNames.IsValid(name)) throw RegistryError.NameInvalid(name);
        return ecr.World.Repositories.GetValueOrDefault(arns.Repository(name))
            ?? throw RegistryError.NameUnknown(name, arns.AccountId);
    }

    // ---- blobs -------------------------------------------------------------------------------------------------

    private async Task GetBlobAsync(HttpContext http, Repository repository, string reference)
    {
        if (!Digest.TryParse(reference, out var digest)) throw RegistryError.DigestInvalid("invalid digest");
        var current = ecr.World.Repositories.GetValueOrDefault(repository.Arn);
        var size = current is not null && current.Blobs.Contains(reference) ? ecr.Blobs.SizeOf(digest) : null;
        if (size is null) throw RegistryError.BlobUnknown(reference);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = size;
        http.Response.Headers["Docker-Content-Digest"] = reference;
        http.Response.Headers.ETag = $"\"{reference}\"";
        if (HttpMethods.IsHead(http.Request.Method)) return;
        await using var content = ecr.Blobs.OpenRead(digest);
        await content.CopyToAsync(http.Response.Body, 1 << 16, http.RequestAborted).ConfigureAwait(false);
    }

    private async Task StartUploadAsync(HttpContext http, EcrArns arns, Repository repository)
    {
        var query = http.Request.Query;
        if (query.TryGetValue("mount", out var mount) && query.TryGetValue("from", out var from) &&
            Digest.TryParse(mount, out var mounted) &&
            ecr.World.Repositories.GetValueOrDefault(arns.Repository(from.ToString())) is { } source &&
            source.Blobs.Contains(mounted.ToString()) && ecr.Blobs.SizeOf(mounted) is not null)
        {
            LinkBlob(repository, mounted);
            BlobCreated(http, repository, mounted);
            return;
        }

        AbandonUploadsOfDeletedRepositories();
        var uploadId = ecr.Blobs.BeginUpload();
        _uploadRepositories[uploadId] = repository.Arn;
        if (query.TryGetValue("digest", out var monolithic))
        {
            try
            {
                await AppendAsync(http, uploadId, 0).ConfigureAwait(false);
            }
            catch
            {
                Abandon(uploadId); // nobody was told of this upload: it must not outlive the refusal
                throw;
            }
            Finish(http, repository, uploadId, monolithic);
            return;
        }
        UploadAccepted(http, repository, uploadId, 0, StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// Runs one request on an upload after any other on the same upload has finished: a chunk still streaming in
    /// is whole (or taken back out) before the upload is finished, cancelled or measured.
    /// </summary>
    private async Task OneAtATimeAsync(HttpContext http, string uploadId, Func<Task> handle)
    {
        if (!_uploadRepositories.ContainsKey(uploadId))
        {
            await handle().ConfigureAwait(false); // no such upload: nothing to wait for
            return;
        }
        var turn = _uploadTurns.GetOrAdd(uploadId, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(http.RequestAborted).ConfigureAwait(false);
        try
        {
            await handle().ConfigureAwait(false);
        }
        finally
        {
            turn.Release();
            if (!_uploadRepositories.ContainsKey(uploadId)) _uploadTurns.TryRemove(uploadId, out _);
        }
    }

    private async Task PatchUploadAsync(HttpContext http, Repository repository, string uploadId)
    {
        var length = RequireUpload(repository, uploadId);
        var newLength = await AppendAsync(http, uploadId, length).ConfigureAwait(false);
        UploadAccepted(http, repository, uploadId, newLength, StatusCodes.Status202Accepted);
    }

    private async Task FinishUploadAsync(HttpContext http, Repository repository, string uploadId)
    {
        var length = RequireUpload(repository, uploadId);
        if (!http.Request.Query.TryGetValue("digest", out var digest))
            throw RegistryError.DigestInvalid("the digest query parameter is required to finish an upload");
        if (http.Request.ContentLength is > 0 || http.Request.Headers.ContainsKey("Transfer-Encoding"))
            await AppendAsync(http, uploadId, length).ConfigureAwait(false);
        Finish(http, repository, uploadId, digest.ToString());
    }

    private Task UploadStatus(HttpContext http, Repository repository, string uploadId)
    {
        UploadAccepted(http, repository, uploadId, RequireUpload(repository, uploadId), StatusCodes.Status204NoContent);
        return Task.CompletedTask;
    }

    private Task CancelUpload(HttpContext http, Repository repository, string uploadId)
    {
        RequireUpload(repository, uploadId);
        Abandon(uploadId);
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Takes off the disk the uploads into repositories deleted since they began: no request can reach them any more
    /// (the repository is not found), so they would stay until a restart. An upload a request is still writing to is
    /// left for the next sweep, at the next upload's start.
    /// </summary>
    private void AbandonUploadsOfDeletedRepositories()
    {
        var repositories = ecr.World.Repositories;
        foreach (var (uploadId, owner) in _uploadRepositories)
        {
            if (repositories.ContainsKey(owner)) continue;
            var turn = _uploadTurns.GetOrAdd(uploadId, _ => new SemaphoreSlim(1, 1));
            if (!turn.Wait(0)) continue;
            try
            {
                if (_uploadRepositories.TryGetValue(uploadId, out var current) && current == owner && !ecr.World.Repositories.ContainsKey(owner))
                    Abandon(uploadId);
            }
            finally
            {
                turn.Release();
            }
        }
    }

    private void Abandon(string uploadId)
    {
        ecr.Blobs.Cancel(uploadId);
        Forget(uploadId);
    }

    /// <summary>Forgets an upload that ended (finished or abandoned).</summary>
    private void Forget(string uploadId)
    {
        _uploadRepositories.TryRemove(uploadId, out _);
        _uploadTurns.TryRemove(uploadId, out _);
    }

    private long RequireUpload(Repository repository, string uploadId) =>
        _uploadRepositories.TryGetValue(uploadId, out var owner) && owner == repository.Arn && ecr.Blobs.UploadedLength(uploadId) is { } length
            ? length
            : throw RegistryError.UploadUnknown();

    /// <summary>Appends the request body, refusing a chunk whose Content-Range does not start where the upload ends.</summary>
    private async Task<long> AppendAsync(HttpContext http, string uploadId, long currentLength)
    {
        var range = http.Request.Headers.ContentRange.ToString();
        if (range.Length > 0)
        {
            var dash = range.IndexOf('-');
            var startText = (dash > 0 ? range[..dash] : range).Replace("bytes=", "").Replace("bytes ", "").Trim();
            if (!long.TryParse(startText, out var start) || start != currentLength)
                throw RegistryError.RangeInvalid(currentLength);
        }
        var newLength = await ecr.Blobs.AppendAsync(uploadId, http.Request.Body, http.RequestAborted).ConfigureAwait(false);
        if (http.Request.ContentLength is { } declared && newLength - currentLength != declared)
        {
            Abandon(uploadId);
            throw RegistryError.UploadInvalid("the request body was shorter than its Content-Length");
        }
        return newLength;
    }

    private void Finish(HttpContext http, Repository repository, string uploadId, string? digestText)
    {
        Forget(uploadId);
        if (!Digest.TryParse(digestText, out var digest))
        {
            ecr.Blobs.Cancel(uploadId);
            throw RegistryError.DigestInvalid($"invalid digest '{digestText}'");
        }
        if (!ecr.Blobs.Complete(uploadId, digest))
            throw RegistryError.DigestInvalid("provided digest did not match uploaded content");
        LinkBlob(repository, digest);
        BlobCreated(http, repository, digest);
    }

    private void LinkBlob(Repository repository, Digest digest) =>
        ecr.Mutate(tx => tx.World.Repositories.ContainsKey(repository.Arn)
            ? RepositoryCommands.LinkBlob(tx, repository, digest.ToString())
            : throw RegistryError.NameUnknown(repository.Name, repository.RegistryId));

    private static void BlobCreated(HttpContext http, Repository repository, Digest digest)
    {
        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.Headers.Location = $"/v2/{repository.Name}/blobs/{digest}";
        http.Response.Headers["Docker-Content-Digest"] = digest.ToString();
        http.Response.ContentLength = 0;
    }

    private static void UploadAccepted(HttpContext http, Repository repository, string uploadId, long length, int status)
    {
        http.Response.StatusCode = status;
        http.Response.Headers.Location = $"/v2/{repository.Name}/blobs/uploads/{uploadId}";
        http.Response.Headers["Docker-Upload-UUID"] = uploadId;
        http.Response.Headers.Range = $"0-{Math.Max(length - 1, 0)}";
        http.Response.ContentLength = 0;
    }

    // ---- manifests and tags ------------------------------------------------------------------------------------

    private async Task GetManifestAsync(HttpContext http, Repository repository, string reference)
    {
        var world = ecr.World;
        var image = Digest.TryParse(reference, out _) ? world.ByDigest(repository, reference) : world.ByTag(repository, reference);
        if (image is null || !Accepts(http.Request, image.ManifestMediaType) || !Digest.TryParse(image.Digest, out var digest))
            throw RegistryError.ManifestUnknown(reference);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = image.ManifestMediaType;
        http.Response.Headers["Docker-Content-Digest"] = image.Digest;
        http.Response.Headers.ETag = $"\"{image.Digest}\"";
        http.Response.ContentLength = ecr.Blobs.SizeOf(digest);
        if (HttpMethods.IsHead(http.Request.Method)) return;
        await using var content = ecr.Blobs.OpenRead(digest);
        await content.CopyToAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>True when the client accepts a manifest media type (no Accept header, or a wildcard, accepts all).</summary>
    private static bool Accepts(HttpRequest request, string mediaType)
    {
        var accepted = request.Headers.Accept.SelectMany(h => (h ?? "").Split(',')).Select(a => a.Split(';')[0].Trim()).Where(a => a.Length > 0).ToList();
        return accepted.Count == 0 || accepted.Contains("*/*") || accepted.Contains(mediaType)
            || (mediaType == MediaTypes.OciManifest && accepted.Contains("application/json"));
    }

    private async Task PutManifestAsync(HttpContext http, EcrArns arns, Repository repository, string reference)
    {
        if (http.Request.ContentLength > MaxManifestBytes) throw RegistryError.TooLarge("the manifest is larger than 4 MiB");
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        if (buffer.Length > MaxManifestBytes) throw RegistryError.TooLarge("the manifest is larger than 4 MiB");
        var bytes = buffer.ToArray();

        ManifestDocument manifest;
        try
        {
            manifest = ManifestDocument.Parse(bytes, http.Request.ContentType);
        }
        catch (InvalidManifestException e)
        {
            throw RegistryError.ManifestInvalid(e.Message);
        }
        var byDigest = Digest.TryParse(reference, out _);
        if (byDigest && reference != manifest.Digest)
            throw RegistryError.DigestInvalid($"the manifest's digest is {manifest.Digest}, not {reference}");
        if (!byDigest && !RepositoryNames.IsValidTag(reference))
            throw RegistryError.TagInvalid($"invalid tag '{reference}'");

        ecr.Blobs.Put(bytes);
        try
        {
            ecr.Mutate(tx => ImageCommands.Put(tx, arns, repository, manifest, byDigest ? null : reference, RepeatedPush.Accept));
        }
        catch (AwsServiceException e) when (e.Code == "LayersNotFoundException")
        {
            throw RegistryError.ManifestBlobUnknown(e.Message);
        }
        catch (AwsServiceException e) when (e.Code == "ImageNotFoundException")
        {
            throw RegistryError.ManifestBlobUnknown(e.Message);
        }
        catch (AwsServiceException e) when (e.Code == "ImageTagAlreadyExistsException")
        {
            throw RegistryError.TagInvalid(e.Message);
        }
        catch (AwsServiceException e) when (e.Code == "RepositoryNotFoundException")
        {
            throw RegistryError.NameUnknown(repository.Name, arns.AccountId);
        }
        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.Headers.Location = $"/v2/{repository.Name}/manifests/{manifest.Digest}";
        http.Response.Headers["Docker-Content-Digest"] = manifest.Digest;
        http.Response.ContentLength = 0;
    }

    private Task DeleteManifest(HttpContext http, Repository repository, string reference)
    {
        var byDigest = Digest.TryParse(reference, out _);
        var deleted = ecr.Mutate(tx => ImageCommands.Delete(tx, repository, byDigest ? reference : null, byDigest ? null : reference));
        if (deleted is null) throw RegistryError.ManifestUnknown(reference);
        http.Response.StatusCode = StatusCodes.Status202Accepted;
        return Task.CompletedTask;
    }

    private async Task ListTagsAsync(HttpContext http, Repository repository)
    {
        var tags = ecr.World.ImagesIn(repository).SelectMany(i => i.Tags).Order(StringComparer.Ordinal).ToList();
        var query = http.Request.Query;
        if (query.TryGetValue("last", out var last) && last.ToString() is { Length: > 0 } after)
            tags = [.. tags.Where(t => string.CompareOrdinal(t, after) > 0)];
        if (query.TryGetValue("n", out var n) && int.TryParse(n, out var limit) && limit >= 0 && tags.Count > limit)
        {
            tags = tags[..limit];
            if (limit > 0)
                http.Response.Headers.Link = $"</v2/{repository.Name}/tags/list?n={limit}&last={Uri.EscapeDataString(tags[^1])}>; rel=\"next\"";
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Response.Body, new { name = repository.Name, tags }, cancellationToken: http.RequestAborted).ConfigureAwait(false);
    }

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
