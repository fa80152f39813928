using EcsWorkshop.Images;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Errors;
using EcsWorkshop.Simulator.Storage;
using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Simulator.Ecr.Registry;

/// <summary>
/// The registry's blob requests: download, cross-repository mount, and uploads (monolithic and chunked). Bytes
/// stream straight to disk and are verified against their digest before the blob exists.
/// </summary>
public sealed class RegistryBlobs(EcrEngine ecr, UploadSessions uploads)
{
    public async Task GetAsync(HttpContext http, Repository repository, string reference)
    {
        if (!Digest.TryParse(reference, out var digest)) throw RegistryErrors.DigestUnreadable.Refusal();
        var current = ecr.World.Repositories.GetValueOrDefault(repository.Arn);
        var size = current is not null && current.Blobs.Contains(reference) ? ecr.Blobs.SizeOf(digest) : null;
        if (size is null) throw new RegistryError(RegistryErrors.BlobUnknown, RegistryErrors.BlobUnknown.Format(), new { digest = reference });
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = size;
        http.Response.Headers["Docker-Content-Digest"] = reference;
        http.Response.Headers.ETag = $"\"{reference}\"";
        if (HttpMethods.IsHead(http.Request.Method)) return;
        await using var content = ecr.Blobs.OpenRead(digest);
        await content.CopyToAsync(http.Response.Body, 1 << 16, http.RequestAborted).ConfigureAwait(false);
    }

    public async Task StartUploadAsync(HttpContext http, EcrArns arns, Repository repository)
    {
        var query = http.Request.Query;
        if (query.TryGetValue("mount", out var mount) && query.TryGetValue("from", out var from) &&
            Digest.TryParse(mount, out var mounted) &&
            ecr.World.Repositories.GetValueOrDefault(arns.Repository(from.ToString())) is { } source &&
            source.Blobs.Contains(mounted.ToString()) && ecr.Blobs.SizeOf(mounted) is not null)
        {
            Link(repository, mounted);
            BlobCreated(http, repository, mounted);
            return;
        }

        var uploadId = uploads.Begin(repository);
        if (query.TryGetValue("digest", out var monolithic))
        {
            try
            {
                await AppendAsync(http, uploadId, 0).ConfigureAwait(false);
            }
            catch
            {
                uploads.Abandon(uploadId); // nobody was told of this upload: it must not outlive the refusal
                throw;
            }
            Finish(http, repository, uploadId, monolithic);
            return;
        }
        UploadAccepted(http, repository, uploadId, 0, StatusCodes.Status202Accepted);
    }

    public async Task PatchUploadAsync(HttpContext http, Repository repository, string uploadId)
    {
        var length = uploads.RequireLength(repository, uploadId);
        var newLength = await AppendAsync(http, uploadId, length).ConfigureAwait(false);
        UploadAccepted(http, repository, uploadId, newLength, StatusCodes.Status202Accepted);
    }

    public async Task FinishUploadAsync(HttpContext http, Repository repository, string uploadId)
    {
        var length = uploads.RequireLength(repository, uploadId);
        if (!http.Request.Query.TryGetValue("digest", out var digest))
            throw RegistryErrors.DigestMissing.Refusal();
        if (http.Request.ContentLength is > 0 || http.Request.Headers.ContainsKey("Transfer-Encoding"))
            await AppendAsync(http, uploadId, length).ConfigureAwait(false);
        Finish(http, repository, uploadId, digest.ToString());
    }

    public Task UploadStatus(HttpContext http, Repository repository, string uploadId)
    {
        UploadAccepted(http, repository, uploadId, uploads.RequireLength(repository, uploadId), StatusCodes.Status204NoContent);
        return Task.CompletedTask;
    }

    public Task CancelUpload(HttpContext http, Repository repository, string uploadId)
    {
        uploads.RequireLength(repository, uploadId);
        uploads.Abandon(uploadId);
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>Appends the request body, refusing a chunk whose Content-Range does not start where the upload ends.</summary>
    private async Task<long> AppendAsync(HttpContext http, string uploadId, long currentLength)
    {
        var range = http.Request.Headers.ContentRange.ToString();
        if (range.Length > 0)
        {
            var dash = range.IndexOf('-');
            var startText = (dash > 0 ? range[..dash] : range).Replace("bytes=", "").Replace("bytes ", "").Trim();
            if (!long.TryParse(startText, out var start) || start != currentLength)
                throw RegistryErrors.ChunkOutOfOrder.Refusal(currentLength);
        }
        RequireStorageRoom(uploadId, currentLength + (http.Request.ContentLength ?? 0));
        var newLength = await ecr.Blobs.AppendAsync(uploadId, http.Request.Body, http.RequestAborted).ConfigureAwait(false);
        if (http.Request.ContentLength is { } declared && newLength - currentLength != declared)
        {
            uploads.Abandon(uploadId);
            throw RegistryErrors.UploadShort.Refusal();
        }
        RequireStorageRoom(uploadId, newLength);
        return newLength;
    }

    /// <summary>
    /// Refuses the upload (DENIED, and the upload is dropped) when the account's stored bytes and the upload's
    /// <paramref name="uploadBytes"/> would exceed its registry storage quota: a declared length is refused before a
    /// byte is kept; a chunk of unknown length is refused as soon as it arrived.
    /// </summary>
    private void RequireStorageRoom(string uploadId, long uploadBytes)
    {
        try
        {
            ecr.RequireStorageRoom(uploadBytes);
        }
        catch (DomainError refused) when (refused.Error == EcrErrors.LimitExceeded)
        {
            uploads.Abandon(uploadId);
            throw new RegistryError(RegistryErrors.StorageLimit, refused.Message);
        }
    }

    private void Finish(HttpContext http, Repository repository, string uploadId, string? digestText)
    {
        uploads.Forget(uploadId);
        if (!Digest.TryParse(digestText, out var digest))
        {
            ecr.Blobs.Cancel(uploadId);
            throw RegistryErrors.DigestInvalid.Refusal(digestText);
        }
        if (!ecr.Blobs.Complete(uploadId, digest))
            throw RegistryErrors.DigestMismatch.Refusal();
        Link(repository, digest);
        BlobCreated(http, repository, digest);
    }

    private void Link(Repository repository, Digest digest) =>
        ecr.Mutate(tx => tx.World.Repositories.ContainsKey(repository.Arn)
            ? RepositoryCommands.LinkBlob(tx, repository, digest.ToString())
            : throw RegistryErrors.NameUnknown.Refusal(repository.Name, repository.RegistryId));

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
}
