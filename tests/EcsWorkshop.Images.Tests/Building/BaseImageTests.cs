using System.Collections.Immutable;
using System.Text.Json;
using EcsWorkshop.Images.Building;
using EcsWorkshop.Images.Layout;
using EcsWorkshop.Images.Oci;
using EcsWorkshop.Images.Tests.Support;

namespace EcsWorkshop.Images.Tests.Building;

public sealed class BaseImageTests : IDisposable
{
    private readonly TestContext _context = new();

    [Fact]
    public void A_base_that_is_not_available_becomes_a_stand_in_with_no_files_of_its_own()
    {
        _context.Write("index.html", "i").Dockerfile("FROM nginx:alpine\nCOPY index.html /usr/share/nginx/html/");

        var image = _context.Build();

        Assert.True(image.IsStandIn);
        Assert.Equal(new BaseImageInfo(BaseImageKind.StandIn, "nginx:alpine"), image.Base);
        Assert.Single(image.Layers);
    }

    [Fact]
    public void A_stand_in_base_is_marked_in_the_labels_and_explained_in_words()
    {
        _context.Dockerfile("FROM nginx:alpine");

        var labels = _context.Build().Config.Config.Labels!;

        Assert.Equal("nginx:alpine", labels[ImageBuilder.BaseImageLabel]);
        Assert.Equal("true", labels[ImageBuilder.StandInLabel]);
        Assert.Contains("The files of the base image nginx:alpine are not included", labels[ImageBuilder.StandInNoteLabel]);
        Assert.Contains("nginx:alpine のファイルは含まれていません", labels[ImageBuilder.StandInNoteJapaneseLabel]);
    }

    [Fact]
    public void A_stand_in_base_shows_in_the_history_and_the_manifest_annotations()
    {
        _context.Dockerfile("FROM nginx:alpine");

        var image = _context.Build();

        Assert.Contains("stand-in", image.Config.History[0].CreatedBy);
        Assert.Equal("docker.io/library/nginx:alpine", image.Manifest.Annotations![ImageBuilder.BaseNameAnnotation]);
    }

    [Fact]
    public void Scratch_has_no_base_labels()
    {
        _context.Dockerfile("FROM scratch");

        var image = _context.Build();

        Assert.Equal(BaseImageKind.Scratch, image.Base.Kind);
        Assert.Null(image.Config.Config.Labels);
        Assert.Null(image.Manifest.Annotations);
        Assert.Empty(image.Layers);
    }

    [Fact]
    public void A_base_found_in_the_local_layout_is_used_for_real()
    {
        var layout = WriteBaseImage("registry.example.com/base:1");
        using var app = new TestContext();
        app.Write("index.html", "i").Dockerfile("FROM registry.example.com/base:1\nCOPY --chown=web index.html /srv/\nENV SERVER=$BASE_NAME");

        var image = app.Build(o => o with { BaseImageLayout = layout });

        var baseImage = OciLayout.Find(layout, "registry.example.com/base:1", Platform.LinuxAmd64)!;
        Assert.Equal(BaseImageKind.Local, image.Base.Kind);
        Assert.Equal(baseImage.ManifestDescriptor.Digest, image.Base.Digest);
        Assert.Equal(3, image.Layers.Length);
        Assert.Equal(baseImage.Layers.Select(l => l.Descriptor), image.Layers.Take(2).Select(l => l.Descriptor));
        Assert.Equal<string>([.. baseImage.Layers.Select(l => l.DiffId.ToString()), image.Layers[2].DiffId.ToString()], image.Config.RootFs.DiffIds);
        Assert.Contains("SERVER=tiny", image.Config.Config.Env!.Value);
        Assert.Equal<string>(["/srv/serve"], image.Config.Config.Cmd!.Value);
        Assert.False(image.Config.Config.Labels!.ContainsKey(ImageBuilder.StandInLabel));
        Assert.Equal("registry.example.com/base:1", image.Config.Config.Labels[ImageBuilder.BaseImageLabel]);
        Assert.Equal(baseImage.ManifestDescriptor.Digest.ToString(), image.Manifest.Annotations![ImageBuilder.BaseDigestAnnotation]);
        Assert.Equal(1, LayerReader.Read(image.Layers[2]).Single(e => e.Name == "srv/index.html").Uid);
    }

    [Fact]
    public void A_layout_base_for_another_platform_is_not_used()
    {
        var layout = WriteBaseImage("registry.example.com/base:1");
        using var app = new TestContext();
        app.Dockerfile("FROM --platform=linux/arm64 registry.example.com/base:1");

        var image = app.Build(o => o with { BaseImageLayout = layout });

        Assert.True(image.IsStandIn);
    }

    [Fact]
    public void A_docker_hub_name_finds_the_fully_qualified_name_in_the_layout()
    {
        var layout = WriteBaseImage("docker.io/library/tiny:1");
        using var app = new TestContext();
        app.Dockerfile("FROM tiny:1");

        Assert.Equal(BaseImageKind.Local, app.Build(o => o with { BaseImageLayout = layout }).Base.Kind);
    }

    [Fact]
    public void A_multi_platform_base_in_the_layout_gives_the_manifest_for_the_platform_built()
    {
        _context.Write("arch", "amd64").Dockerfile("FROM scratch\nCOPY arch /arch");
        var layout = _context.NewDirectory("multi");
        var amd64 = _context.Build(o => o with { OutputDirectory = layout });
        _context.Write("arch", "arm64");
        var arm64 = _context.Build(o => o with { OutputDirectory = layout, Platform = new Platform("linux", "arm64") });
        var index = new ImageIndex([amd64.ManifestDescriptor with { Platform = amd64.Platform }, arm64.ManifestDescriptor with { Platform = arm64.Platform }]);
        var indexBytes = ImageJson.Serialize(index);
        new BlobDirectory(layout).Put(indexBytes);
        var entry = new Descriptor(MediaTypes.OciIndex, Digest.Of(indexBytes), indexBytes.Length)
        {
            Annotations = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(OciLayout.RefNameAnnotation, "example.com/multi:1"),
        };
        File.WriteAllBytes(Path.Combine(layout, "index.json"), ImageJson.Serialize(new ImageIndex([entry])));
        File.WriteAllText(Path.Combine(layout, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        using var app = new TestContext();
        app.Dockerfile("FROM example.com/multi:1");

        var onArm = app.Build(o => o with { BaseImageLayout = layout, Platform = new Platform("linux", "arm64") });
        var onAmd = app.Build(o => o with { BaseImageLayout = layout });

        Assert.Equal(arm64.Digest, onArm.Base.Digest);
        Assert.Equal("arm64", LayerReader.Read(onArm.Layers.Single()).Single().Content);
        Assert.Equal(amd64.Digest, onAmd.Base.Digest);
        Assert.Equal("arm64", onArm.Config.Architecture);
    }

    /// <summary>Builds a small base image (a passwd file, a program, an environment) into a layout under a name.</summary>
    private string WriteBaseImage(string name)
    {
        _context.Write("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nweb:x:1:1:web:/srv:/bin/sh\n")
            .Write("srv/serve", "#!/bin/sh\n", executable: true)
            .Dockerfile("FROM scratch\nCOPY etc/passwd /etc/passwd\nCOPY srv/ /srv/\nENV BASE_NAME=tiny\nCMD [\"/srv/serve\"]");
        var layout = _context.NewDirectory("base-layout");
        OciLayout.Write(_context.Build(), layout, name);
        var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(layout, "index.json"))).RootElement;
        Assert.Equal(name, index.GetProperty("manifests")[0].GetProperty("annotations").GetProperty(OciLayout.RefNameAnnotation).GetString());
        return layout;
    }

    public void Dispose() => _context.Dispose();
}
