using EcsWorkshop.Images.Tests.Support;

namespace EcsWorkshop.Images.Tests.Building;

public sealed class DeterminismTests : IDisposable
{
    private const string Dockerfile = "FROM nginx:alpine\nCOPY site/ /usr/share/nginx/html/\nCOPY run.sh /usr/local/bin/\nEXPOSE 80\nCMD [\"nginx\", \"-g\", \"daemon off;\"]";

    private readonly TestContext _first = new();
    private readonly TestContext _second = new();

    private static void WriteSite(TestContext context, bool reversed = false)
    {
        var files = new List<(string, string)> { ("site/index.html", "<h1>hello</h1>"), ("site/css/site.css", "h1 { color: teal; }"), ("site/about.html", "about") };
        if (reversed) files.Reverse();
        context.Dockerfile(Dockerfile);
        foreach (var (path, content) in files) context.Write(path, content);
        context.Write("run.sh", "#!/bin/sh\nexec nginx\n", executable: true);
    }

    [Fact]
    public void The_same_context_built_twice_has_the_same_digest()
    {
        WriteSite(_first);

        var once = _first.Build();
        var twice = _first.Build();

        Assert.Equal(once.Digest, twice.Digest);
        Assert.Equal(once.ManifestBytes, twice.ManifestBytes);
    }

    [Fact]
    public void Two_copies_of_a_context_written_in_a_different_order_have_the_same_digest()
    {
        WriteSite(_first);
        WriteSite(_second, reversed: true);

        Assert.Equal(_first.Build().Digest, _second.Build().Digest);
    }

    [Fact]
    public void Touching_a_file_keeps_the_digest()
    {
        WriteSite(_first);
        var before = _first.Build();

        File.SetLastWriteTimeUtc(_first.PathOf("site/index.html"), new DateTime(2031, 5, 6, 7, 8, 9, DateTimeKind.Utc));
        var after = _first.Build();

        Assert.Equal(before.Digest, after.Digest);
    }

    [Fact]
    public void Changing_a_file_changes_its_layer_and_the_digest_but_not_the_other_layer()
    {
        WriteSite(_first);
        var before = _first.Build();

        _first.Write("site/index.html", "<h1>hello, world</h1>");
        var after = _first.Build();

        Assert.NotEqual(before.Digest, after.Digest);
        Assert.NotEqual(before.Layers[0].Descriptor.Digest, after.Layers[0].Descriptor.Digest);
        Assert.NotEqual(before.Layers[0].DiffId, after.Layers[0].DiffId);
        Assert.Equal(before.Layers[1].Descriptor.Digest, after.Layers[1].Descriptor.Digest);
    }

    [Fact]
    public void A_stricter_umask_does_not_change_the_digest()
    {
        WriteSite(_first);
        WriteSite(_second);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_second.PathOf("site/index.html"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Equal(_first.Build().Digest, _second.Build().Digest);
    }

    [Fact]
    public void A_build_argument_that_changes_the_image_changes_the_digest()
    {
        _first.Dockerfile("FROM scratch\nARG VERSION=1\nLABEL version=$VERSION");

        var one = _first.Build();
        var two = _first.Build(o => o with { BuildArgs = new Dictionary<string, string> { ["VERSION"] = "2" } });

        Assert.NotEqual(one.Digest, two.Digest);
    }

    [Fact]
    public void The_layer_digest_is_the_sha256_of_the_gzip_and_the_diff_id_that_of_the_tar()
    {
        WriteSite(_first);

        var layer = _first.Build().Layers[0];

        Assert.Equal(Digest.OfFile(layer.Path), layer.Descriptor.Digest);
        Assert.Equal(new FileInfo(layer.Path).Length, layer.Descriptor.Size);
        Assert.Equal(Digest.Of(LayerReader.Uncompressed(layer)), layer.DiffId);
    }

    [Fact]
    public void The_gzip_header_has_no_time_and_an_unknown_operating_system()
    {
        WriteSite(_first);

        var header = File.ReadAllBytes(_first.Build().Layers[0].Path)[..10];

        Assert.Equal([0x1F, 0x8B, 0x08], header[..3]);
        Assert.Equal([0, 0, 0, 0], header[4..8]);
        Assert.Equal(0xFF, header[9]);
    }

    [Fact]
    public void Long_paths_are_written_the_same_way_every_time()
    {
        var deep = string.Join('/', Enumerable.Repeat("a-rather-long-directory-name", 6)) + "/file.txt";
        _first.Dockerfile("FROM scratch\nCOPY deep/ /srv/").Write("deep/" + deep, "deep");

        var once = _first.Build();
        var twice = _first.Build();

        Assert.Equal(once.Digest, twice.Digest);
        Assert.Contains(LayerReader.Read(once.Layers[0]), e => e.Name == "srv/" + deep && e.Content == "deep");
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
