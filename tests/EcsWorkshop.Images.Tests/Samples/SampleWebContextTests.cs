using EcsWorkshop.Images.Building;
using EcsWorkshop.Images.Layout;
using EcsWorkshop.Images.Registry;
using EcsWorkshop.Images.Tests.Support;

namespace EcsWorkshop.Images.Tests.Samples;

/// <summary>The sample build context the lessons build (<c>samples/web</c>: BusyBox httpd serving a CGI page), built exactly as they will.</summary>
public sealed class SampleWebContextTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>, IDisposable
{
    private static readonly string SampleDirectory = Path.Combine(AppContext.BaseDirectory, "Samples", "web");

    private readonly TestContext _output = new();

    private BuiltImage BuildSample() => ImageBuilder.Build(new ImageBuildOptions { ContextDirectory = SampleDirectory, OutputDirectory = _output.OutputDirectory });

    [Fact]
    public void The_sample_builds_on_a_stand_in_busybox_with_a_layer_for_the_start_script_and_one_for_the_page()
    {
        var image = BuildSample();

        Assert.True(image.IsStandIn);
        Assert.Equal("busybox:1.36", image.Base.Reference);
        Assert.Equal(2, image.Layers.Length);
        var page = LayerReader.Read(image.Layers[1]).Single(e => e.Name == "www/cgi-bin/index.cgi");
        Assert.Contains("Amazon ECS で動いています", page.Content);
        Assert.Contains("ECS_CONTAINER_METADATA_URI_V4", page.Content);
        Assert.Equal(["80/tcp"], image.Config.Config.ExposedPorts!);
        Assert.Equal<string>(["/bin/sh", "/start.sh"], image.Config.Config.Cmd!.Value);
        Assert.Equal("ecs-workshop-web", image.Config.Config.Labels!["org.opencontainers.image.title"]);
    }

    [Fact]
    public void The_sample_base_is_a_build_argument_so_the_locally_made_busybox_can_stand_for_the_published_one()
    {
        var image = ImageBuilder.Build(new ImageBuildOptions
        {
            ContextDirectory = SampleDirectory,
            OutputDirectory = _output.OutputDirectory,
            BuildArgs = new Dictionary<string, string> { ["BASE_IMAGE"] = "ecs-workshop/busybox:local" },
        });

        Assert.Equal("ecs-workshop/busybox:local", image.Base.Reference);
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
