using EcsWorkshop.Images.Building;
using EcsWorkshop.Images.Layout;
using EcsWorkshop.Images.Registry;
using EcsWorkshop.Images.Tests.Support;

namespace EcsWorkshop.Images.Tests.Samples;

/// <summary>The sample build context the lessons build (<c>samples/web</c>: nginx serving one page), built exactly as they will.</summary>
public sealed class SampleWebContextTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>, IDisposable
{
    private static readonly string SampleDirectory = Path.Combine(AppContext.BaseDirectory, "Samples", "web");

    private readonly TestContext _output = new();

    private BuiltImage BuildSample() => ImageBuilder.Build(new ImageBuildOptions { ContextDirectory = SampleDirectory, OutputDirectory = _output.OutputDirectory });

    [Fact]
    public void The_sample_builds_on_a_stand_in_nginx_with_one_layer_holding_the_page()
    {
        var image = BuildSample();

        Assert.True(image.IsStandIn);
        Assert.Equal("nginx:alpine", image.Base.Reference);
        var page = LayerReader.Read(Assert.Single(image.Layers)).Single(e => e.Name == "usr/share/nginx/html/index.html");
        Assert.Contains("Amazon ECS で動いています", page.Content);
        Assert.Equal(["80/tcp"], image.Config.Config.ExposedPorts!);
        Assert.Equal<string>(["nginx", "-g", "daemon off;"], image.Config.Config.Cmd!.Value);
        Assert.Equal("ecs-workshop-web", image.Config.Config.Labels!["org.opencontainers.image.title"]);
    }

    [Fact]
    public void The_sample_gives_the_same_digest_from_a_copy_of_its_directory()
    {
        _output.CopyFrom(SampleDirectory);
        foreach (var file in Directory.EnumerateFiles(_output.ContextDirectory)) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-3));

        Assert.Equal(BuildSample().Digest, _output.Build().Digest);
    }

    [Fact]
    public async Task The_sample_pushed_to_the_simulator_is_the_image_ecr_describes()
    {
        var image = BuildSample();
        var uri = await simulator.CreateRepositoryAsync("sample-web");
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = await simulator.CredentialsAsync() });

        var result = await client.PushAsync(image, uri + ":latest");
        var layout = _output.NewDirectory("layout");
        OciLayout.Write(image, layout, "latest");

        var described = (await simulator.EcrAsync("DescribeImages", new { repositoryName = "sample-web" })).GetProperty("imageDetails")[0];
        Assert.Equal(result.Digest.ToString(), described.GetProperty("imageDigest").GetString());
        Assert.Equal(image.Digest.ToString(), (await Tools.SkopeoInspectAsync($"oci:{layout}:latest")).GetProperty("Digest").GetString());
    }

    public void Dispose() => _output.Dispose();
}
