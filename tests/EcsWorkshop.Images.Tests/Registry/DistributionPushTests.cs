using System.Security.Cryptography;
using EcsWorkshop.Images.Building;
using EcsWorkshop.Images.Registry;
using EcsWorkshop.Images.Tests.Support;

namespace EcsWorkshop.Images.Tests.Registry;

/// <summary>Pushes to the CNCF distribution registry: our client speaks the protocol a third-party registry accepts.</summary>
public sealed class DistributionPushTests(DistributionRegistry registry) : IClassFixture<DistributionRegistry>, IDisposable
{
    private readonly TestContext _context = new();

    private BuiltImage BuildWeb(string page = "<h1>distribution</h1>")
    {
        // Hex of hashes: a page that does not compress away, so that layers span several chunks.
        var filler = string.Concat(Enumerable.Range(0, 100).Select(i => Convert.ToHexString(SHA256.HashData(BitConverter.GetBytes(i)))));
        _context.Write("index.html", page + filler)
            .Dockerfile("FROM nginx:alpine\nLABEL team=ecs\nCOPY index.html /usr/share/nginx/html/\nEXPOSE 80\nCMD [\"nginx\", \"-g\", \"daemon off;\"]");
        return _context.Build();
    }

    [Fact]
    public async Task A_pushed_image_is_what_skopeo_reads_back_from_the_registry()
    {
        var image = BuildWeb();
        using var client = new RegistryClient();

        var result = await client.PushAsync(image, $"{registry.Address}/workshop/web:1");

        Assert.Equal(image.Digest, result.Digest);
        Assert.Equal(2, result.UploadedCount);
        var inspect = await Tools.SkopeoInspectAsync("--tls-verify=false", $"docker://{registry.Address}/workshop/web:1");
        Assert.Equal(image.Digest.ToString(), inspect.GetProperty("Digest").GetString());
        Assert.Equal("ecs", inspect.GetProperty("Labels").GetProperty("team").GetString());
        Assert.Equal("true", inspect.GetProperty("Labels").GetProperty(ImageBuilder.StandInLabel).GetString());
        Assert.Equal(["1"], inspect.GetProperty("RepoTags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Our_client_reads_the_manifest_and_config_back()
    {
        var image = BuildWeb("<h1>read back</h1>");
        using var client = new RegistryClient();
        await client.PushAsync(image, $"{registry.Address}/workshop/readback:latest");

        var manifest = await client.GetManifestAsync(ImageReference.Parse($"{registry.Address}/workshop/readback:latest"));
        var config = await client.GetBlobAsync(ImageReference.Parse($"{registry.Address}/workshop/readback"), image.ConfigDescriptor.Digest);

        Assert.Equal(image.Digest, manifest.Digest);
        Assert.Equal(MediaTypes.OciManifest, manifest.MediaType);
        Assert.Equal(image.ManifestBytes, manifest.Bytes);
        Assert.Equal(image.ConfigBytes, config);
    }

    [Fact]
    public async Task A_second_push_finds_every_blob_and_uploads_none()
    {
        var image = BuildWeb("<h1>twice</h1>");
        var handler = new RecordingHandler();
        using var client = new RegistryClient(handler: handler);
        await client.PushAsync(image, $"{registry.Address}/workshop/twice:1");
        handler.Requests.Clear();

        var second = await client.PushAsync(image, $"{registry.Address}/workshop/twice:2");

        Assert.Equal(0, second.UploadedCount);
        Assert.Equal(2, handler.Methods("HEAD").Count());
        Assert.Empty(handler.Methods("POST"));
        Assert.Empty(handler.Methods("PATCH"));
        Assert.Equal(["PUT /v2/workshop/twice/manifests/2"], handler.Methods("PUT"));
    }

    [Fact]
    public async Task A_blob_uploaded_in_chunks_is_accepted_and_verified_by_skopeo()
    {
        var image = BuildWeb("<h1>chunks</h1>");
        var handler = new RecordingHandler();
        using var client = new RegistryClient(new RegistryClientOptions { ChunkSize = 100 }, handler);

        await client.PushAsync(image, $"{registry.Address}/workshop/chunks:1");

        var ranges = handler.Methods("PATCH").Where(r => r.Contains("range=")).ToList();
        Assert.True(ranges.Count >= 3, string.Join('\n', handler.Requests));
        Assert.EndsWith("range=0-99", ranges[0]);
        Assert.EndsWith("range=100-199", ranges[1]);
        var copy = _context.NewDirectory("copy");
        var result = await Tools.RunAsync(Tools.SkopeoPath, "copy", "--src-tls-verify=false", $"docker://{registry.Address}/workshop/chunks:1", $"oci:{copy}:copied");
        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Fact]
    public async Task An_image_without_layers_can_be_pushed()
    {
        _context.Dockerfile("FROM scratch\nLABEL only=config");
        var image = _context.Build();
        using var client = new RegistryClient();

        var result = await client.PushAsync(image, $"{registry.Address}/workshop/empty:1");

        Assert.Equal(image.Digest, result.Digest);
        Assert.Equal(image.Digest, (await client.GetManifestAsync(ImageReference.Parse($"{registry.Address}/workshop/empty:1"))).Digest);
    }

    [Fact]
    public async Task A_missing_tag_is_reported_with_the_registry_error_code()
    {
        using var client = new RegistryClient();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(ImageReference.Parse($"{registry.Address}/workshop/none:missing")));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.NotNull(error.Code);
        Assert.Contains(error.Code, error.Message);
        Assert.Contains("GET http://", error.Request);
    }

    public void Dispose() => _context.Dispose();
}
