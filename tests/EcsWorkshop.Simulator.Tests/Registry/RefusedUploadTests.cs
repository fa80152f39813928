using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Registry;

/// <summary>Bad uploads are refused with the registry's status and error code, and nothing half-stored remains.</summary>
public sealed class RefusedUploadTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>, IAsyncLifetime
{
    private readonly RegistryHttp _registry = new(simulator.Server.Endpoint);
    private readonly string _repository = "uploads-" + Guid.NewGuid().ToString("n")[..8];

    public async Task InitializeAsync()
    {
        await _registry.EcrAsync("CreateRepository", new { repositoryName = _repository });
        _registry.UsePassword(await _registry.PasswordAsync());
    }

    public Task DisposeAsync()
    {
        _registry.Dispose();
        return Task.CompletedTask;
    }

    private bool Stored(string digest) =>
        simulator.Server.Ecr.World.Repositories.Values.Single(r => r.Name == _repository).Blobs.Contains(digest);

    [Fact]
    public async Task A_request_without_credentials_gets_401_with_a_basic_challenge()
    {
        using var anonymous = new HttpClient { BaseAddress = simulator.Server.Endpoint };

        var response = await anonymous.GetAsync("/v2/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("UNAUTHORIZED", await RegistryHttp.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task A_forged_password_is_refused()
    {
        using var forger = new RegistryHttp(simulator.Server.Endpoint);
        forger.UsePassword("eyJmb3JnZWQiOnRydWV9.c2lnbmF0dXJl");

        var response = await forger.Client.GetAsync($"/v2/{_repository}/tags/list");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_blob_whose_digest_does_not_match_is_refused_and_not_stored()
    {
        var content = Encoding.UTF8.GetBytes("real content");
        var claimed = TestOciLayout.DigestOf(Encoding.UTF8.GetBytes("other content"));

        var response = await _registry.PushBlobAsync(_repository, content, claimed);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("DIGEST_INVALID", await RegistryHttp.ErrorCodeAsync(response));
        Assert.False(Stored(claimed));
        Assert.False(Stored(TestOciLayout.DigestOf(content)));
        var head = await _registry.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/v2/{_repository}/blobs/{claimed}"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task A_chunk_out_of_order_gets_416()
    {
        var start = await _registry.Client.PostAsync($"/v2/{_repository}/blobs/uploads/", null);
        var location = start.Headers.Location!.ToString();
        var first = new ByteArrayContent(Encoding.UTF8.GetBytes("0123456789"));
        first.Headers.TryAddWithoutValidation("Content-Range", "0-9");
        Assert.Equal(HttpStatusCode.Accepted, (await _registry.Client.PatchAsync(location, first)).StatusCode);

        var skipping = new ByteArrayContent(Encoding.UTF8.GetBytes("abcdef"));
        skipping.Headers.TryAddWithoutValidation("Content-Range", "20-25");
        var response = await _registry.Client.PatchAsync(location, skipping);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
    }

    [Fact]
    public async Task Chunked_uploads_in_order_make_one_verified_blob()
    {
        var content = Encoding.UTF8.GetBytes(new string('x', 5000));
        var digest = TestOciLayout.DigestOf(content);
        var start = await _registry.Client.PostAsync($"/v2/{_repository}/blobs/uploads/", null);
        var location = start.Headers.Location!.ToString();
        for (var offset = 0; offset < content.Length; offset += 2048)
        {
            var length = Math.Min(2048, content.Length - offset);
            var chunk = new ByteArrayContent(content, offset, length);
            chunk.Headers.TryAddWithoutValidation("Content-Range", $"{offset}-{offset + length - 1}");
            var patch = await _registry.Client.PatchAsync(location, chunk);
            Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
            Assert.Equal($"0-{offset + length - 1}", patch.Headers.GetValues("Range").Single());
            location = patch.Headers.Location!.ToString();
        }

        var put = await _registry.Client.PutAsync($"{location}?digest={digest}", null);

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(digest, put.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal(content, await _registry.Client.GetByteArrayAsync($"/v2/{_repository}/blobs/{digest}"));
    }

    [Fact]
    public async Task A_truncated_body_is_not_stored()
    {
        var start = await _registry.Client.PostAsync($"/v2/{_repository}/blobs/uploads/", null);
        var location = start.Headers.Location!.ToString();
        var uploadId = location[(location.LastIndexOf('/') + 1)..];
        var authorization = _registry.Client.DefaultRequestHeaders.Authorization!.ToString();

        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(IPAddress.Loopback, simulator.Server.Endpoint.Port);
            var stream = socket.GetStream();
            var head = $"PATCH {location} HTTP/1.1\r\nHost: localhost\r\nAuthorization: {authorization}\r\nContent-Length: 1000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + new string('y', 100)));
            await stream.FlushAsync();
        }

        var status = await PollAsync(async () => await _registry.Client.GetAsync(location), r => r.StatusCode == HttpStatusCode.NotFound
            || (r.StatusCode == HttpStatusCode.NoContent && r.Headers.GetValues("Range").Single() == "0-0"));
        var finish = await _registry.Client.PutAsync($"{location}?digest={TestOciLayout.DigestOf(Encoding.UTF8.GetBytes(new string('y', 100)))}", null);
        Assert.NotEqual(HttpStatusCode.Created, finish.StatusCode);
        Assert.DoesNotContain(uploadId, Directory.EnumerateFiles(simulator.StateDirectory, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        _ = status;
    }

    [Fact]
    public async Task A_manifest_that_references_a_missing_blob_is_refused()
    {
        var image = TestOciLayout.Create("missing layer");
        await _registry.PushBlobAsync(_repository, image.Config, image.ConfigDigest);

        var response = await PutManifestAsync("v1", image.Manifest);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MANIFEST_BLOB_UNKNOWN", await RegistryHttp.ErrorCodeAsync(response));
        Assert.DoesNotContain(simulator.Server.Ecr.World.Images.Values, i => i.RepositoryArn.EndsWith("/" + _repository, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_manifest_that_is_not_json_is_refused()
    {
        var response = await PutManifestAsync("v1", Encoding.UTF8.GetBytes("not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MANIFEST_INVALID", await RegistryHttp.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Pushing_to_a_repository_that_does_not_exist_is_NAME_UNKNOWN()
    {
        var response = await _registry.Client.PostAsync("/v2/no-such-repository/blobs/uploads/", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NAME_UNKNOWN", await RegistryHttp.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task An_invalid_repository_name_is_NAME_INVALID()
    {
        var response = await _registry.Client.GetAsync("/v2/Upper_Case/tags/list");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("NAME_INVALID", await RegistryHttp.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task A_manifest_is_served_only_to_clients_that_accept_its_media_type()
    {
        var image = TestOciLayout.Create("negotiated");
        await _registry.PushBlobAsync(_repository, image.Layer, image.LayerDigest);
        await _registry.PushBlobAsync(_repository, image.Config, image.ConfigDigest);
        Assert.Equal(HttpStatusCode.Created, (await PutManifestAsync("v1", image.Manifest)).StatusCode);

        var oci = new HttpRequestMessage(HttpMethod.Get, $"/v2/{_repository}/manifests/v1");
        oci.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        var dockerOnly = new HttpRequestMessage(HttpMethod.Get, $"/v2/{_repository}/manifests/v1");
        dockerOnly.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
        var accepted = await _registry.Client.SendAsync(oci);
        var refused = await _registry.Client.SendAsync(dockerOnly);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(image.ManifestDigest, accepted.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal(image.Manifest, await accepted.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task An_immutable_repository_refuses_to_move_a_tag()
    {
        var name = _repository + "-immutable";
        await _registry.EcrAsync("CreateRepository", new { repositoryName = name, imageTagMutability = "IMMUTABLE" });
        foreach (var content in new[] { "first", "second" })
        {
            var image = TestOciLayout.Create(content);
            await _registry.PushBlobAsync(name, image.Layer, image.LayerDigest);
            await _registry.PushBlobAsync(name, image.Config, image.ConfigDigest);
            var response = await PutManifestAsync("latest", image.Manifest, name);
            if (content == "first")
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal("TAG_INVALID", await RegistryHttp.ErrorCodeAsync(response));
            }
        }
    }

    private async Task<HttpResponseMessage> PutManifestAsync(string reference, byte[] manifest, string? repository = null)
    {
        var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.oci.image.manifest.v1+json");
        return await _registry.Client.PutAsync($"/v2/{repository ?? _repository}/manifests/{reference}", content);
    }

    private static async Task<HttpResponseMessage> PollAsync(Func<Task<HttpResponseMessage>> request, Func<HttpResponseMessage, bool> done)
    {
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            response = await request();
            if (done(response)) return response;
            await Task.Delay(50);
        }
        while (++attempts < 100);
        return response;
    }
}
