using EcsWorkshop.Images;
using System.Text.Json;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Errors;
using EcsWorkshop.Simulator.Storage;
using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Simulator.Ecr.Registry;

/// <summary>
/// The registry's manifest and tag requests: manifests by tag or digest with content negotiation, pushes (which
/// go through the same ECR domain command as <c>PutImage</c>), deletes, and the tag list with paging.
/// </summary>
public sealed class RegistryManifests(EcrEngine ecr)
{
    /// <summary>ECR's limit on a manifest's size.</summary>
    public const int MaxManifestBytes = 4 * 1024 * 1024;

    public async Task GetAsync(HttpContext http, Repository repository, string reference)
    {
        var world = ecr.World;
        var image = Digest.TryParse(reference, out _) ? world.ByDigest(repository, reference) : world.ByTag(repository, reference);
        if (image is null || !Accepts(http.Request, image.ManifestMediaType) || !Digest.TryParse(image.Digest, out var digest))
            throw Unknown(reference);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = image.ManifestMediaType;
        http.Response.Headers["Docker-Content-Digest"] = image.Digest;
        http.Response.Headers.ETag = $"\"{image.Digest}\"";
        http.Response.ContentLength = ecr.Blobs.SizeOf(digest);
        if (HttpMethods.IsHead(http.Request.Method)) return;
        await using var content = ecr.Blobs.OpenRead(digest);
        await content.CopyToAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
    }

    public async Task PutAsync(HttpContext http, EcrArns arns, Repository repository, string reference)
    {
        if (http.Request.ContentLength > MaxManifestBytes) throw RegistryErrors.ManifestTooLarge.Refusal();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        if (buffer.Length > MaxManifestBytes) throw RegistryErrors.ManifestTooLarge.Refusal();
        var bytes = buffer.ToArray();

        ManifestDocument manifest;
        try
        {
            manifest = ManifestDocument.Parse(bytes, http.Request.ContentType);
        }
        catch (InvalidManifestException e)
        {
            throw RegistryErrors.ManifestInvalid.Refusal(e.Message);
        }
        var byDigest = Digest.TryParse(reference, out _);
        if (byDigest && reference != manifest.Digest)
            throw RegistryErrors.ManifestDigestMismatch.Refusal(manifest.Digest, reference);
        if (!byDigest && !RepositoryNames.IsValidTag(reference))
            throw RegistryErrors.TagInvalid.Refusal(reference);

        try
        {
            ecr.RequireManifestRoom(manifest.Digest, bytes.Length);
            ecr.Blobs.Put(bytes);
            ecr.Mutate(tx => ImageCommands.Put(tx, arns, repository, manifest, byDigest ? null : reference, RepeatedPush.Accept));
        }
        catch (DomainError refused) when (RegistryErrors.FromDomain(refused, repository, arns.AccountId) is { } answer)
        {
            throw answer;
        }
        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.Headers.Location = $"/v2/{repository.Name}/manifests/{manifest.Digest}";
        http.Response.Headers["Docker-Content-Digest"] = manifest.Digest;
        http.Response.ContentLength = 0;
    }

    public Task Delete(HttpContext http, Repository repository, string reference)
    {
        var byDigest = Digest.TryParse(reference, out _);
        var deleted = ecr.Mutate(tx => ImageCommands.Delete(tx, repository, byDigest ? reference : null, byDigest ? null : reference));
        if (deleted is null) throw Unknown(reference);
        http.Response.StatusCode = StatusCodes.Status202Accepted;
        return Task.CompletedTask;
    }

    public async Task ListTagsAsync(HttpContext http, Repository repository)
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

    /// <summary>True when the client accepts a manifest media type (no Accept header, or a wildcard, accepts all).</summary>
    private static bool Accepts(HttpRequest request, string mediaType)
    {
        var accepted = request.Headers.Accept.SelectMany(h => (h ?? "").Split(',')).Select(a => a.Split(';')[0].Trim()).Where(a => a.Length > 0).ToList();
        return accepted.Count == 0 || accepted.Contains("*/*") || accepted.Contains(mediaType)
            || (mediaType == MediaTypes.OciManifest && accepted.Contains("application/json"));
    }

    private static RegistryError Unknown(string reference) =>
        new(RegistryErrors.ManifestUnknown, RegistryErrors.ManifestUnknown.Format(), new { reference });
}
