using System.Formats.Tar;
using System.IO.Compression;
using EcsWorkshop.Images.Dockerfiles;
using EcsWorkshop.Images.Tests.Support;

namespace EcsWorkshop.Images.Tests.Building;

public sealed class AddArchiveTests : IDisposable
{
    private readonly TestContext _context = new();

    private void WriteArchive(string name, bool gzip)
    {
        using var file = File.Create(_context.PathOf(name));
        using Stream output = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var tar = new TarWriter(output, TarEntryFormat.Pax);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "site/") { Mode = (UnixFileMode)Convert.ToInt32("755", 8), Uid = 33, Gid = 33 });
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "site/index.html")
        {
            Mode = (UnixFileMode)Convert.ToInt32("640", 8),
            Uid = 33,
            Gid = 33,
            DataStream = new MemoryStream("<h1>from the archive</h1>"u8.ToArray()),
        });
    }

    [Fact]
    public void Add_unpacks_a_gzipped_tar_keeping_modes_and_owners()
    {
        WriteArchive("site.tar.gz", gzip: true);
        _context.Dockerfile("FROM scratch\nADD site.tar.gz /var/www/");

        var entries = LayerReader.Read(Assert.Single(_context.Build().Layers));

        Assert.Equal(["var/", "var/www/", "var/www/site/", "var/www/site/index.html"], entries.Select(e => e.Name));
        var page = entries[^1];
        Assert.Equal("<h1>from the archive</h1>", page.Content);
        Assert.Equal((UnixFileMode)Convert.ToInt32("640", 8), page.Mode);
        Assert.Equal((33, 33), (page.Uid, page.Gid));
        Assert.Equal(DateTimeOffset.UnixEpoch, page.ModificationTime);
    }

    [Fact]
    public void Add_unpacks_a_plain_tar_and_chown_overrides_the_owners()
    {
        WriteArchive("site.tar", gzip: false);
        _context.Dockerfile("FROM scratch\nADD --chown=0:0 site.tar /");

        var entries = LayerReader.Read(Assert.Single(_context.Build().Layers));

        Assert.Equal(["site/", "site/index.html"], entries.Select(e => e.Name));
        Assert.All(entries, e => Assert.Equal((0, 0), (e.Uid, e.Gid)));
    }

    [Fact]
    public void Copy_does_not_unpack_archives()
    {
        WriteArchive("site.tar.gz", gzip: true);
        _context.Dockerfile("FROM scratch\nCOPY site.tar.gz /downloads/");

        var entries = LayerReader.Read(Assert.Single(_context.Build().Layers));

        Assert.Equal(["downloads/", "downloads/site.tar.gz"], entries.Select(e => e.Name));
    }

    [Fact]
    public void Add_of_an_ordinary_file_copies_it()
    {
        _context.Write("notes.txt", "plain").Dockerfile("FROM scratch\nADD notes.txt /");

        Assert.Equal("plain", LayerReader.Read(Assert.Single(_context.Build().Layers)).Single().Content);
    }

    [Fact]
    public void Add_refuses_an_archive_format_it_cannot_unpack()
    {
        File.WriteAllBytes(_context.PathOf("site.tar.xz"), [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0, 1, 2]);
        _context.Dockerfile("FROM scratch\nADD site.tar.xz /srv/");

        var error = Assert.Throws<DockerfileException>(() => _context.Build());

        Assert.Equal(DockerfileErrorKind.NotSupported, error.Kind);
        Assert.Contains("xz", error.Message);
    }

    public void Dispose() => _context.Dispose();
}
