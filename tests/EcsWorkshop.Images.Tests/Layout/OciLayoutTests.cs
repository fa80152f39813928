using System.Text.Json;
using EcsWorkshop.Images.Building;
using EcsWorkshop.Images.Layout;
using EcsWorkshop.Images.Tests.Support;

namespace EcsWorkshop.Images.Tests.Layout;

public sealed class OciLayoutTests : IDisposable
{
    private readonly TestContext _context = new();

    private BuiltImage BuildWeb()
    {
        _context.Write("index.html", "<h1>layout</h1>")
            .Dockerfile("FROM nginx:alpine\nCOPY index.html /usr/share/nginx/html/\nEXPOSE 80\nCMD [\"nginx\", \"-g\", \"daemon off;\"]");
        return _context.Build();
    }

    [Fact]
    public async Task Skopeo_inspects_the_layout_and_sees_our_digest_platform_labels_and_layers()
    {
        var image = BuildWeb();
        var layout = _context.NewDirectory("layout");
        OciLayout.Write(image, layout, "latest");

        var inspect = await Tools.SkopeoInspectAsync($"oci:{layout}:latest");

        Assert.Equal(image.Digest.ToString(), inspect.GetProperty("Digest").GetString());
        Assert.Equal("amd64", inspect.GetProperty("Architecture").GetString());
        Assert.Equal("linux", inspect.GetProperty("Os").GetString());
        Assert.Equal("true", inspect.GetProperty("Labels").GetProperty(ImageBuilder.StandInLabel).GetString());
        Assert.Equal([image.Layers[0].Descriptor.Digest.ToString()], inspect.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Skopeo_copies_the_layout_which_checks_every_blob_against_its_digest()
    {
        var layout = _context.NewDirectory("layout");
        OciLayout.Write(BuildWeb(), layout, "latest");
        var copy = _context.NewDirectory("copy");

        var result = await Tools.RunAsync(Tools.SkopeoPath, "copy", $"oci:{layout}:latest", $"oci:{copy}:copied");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("copied", OciLayout.RefNames(copy));
    }

    [Fact]
    public void The_layout_has_the_version_file_the_index_and_every_blob()
    {
        var image = BuildWeb();
        var layout = _context.NewDirectory("layout");

        OciLayout.Write(image, layout, "v1");

        Assert.Equal("1.0.0", JsonDocument.Parse(File.ReadAllText(Path.Combine(layout, "oci-layout"))).RootElement.GetProperty("imageLayoutVersion").GetString());
        var entry = JsonDocument.Parse(File.ReadAllText(Path.Combine(layout, "index.json"))).RootElement.GetProperty("manifests").EnumerateArray().Single();
        Assert.Equal(image.Digest.ToString(), entry.GetProperty("digest").GetString());
        Assert.Equal(MediaTypes.OciManifest, entry.GetProperty("mediaType").GetString());
        Assert.Equal("v1", entry.GetProperty("annotations").GetProperty(OciLayout.RefNameAnnotation).GetString());
        foreach (var digest in image.Layers.Select(l => l.Descriptor.Digest).Append(image.ConfigDescriptor.Digest).Append(image.Digest))
            Assert.Equal(digest, Digest.OfFile(Path.Combine(layout, "blobs", "sha256", digest.Hex)));
    }

    [Fact]
    public void Writing_a_name_again_replaces_it_and_keeps_the_other_names()
    {
        var image = BuildWeb();
        var layout = _context.NewDirectory("layout");
        OciLayout.Write(image, layout, "v1");
        OciLayout.Write(image, layout, "latest");
        _context.Write("index.html", "<h1>changed</h1>");
        var changed = _context.Build();

        OciLayout.Write(changed, layout, "latest");

        Assert.Equal(["v1", "latest"], OciLayout.RefNames(layout));
        Assert.Equal(image.Digest, OciLayout.Find(layout, "v1", Platform.LinuxAmd64)!.ManifestDescriptor.Digest);
        Assert.Equal(changed.Digest, OciLayout.Find(layout, "latest", Platform.LinuxAmd64)!.ManifestDescriptor.Digest);
    }

    [Fact]
    public void Building_straight_into_a_layout_directory_copies_nothing()
    {
        _context.Write("index.html", "x").Dockerfile("FROM scratch\nCOPY index.html /");
        var layout = _context.NewDirectory("layout");

        var image = _context.Build(o => o with { OutputDirectory = layout });
        OciLayout.Write(image, layout, "latest");

        Assert.Equal(Path.Combine(layout, "blobs", "sha256", image.Layers[0].Descriptor.Digest.Hex), image.Layers[0].Path);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(layout, "blobs", "sha256")).Length);
    }

    public void Dispose() => _context.Dispose();
}
