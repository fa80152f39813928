using System.Net;
using System.Security.Cryptography;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Quotas;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Quotas;

/// <summary>
/// A learner's registry storage quota: a push whose layers would pass it is refused on the registry protocol
/// (<c>DENIED</c>, HTTP 403, ECR's LimitExceededException words), as skopeo reports it, and nothing of it is kept.
/// </summary>
public sealed class RegistryStorageQuotaTests : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("ecs-workshop-quota-test-").FullName;
    private readonly TestOciLayout _first = TestOciLayout.Create("the first image");
    private SimulatorServer _server = null!;

    private AwsCli Cli => new(_server.Endpoint);

    private string RegistryHost => $"localhost:{_server.Endpoint.Port}";

    public async Task InitializeAsync() => _server = await SimulatorServer.StartAsync(new SimulatorOptions
    {
        Port = 0,
        StateDirectory = _state,
        // Room for the first image's layer, config and manifest, and 100 bytes more.
        Simulation = SimulationSettings.AtSpeed(20) with
        {
            Quotas = new AccountQuotas { RegistryStorageBytes = _first.Layer.Length + _first.Config.Length + _first.Manifest.Length + 100 },
        },
        TickInterval = TimeSpan.FromMilliseconds(50),
    });

    private async Task<string> CreateRepositoryAndLogInAsync(string name)
    {
        (await Cli.RunAsync("ecr", "create-repository", "--repository-name", name)).Succeeded();
        return (await Cli.RunAsync("ecr", "get-login-password")).Succeeded().StandardOutput.Trim();
    }

    private Task<CliResult> PushAsync(TestOciLayout image, string repository, string password) =>
        ExternalTool.RunAsync("/usr/bin/skopeo", ["copy", "--dest-tls-verify=false", "--dest-creds", $"AWS:{password}",
            $"oci:{image.Directory}:v1", $"docker://{RegistryHost}/{repository}:v1"]);

    [Fact]
    public async Task Skopeo_is_denied_the_push_that_would_pass_the_storage_quota_and_the_image_is_not_stored()
    {
        var password = await CreateRepositoryAndLogInAsync("quota-app");
        (await PushAsync(_first, "quota-app", password)).Succeeded();
        (await Cli.RunAsync("ecr", "create-repository", "--repository-name", "second-app")).Succeeded();

        var second = TestOciLayout.Create("a second image, with other content so that its layer and config are new blobs");
        var refused = await PushAsync(second, "second-app", password);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("denied", refused.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("The operation did not succeed because it would have exceeded a service limit for your account.", refused.StandardError);
        var images = (await Cli.RunAsync("ecr", "list-images", "--repository-name", "second-app")).Succeeded().Json.GetProperty("imageIds");
        Assert.Equal(0, images.GetArrayLength());
    }

    [Fact]
    public async Task A_chunk_over_the_quota_is_answered_403_DENIED_and_the_upload_is_dropped()
    {
        using var registry = new RegistryHttp(_server.Endpoint);
        await registry.EcrAsync("CreateRepository", new { repositoryName = "raw-app" });
        registry.UsePassword(await registry.PasswordAsync());
        var content = RandomNumberGenerator.GetBytes(_first.Layer.Length + _first.Config.Length + _first.Manifest.Length + 101);
        var digest = TestOciLayout.DigestOf(content);

        var start = await registry.Client.PostAsync("/v2/raw-app/blobs/uploads/", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);

        var response = await registry.Client.PatchAsync(start.Headers.Location!.ToString(), new ByteArrayContent(content));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("DENIED", await RegistryHttp.ErrorCodeAsync(response));
        var upload = await registry.Client.GetAsync(start.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        Assert.DoesNotContain(_server.Ecr.World.Repositories.Values, r => r.Blobs.Contains(digest));
        var head = await registry.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/v2/raw-app/blobs/{digest}"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }
}
