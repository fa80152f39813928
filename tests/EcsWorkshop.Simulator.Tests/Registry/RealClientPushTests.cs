using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Registry;

/// <summary>Real clients we did not write (skopeo, docker) push to and read from the simulated ECR registry.</summary>
public sealed class RealClientPushTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private string RegistryHost => $"localhost:{simulator.Server.Endpoint.Port}";

    private async Task<string> CreateRepositoryAndLogInAsync(string name)
    {
        (await simulator.Cli.RunAsync("ecr", "create-repository", "--repository-name", name)).Succeeded();
        return (await simulator.Cli.RunAsync("ecr", "get-login-password")).Succeeded().StandardOutput.Trim();
    }

    private static Task<CliResult> SkopeoAsync(params string[] arguments) => ExternalTool.RunAsync("/usr/bin/skopeo", arguments);

    [Fact]
    public async Task Skopeo_pushes_an_oci_layout_and_reads_it_back()
    {
        var password = await CreateRepositoryAndLogInAsync("skopeo-app");
        var image = TestOciLayout.Create("hello from skopeo");

        (await SkopeoAsync("copy", "--dest-tls-verify=false", "--dest-creds", $"AWS:{password}",
            $"oci:{image.Directory}:v1", $"docker://{RegistryHost}/skopeo-app:v1")).Succeeded();

        var inspect = (await SkopeoAsync("inspect", "--tls-verify=false", "--creds", $"AWS:{password}", $"docker://{RegistryHost}/skopeo-app:v1")).Succeeded().Json;
        Assert.Equal(image.ManifestDigest, inspect.GetProperty("Digest").GetString());
        Assert.Equal("hello from skopeo", inspect.GetProperty("Labels").GetProperty("test").GetString());
        var tags = (await SkopeoAsync("list-tags", "--tls-verify=false", "--creds", $"AWS:{password}", $"docker://{RegistryHost}/skopeo-app")).Succeeded().Json;
        Assert.Equal(["v1"], tags.GetProperty("Tags").EnumerateArray().Select(t => t.GetString()));

        var described = (await simulator.Cli.RunAsync("ecr", "describe-images", "--repository-name", "skopeo-app")).Succeeded().Json;
        var detail = described.GetProperty("imageDetails")[0];
        Assert.Equal(image.ManifestDigest, detail.GetProperty("imageDigest").GetString());
        Assert.Equal(image.Layer.Length + image.Config.Length, detail.GetProperty("imageSizeInBytes").GetInt64());
    }

    [Fact]
    public async Task Skopeo_copies_an_image_between_repositories_and_pulls_it_to_a_layout()
    {
        var password = await CreateRepositoryAndLogInAsync("source-app");
        (await simulator.Cli.RunAsync("ecr", "create-repository", "--repository-name", "team/copy-app")).Succeeded();
        var image = TestOciLayout.Create("copied");
        (await SkopeoAsync("copy", "--dest-tls-verify=false", "--dest-creds", $"AWS:{password}",
            $"oci:{image.Directory}:v1", $"docker://{RegistryHost}/source-app:v1")).Succeeded();

        (await SkopeoAsync("copy", "--src-tls-verify=false", "--dest-tls-verify=false", "--src-creds", $"AWS:{password}", "--dest-creds", $"AWS:{password}",
            $"docker://{RegistryHost}/source-app:v1", $"docker://{RegistryHost}/team/copy-app:latest")).Succeeded();
        var pulled = Directory.CreateTempSubdirectory("ecs-workshop-pull-").FullName;
        (await SkopeoAsync("copy", "--src-tls-verify=false", "--src-creds", $"AWS:{password}",
            $"docker://{RegistryHost}/team/copy-app:latest", $"oci:{pulled}:latest")).Succeeded();

        var layer = Path.Combine(pulled, "blobs", "sha256", image.LayerDigest["sha256:".Length..]);
        Assert.Equal(image.Layer, await File.ReadAllBytesAsync(layer));
    }

    [Fact]
    public async Task Skopeo_without_credentials_is_refused()
    {
        await CreateRepositoryAndLogInAsync("private-app");

        var result = await SkopeoAsync("copy", "--dest-tls-verify=false",
            $"oci:{TestOciLayout.Create("x").Directory}:v1", $"docker://{RegistryHost}/private-app:v1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unauthorized", result.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Docker_login_accepts_the_ecr_password_from_standard_input()
    {
        var docker = ExternalTool.Find("docker");
        Assert.True(docker is not null, "The docker client is needed for this test (.ci/run installs it).");
        var password = await CreateRepositoryAndLogInAsync("docker-app");
        var config = Directory.CreateTempSubdirectory("ecs-workshop-docker-").FullName;

        var login = await ExternalTool.RunAsync(docker, ["login", "--username", "AWS", "--password-stdin", RegistryHost], password,
            new Dictionary<string, string> { ["DOCKER_CONFIG"] = config });
        var wrong = await ExternalTool.RunAsync(docker, ["login", "--username", "AWS", "--password-stdin", RegistryHost], "not-the-password",
            new Dictionary<string, string> { ["DOCKER_CONFIG"] = config });

        Assert.True(login.ExitCode == 0, login.StandardError);
        Assert.Contains("Login Succeeded", login.StandardOutput);
        Assert.Contains(RegistryHost, await File.ReadAllTextAsync(Path.Combine(config, "config.json")));
        Assert.NotEqual(0, wrong.ExitCode);
    }
}
