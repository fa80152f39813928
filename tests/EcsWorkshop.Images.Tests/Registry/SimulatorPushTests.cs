using System.Net;
using EcsWorkshop.Images.Building;
using EcsWorkshop.Images.Registry;
using EcsWorkshop.Images.Tests.Support;

namespace EcsWorkshop.Images.Tests.Registry;

/// <summary>Pushes to the simulator's ECR registry with the password from GetAuthorizationToken, as a learner would.</summary>
public sealed class SimulatorPushTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>, IDisposable
{
    private readonly TestContext _context = new();

    private BuiltImage BuildWeb(string page)
    {
        _context.Write("index.html", page)
            .Dockerfile("FROM nginx:alpine\nCOPY index.html /usr/share/nginx/html/\nEXPOSE 80\nCMD [\"nginx\", \"-g\", \"daemon off;\"]");
        return _context.Build();
    }

    [Fact]
    public async Task An_image_pushed_with_ecr_credentials_is_what_skopeo_reads_back()
    {
        var uri = await simulator.CreateRepositoryAsync("web");
        var credentials = await simulator.CredentialsAsync();
        var image = BuildWeb("<h1>simulator</h1>");
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = credentials });

        var result = await client.PushAsync(image, uri + ":latest");

        Assert.Equal($"{simulator.Registry}/web", uri);
        Assert.Equal(image.Digest, result.Digest);
        var inspect = await Tools.SkopeoInspectAsync("--creds", $"AWS:{credentials.Password}", "--tls-verify=false", $"docker://{uri}:latest");
        Assert.Equal(image.Digest.ToString(), inspect.GetProperty("Digest").GetString());
        Assert.Equal("nginx:alpine", inspect.GetProperty("Labels").GetProperty(ImageBuilder.BaseImageLabel).GetString());
        Assert.Equal("true", inspect.GetProperty("Labels").GetProperty(ImageBuilder.StandInLabel).GetString());
    }

    [Fact]
    public async Task Ecr_describes_the_pushed_image_with_its_digest_and_tag()
    {
        var uri = await simulator.CreateRepositoryAsync("described");
        var image = BuildWeb("<h1>described</h1>");
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = await simulator.CredentialsAsync() });
        await client.PushAsync(image, uri + ":v1");

        var details = (await simulator.EcrAsync("DescribeImages", new { repositoryName = "described" })).GetProperty("imageDetails")[0];

        Assert.Equal(image.Digest.ToString(), details.GetProperty("imageDigest").GetString());
        Assert.Equal(["v1"], details.GetProperty("imageTags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task A_second_push_uploads_no_blob_twice()
    {
        var uri = await simulator.CreateRepositoryAsync("repush");
        var image = BuildWeb("<h1>repush</h1>");
        var handler = new RecordingHandler();
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = await simulator.CredentialsAsync() }, handler);
        var first = await client.PushAsync(image, uri + ":1");
        handler.Requests.Clear();

        var second = await client.PushAsync(image, uri + ":2");

        Assert.Equal(2, first.UploadedCount);
        Assert.Equal(0, second.UploadedCount);
        Assert.All(second.Blobs, b => Assert.False(b.Uploaded));
        Assert.Equal(2, handler.Methods("HEAD").Count());
        Assert.Empty(handler.Methods("POST"));
        Assert.Empty(handler.Methods("PATCH"));
        Assert.Equal(image.Digest, second.Digest);
    }

    [Fact]
    public async Task Chunked_uploads_are_accepted()
    {
        var uri = await simulator.CreateRepositoryAsync("chunked");
        var image = BuildWeb("<h1>chunked</h1>" + string.Concat(Enumerable.Range(0, 300).Select(i => $"<p>{i * 7919 % 1000}</p>")));
        var handler = new RecordingHandler();
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = await simulator.CredentialsAsync(), ChunkSize = 256 }, handler);

        var result = await client.PushAsync(image, uri + ":latest");

        Assert.Equal(image.Digest, result.Digest);
        Assert.True(handler.Methods("PATCH").Count(r => r.Contains("range=")) >= 2, string.Join('\n', handler.Requests));
        Assert.Equal(image.ManifestBytes, (await client.GetManifestAsync(ImageReference.Parse(uri + ":latest"))).Bytes);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_error()
    {
        var uri = await simulator.CreateRepositoryAsync("guarded");
        var image = BuildWeb("<h1>guarded</h1>");
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = new RegistryCredentials("AWS", "not-the-password") });

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.PushAsync(image, uri + ":latest"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("UNAUTHORIZED", error.Code);
        Assert.Contains("401 UNAUTHORIZED", error.Message);
        Assert.Contains("aws ecr get-login-password", error.Message);
        Assert.Contains("パスワード", error.JapaneseMessage);
        Assert.Empty((await simulator.EcrAsync("ListImages", new { repositoryName = "guarded" })).GetProperty("imageIds").EnumerateArray());
    }

    [Fact]
    public async Task A_push_without_credentials_explains_that_the_registry_needs_them()
    {
        var uri = await simulator.CreateRepositoryAsync("anonymous");
        using var client = new RegistryClient();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.PushAsync(BuildWeb("<h1>anonymous</h1>"), uri + ":latest"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("requires a user name and password", error.Message);
        Assert.Contains("ユーザー名 AWS", error.JapaneseMessage);
    }

    [Fact]
    public async Task A_push_to_a_repository_that_does_not_exist_says_to_create_it()
    {
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = await simulator.CredentialsAsync() });

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.PushAsync(BuildWeb("<h1>nowhere</h1>"), $"{simulator.Registry}/nowhere:latest"));

        Assert.Equal("NAME_UNKNOWN", error.Code);
        Assert.Contains("aws ecr create-repository --repository-name nowhere", error.Message);
        Assert.Contains("リポジトリ nowhere がありません", error.JapaneseMessage);
    }

    public void Dispose() => _context.Dispose();
}
