using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EcsWorkshop.Images.Building;

namespace EcsWorkshop.Images.Registry;

/// <summary>
/// A client of the OCI Distribution API (<c>/v2/</c>), the protocol of ECR, Docker Hub and every registry: pushes a
/// built image blob by blob (a HEAD first, so blobs already there are skipped; then POST, PATCH — whole or in
/// chunks — and PUT with the digest) and its manifest by tag, and reads manifests and blobs back. Loopback
/// registries (<c>localhost</c>, <c>127.0.0.1</c>) are spoken to over plain HTTP, all others over HTTPS.
/// Authentication is HTTP Basic, sent once a registry answers 401 with a Basic challenge.
/// </summary>
public sealed class RegistryClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly RegistryClientOptions _options;
    private readonly ConcurrentDictionary<string, AuthenticationHeaderValue?> _authorization = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A client; <paramref name="handler"/> replaces the HTTP handler (tests record requests with it).</summary>
    public RegistryClient(RegistryClientOptions? options = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? new RegistryClientOptions();
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null) { Timeout = _options.Timeout };
    }

    /// <summary>The base address of a registry: <c>http://</c> for loopback hosts, <c>https://</c> otherwise.</summary>
    public static Uri BaseUri(string registry)
    {
        var host = registry.StartsWith('[') ? registry[..(registry.IndexOf(']') + 1)] : registry.Split(':')[0];
        var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        return new Uri($"{(loopback ? "http" : "https")}://{registry}/");
    }

    /// <summary>Pushes an image to <c>REGISTRY/REPOSITORY:TAG</c>.</summary>
    public Task<PushResult> PushAsync(BuiltImage image, string target, CancellationToken cancellationToken = default) =>
        PushAsync(image, ImageReference.Parse(target), cancellationToken);

    /// <summary>Pushes an image: every blob the registry lacks, then the manifest under the tag (or digest).</summary>
    public async Task<PushResult> PushAsync(BuiltImage image, ImageReference target, CancellationToken cancellationToken = default)
    {
        if (target.Digest is { } wanted && wanted != image.Digest)
            throw new ArgumentException($"The image's digest is {image.Digest}, not {wanted}.", nameof(target));
        await AuthenticateAsync(target.Registry, cancellationToken).ConfigureAwait(false);

        var pushed = new List<BlobPush>();
        foreach (var (descriptor, open) in image.Blobs())
        {
            var exists = await BlobExistsAsync(target, descriptor.Digest, cancellationToken).ConfigureAwait(false);
            if (!exists) await UploadBlobAsync(target, descriptor, open, cancellationToken).ConfigureAwait(false);
            pushed.Add(new BlobPush(descriptor.Digest, descriptor.Size, Uploaded: !exists));
        }

        var reference = target.Tag ?? target.Digest?.ToString() ?? "latest";
        var uri = Uri(target, $"manifests/{reference}");
        using var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = new ByteArrayContent(image.ManifestBytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(image.ManifestDescriptor.MediaType);
        using var response = await SendAsync(target.Registry, request, cancellationToken).ConfigureAwait(false);
        await ExpectAsync(response, HttpStatusCode.Created, target).ConfigureAwait(false);
        var confirmed = HeaderDigest(response) ?? image.Digest;
        if (confirmed != image.Digest)
            throw Failure(response.RequestMessage!, $"the registry stored the manifest as {confirmed}, but its digest is {image.Digest}",
                $"レジストリはマニフェストを {confirmed} として保存しましたが、本来のダイジェストは {image.Digest} です。", response.StatusCode, "DIGEST_INVALID");
        return new PushResult(confirmed, $"{target.Registry}/{target.Repository}:{reference}", [.. pushed]);
    }

    /// <summary>True when the repository already has the blob (HEAD answers 200).</summary>
    public async Task<bool> BlobExistsAsync(ImageReference repository, Digest digest, CancellationToken cancellationToken = default)
    {
        await AuthenticateAsync(repository.Registry, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Head, Uri(repository, $"blobs/{digest}"));
        using var response = await SendAsync(repository.Registry, request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        await ExpectAsync(response, HttpStatusCode.OK, repository).ConfigureAwait(false);
        return true;
    }

    /// <summary>Reads a manifest by tag or digest, accepting OCI and Docker manifests and indexes; verifies its digest.</summary>
    public async Task<RemoteManifest> GetManifestAsync(ImageReference reference, CancellationToken cancellationToken = default)
    {
        await AuthenticateAsync(reference.Registry, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, Uri(reference, $"manifests/{reference.ManifestReference}"));
        foreach (var accepted in MediaTypes.AnyManifest) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accepted));
        using var response = await SendAsync(reference.Registry, request, cancellationToken).ConfigureAwait(false);
        await ExpectAsync(response, HttpStatusCode.OK, reference).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var digest = Digest.Of(bytes);
        if (HeaderDigest(response) is { } header && header != digest)
            throw Failure(request, $"the registry says the manifest is {header}, but its bytes are {digest}",
                $"レジストリはマニフェストを {header} と報告しましたが、内容のダイジェストは {digest} です。", response.StatusCode, "DIGEST_INVALID");
        if (reference.Digest is { } wanted && wanted != digest)
            throw Failure(request, $"the manifest's bytes are {digest}, not the requested {wanted}",
                $"マニフェストのダイジェストは {digest} で、指定した {wanted} ではありません。", response.StatusCode, "DIGEST_INVALID");
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? MediaTypes.OciManifest;
        return new RemoteManifest(digest, mediaType, bytes);
    }

    /// <summary>Reads a small blob (a config) whole and verifies its digest.</summary>
    public async Task<byte[]> GetBlobAsync(ImageReference repository, Digest digest, CancellationToken cancellationToken = default)
    {
        await AuthenticateAsync(repository.Registry, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, Uri(repository, $"blobs/{digest}"));
        using var response = await SendAsync(repository.Registry, request, cancellationToken).ConfigureAwait(false);
        await ExpectAsync(response, HttpStatusCode.OK, repository).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (Digest.Of(bytes) != digest)
            throw Failure(request, $"the blob's bytes do not match {digest}", $"ブロブの内容が {digest} と一致しません。", response.StatusCode, "DIGEST_INVALID");
        return bytes;
    }

    // ---- authentication ----------------------------------------------------------------------------------------

    /// <summary>
    /// <c>GET /v2/</c> once per registry: 200 means anonymous access; 401 with a Basic challenge means credentials
    /// are sent from now on (and checked right away, so a wrong password fails before any upload).
    /// </summary>
    private async Task AuthenticateAsync(string registry, CancellationToken cancellationToken)
    {
        if (_authorization.ContainsKey(registry)) return;
        var uri = new Uri(BaseUri(registry), "v2/");
        using (var probe = new HttpRequestMessage(HttpMethod.Get, uri))
        using (var response = await SendRawAsync(probe, cancellationToken).ConfigureAwait(false))
        {
            if (response.IsSuccessStatusCode)
            {
                _authorization[registry] = null;
                return;
            }
            if (response.StatusCode != HttpStatusCode.Unauthorized)
                throw await ErrorAsync(response, registry, null).ConfigureAwait(false);
            var challenge = response.Headers.WwwAuthenticate.FirstOrDefault();
            if (challenge is null || !challenge.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
                throw Failure(probe,
                    $"the registry asks for {challenge?.Scheme ?? "an unknown"} authentication; this client speaks only Basic authentication (ECR's)",
                    $"レジストリ {registry} は {challenge?.Scheme ?? "不明な方式の"} 認証を求めています。このクライアントが使えるのは Basic 認証（ECR の方式）だけです。",
                    response.StatusCode, "UNAUTHORIZED");
            if (_options.Credentials is null)
                throw Failure(probe,
                    "the registry requires a user name and password; give the credentials (for ECR: user AWS and the password from aws ecr get-login-password)",
                    $"レジストリ {registry} にはユーザー名とパスワードが必要です。ECR ならユーザー名 AWS と、aws ecr get-login-password で取得したパスワードを指定してください。",
                    response.StatusCode, "UNAUTHORIZED");
        }

        var authorization = new AuthenticationHeaderValue("Basic", _options.Credentials.BasicParameter);
        using var retry = new HttpRequestMessage(HttpMethod.Get, uri);
        retry.Headers.Authorization = authorization;
        using var checkedResponse = await SendRawAsync(retry, cancellationToken).ConfigureAwait(false);
        if (!checkedResponse.IsSuccessStatusCode) throw await ErrorAsync(checkedResponse, registry, null).ConfigureAwait(false);
        _authorization[registry] = authorization;
    }

    // ---- blob upload -------------------------------------------------------------------------------------------

    private async Task UploadBlobAsync(ImageReference repository, Descriptor blob, Func<Stream> open, CancellationToken cancellationToken)
    {
        Uri location;
        using (var start = new HttpRequestMessage(HttpMethod.Post, Uri(repository, "blobs/uploads/")))
        {
            start.Content = new ByteArrayContent([]);
            using var response = await SendAsync(repository.Registry, start, cancellationToken).ConfigureAwait(false);
            await ExpectAsync(response, HttpStatusCode.Accepted, repository).ConfigureAwait(false);
            location = Location(response);
        }

        var chunk = _options.ChunkSize is { } size && size > 0 && blob.Size > size ? size : Math.Max(blob.Size, 1);
        for (long offset = 0; offset < blob.Size; offset += chunk)
        {
            var length = Math.Min(chunk, blob.Size - offset);
            using var patch = new HttpRequestMessage(HttpMethod.Patch, location) { Content = new StreamSliceContent(open, offset, length) };
            patch.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            if (length < blob.Size) patch.Content.Headers.TryAddWithoutValidation("Content-Range", $"{offset}-{offset + length - 1}");
            using var response = await SendAsync(repository.Registry, patch, cancellationToken).ConfigureAwait(false);
            await ExpectAsync(response, HttpStatusCode.Accepted, repository).ConfigureAwait(false);
            location = Location(response);
        }

        var separator = string.IsNullOrEmpty(location.Query) ? "?" : "&";
        using var finish = new HttpRequestMessage(HttpMethod.Put, new Uri(location + separator + "digest=" + blob.Digest))
        {
            Content = new ByteArrayContent([]),
        };
        using var finished = await SendAsync(repository.Registry, finish, cancellationToken).ConfigureAwait(false);
        await ExpectAsync(finished, HttpStatusCode.Created, repository).ConfigureAwait(false);
        if (HeaderDigest(finished) is { } stored && stored != blob.Digest)
            throw Failure(finish, $"the registry stored the blob as {stored}, not {blob.Digest}",
                $"レジストリはブロブを {stored} として保存しました（本来は {blob.Digest}）。", finished.StatusCode, "DIGEST_INVALID");
    }

    /// <summary>The upload's next URL: a relative <c>Location</c> is relative to the request's URL.</summary>
    private static Uri Location(HttpResponseMessage response)
    {
        var location = response.Headers.Location
            ?? throw Failure(response.RequestMessage!, "the registry gave no Location for the upload", "レジストリがアップロード先（Location）を返しませんでした。",
                response.StatusCode, null);
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------

    private static Uri Uri(ImageReference repository, string path) => new(BaseUri(repository.Registry), $"v2/{repository.Repository}/{path}");

    private Task<HttpResponseMessage> SendAsync(string registry, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_authorization.TryGetValue(registry, out var authorization) && authorization is not null)
            request.Headers.Authorization = authorization;
        return SendRawAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            var host = request.RequestUri!.Authority;
            throw new RegistryException(
                $"{request.Method} {request.RequestUri} failed: cannot reach the registry {host} ({e.Message}). Check that it is running and the address is right.",
                $"レジストリ {host} に接続できません（{e.Message}）。レジストリ（シミュレーターなら workshop serve）が起動しているか、アドレスが正しいかを確認してください。",
                $"{request.Method} {request.RequestUri}", inner: e);
        }
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, ImageReference repository)
    {
        if (response.StatusCode == expected) return;
        throw await ErrorAsync(response, repository.Registry, repository.Repository).ConfigureAwait(false);
    }

    private static Digest? HeaderDigest(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values) && Digest.TryParse(values.FirstOrDefault(), out var digest) ? digest : null;

    /// <summary>The exception for an error response, with the registry's error code and message when it sent them.</summary>
    private static async Task<RegistryException> ErrorAsync(HttpResponseMessage response, string registry, string? repository)
    {
        var (code, message) = await ReadErrorAsync(response).ConfigureAwait(false);
        var status = response.StatusCode;
        var (hint, hintJa) = (status, code) switch
        {
            (HttpStatusCode.Unauthorized, _) or (_, "UNAUTHORIZED" or "DENIED") => (
                "The registry refused the user name and password. For ECR, get a fresh password with aws ecr get-login-password (passwords expire after 12 hours).",
                $"レジストリ {registry} がユーザー名とパスワードを受け付けませんでした。ECR なら aws ecr get-login-password で新しいパスワードを取得してください（パスワードは 12 時間で期限切れになります）。"),
            (_, "NAME_UNKNOWN") => (
                $"The repository {repository} does not exist; create it first (aws ecr create-repository --repository-name {repository}).",
                $"リポジトリ {repository} がありません。先に aws ecr create-repository --repository-name {repository} で作成してください。"),
            _ => ("", $"レジストリ {registry} がエラーを返しました（{(int)status} {code ?? status.ToString()}）: {message ?? "(説明なし)"}"),
        };
        var request = response.RequestMessage!;
        var detail = $"{(int)status} {code ?? status.ToString()}{(message is null ? "" : ": " + message)}";
        return new RegistryException(
            $"{request.Method} {request.RequestUri} failed: {detail}.{(hint.Length > 0 ? " " + hint : "")}",
            hintJa, $"{request.Method} {request.RequestUri}", status, code);
    }

    private static async Task<(string? Code, string? Message)> ReadErrorAsync(HttpResponseMessage response)
    {
        if (response.RequestMessage?.Method == HttpMethod.Head) return (null, null);
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (body.Length == 0) return (null, null);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                return (first.TryGetProperty("code", out var c) ? c.GetString() : null, first.TryGetProperty("message", out var m) ? m.GetString() : null);
            }
        }
        catch (JsonException)
        {
        }
        return (null, null);
    }

    private static RegistryException Failure(HttpRequestMessage request, string message, string japanese, HttpStatusCode? status, string? code) =>
        new($"{request.Method} {request.RequestUri} failed: {message}.", japanese, $"{request.Method} {request.RequestUri}", status, code);

    public void Dispose() => _http.Dispose();
}
