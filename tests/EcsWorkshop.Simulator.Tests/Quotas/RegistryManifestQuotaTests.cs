using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Quotas;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Quotas;

/// <summary>
/// Manifests count in a learner's registry storage quota, as layers and configs do: skopeo's push whose layer and config
/// fit but whose manifest would not is refused on the manifest (<c>DENIED</c>, nothing of the image kept), and a quota
/// of exactly the three fits the push.
/// </summary>
public sealed class RegistryManifestQuotaTests : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("ecs-workshop-manifest-quota-test-").FullName;
    private readonly TestOciLayout _image = TestOciLayout.Create("an image whose manifest decides the quota");
    private SimulatorServer? _server;

    private long LayerAndConfig => _image.Layer.Length + _image.Config.Length;

    private async Task<SimulatorServer> StartAsync(long quotaBytes) => _server = await SimulatorServer.StartAsync(new SimulatorOptions
    {
        Port = 0,
        StateDirectory = _state,
        Simulation = SimulationSettings.AtSpeed(20) with { Quotas = new AccountQuotas { RegistryStorageBytes = quotaBytes } },
        TickInterval = TimeSpan.FromMilliseconds(50),
    });

    private static async Task<CliResult> PushAsync(SimulatorServer server, TestOciLayout image, string repository)
    {
        var cli = new AwsCli(server.Endpoint);
        (await cli.RunAsync("ecr", "create-repository", "--repository-name", repository)).Succeeded();
        var password = (await cli.RunAsync("ecr", "get-login-password")).Succeeded().StandardOutput.Trim();
        return await ExternalTool.RunAsync("/usr/bin/skopeo", ["copy", "--dest-tls-verify=false", "--dest-creds", $"AWS:{password}",
            $"oci:{image.Directory}:v1", $"docker://localhost:{server.Endpoint.Port}/{repository}:v1"]);
    }

    [Fact]
    public async Task Skopeo_is_denied_the_push_whose_manifest_would_pass_the_quota_and_no_image_is_kept()
    {
        var server = await StartAsync(LayerAndConfig + _image.Manifest.Length - 1);

        var refused = await PushAsync(server, _image, "manifest-app");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("denied", refused.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("would have exceeded a service limit", refused.StandardError);
        Assert.Empty(server.Ecr.World.Images);
        Assert.Equal(LayerAndConfig, RegistryStorage.BytesStored(server.Ecr.World, server.Ecr.Blobs));
    }

    [Fact]
    public async Task A_quota_of_exactly_the_layer_the_config_and_the_manifest_holds_the_push_and_counts_all_three()
    {
        var server = await StartAsync(LayerAndConfig + _image.Manifest.Length);

        (await PushAsync(server, _image, "manifest-app")).Succeeded();

        var image = Assert.Single(server.Ecr.World.Images.Values);
        Assert.Equal(_image.ManifestDigest, image.Digest);
        Assert.Equal(LayerAndConfig + _image.Manifest.Length, RegistryStorage.BytesStored(server.Ecr.World, server.Ecr.Blobs));
    }

    [Fact]
    public async Task Pushing_the_same_image_again_adds_nothing_and_is_not_refused_at_a_full_quota()
    {
        var server = await StartAsync(LayerAndConfig + _image.Manifest.Length);
        (await PushAsync(server, _image, "manifest-app")).Succeeded();
        var password = (await new AwsCli(server.Endpoint).RunAsync("ecr", "get-login-password")).Succeeded().StandardOutput.Trim();

        var again = await ExternalTool.RunAsync("/usr/bin/skopeo", ["copy", "--dest-tls-verify=false", "--dest-creds", $"AWS:{password}",
            $"oci:{_image.Directory}:v1", $"docker://localhost:{server.Endpoint.Port}/manifest-app:v2"]);

        again.Succeeded();
        Assert.Equal(["v1", "v2"], Assert.Single(server.Ecr.World.Images.Values).Tags.Order(StringComparer.Ordinal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }
}
