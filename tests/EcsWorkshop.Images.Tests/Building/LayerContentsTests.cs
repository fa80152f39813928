using System.Formats.Tar;
using EcsWorkshop.Images.Tests.Support;

namespace EcsWorkshop.Images.Tests.Building;

public sealed class LayerContentsTests : IDisposable
{
    private static readonly UnixFileMode Mode644 = (UnixFileMode)Convert.ToInt32("644", 8);
    private static readonly UnixFileMode Mode755 = (UnixFileMode)Convert.ToInt32("755", 8);

    private readonly TestContext _context = new();

    private IReadOnlyList<TarItem> SingleLayer(string dockerfile)
    {
        _context.Dockerfile(dockerfile);
        return LayerReader.Read(Assert.Single(_context.Build().Layers));
    }

    [Fact]
    public void A_file_copied_into_a_directory_comes_with_its_parent_directories()
    {
        _context.Write("index.html", "<h1>hi</h1>");

        var entries = SingleLayer("FROM scratch\nCOPY index.html /usr/share/nginx/html/");

        Assert.Equal(["usr/", "usr/share/", "usr/share/nginx/", "usr/share/nginx/html/", "usr/share/nginx/html/index.html"], entries.Select(e => e.Name));
        Assert.All(entries.Take(4), e => Assert.Equal((TarEntryType.Directory, Mode755), (e.Type, e.Mode)));
        Assert.Equal("<h1>hi</h1>", entries[4].Content);
    }

    [Fact]
    public void Every_entry_has_time_zero_root_ownership_and_no_user_name()
    {
        _context.Write("a.txt", "a").Write("b/c.txt", "c");

        var entries = SingleLayer("FROM scratch\nCOPY a.txt b /data/");

        Assert.All(entries, e =>
        {
            Assert.Equal(DateTimeOffset.UnixEpoch, e.ModificationTime);
            Assert.Equal((0, 0), (e.Uid, e.Gid));
            Assert.Equal("", e.UserName);
        });
    }

    [Fact]
    public void Files_are_0644_and_executables_0755()
    {
        _context.Write("page.html", "p").Write("start.sh", "#!/bin/sh", executable: true);

        var entries = SingleLayer("FROM scratch\nCOPY page.html start.sh /app/");

        Assert.Equal(Mode644, entries.Single(e => e.Name == "app/page.html").Mode);
        Assert.Equal(Mode755, entries.Single(e => e.Name == "app/start.sh").Mode);
    }

    [Fact]
    public void Entries_are_sorted_by_path()
    {
        _context.Write("site/z.html", "z").Write("site/a.html", "a").Write("site/m/index.html", "m");

        var entries = SingleLayer("FROM scratch\nCOPY site/ /srv/");

        Assert.Equal(["srv/", "srv/a.html", "srv/m/", "srv/m/index.html", "srv/z.html"], entries.Select(e => e.Name));
    }

    [Fact]
    public void A_directory_source_copies_its_contents_not_the_directory()
    {
        _context.Write("public/index.html", "i").Write("public/img/logo.svg", "<svg/>");

        var entries = SingleLayer("FROM scratch\nCOPY public /var/www");

        Assert.Equal(["var/", "var/www/", "var/www/img/", "var/www/img/logo.svg", "var/www/index.html"], entries.Select(e => e.Name));
    }

    [Fact]
    public void A_destination_without_a_trailing_slash_is_the_new_file_name()
    {
        _context.Write("nginx.conf", "events {}");

        var entries = SingleLayer("FROM scratch\nCOPY nginx.conf /etc/nginx/conf.d/default.conf");

        Assert.Equal("etc/nginx/conf.d/default.conf", entries[^1].Name);
        Assert.Equal(TarEntryType.RegularFile, entries[^1].Type);
    }

    [Fact]
    public void A_relative_destination_is_below_the_working_directory()
    {
        _context.Write("app.dll", "binary");

        var entries = SingleLayer("FROM scratch\nWORKDIR /app\nWORKDIR bin\nCOPY app.dll .");

        Assert.Equal(["app/", "app/bin/", "app/bin/app.dll"], entries.Select(e => e.Name));
    }

    [Fact]
    public void Chown_owns_the_copied_files_and_destination_but_not_the_parents_above()
    {
        _context.Write("index.html", "i");

        var entries = SingleLayer("FROM scratch\nCOPY --chown=101:102 index.html /usr/share/nginx/html/");

        Assert.Equal((0, 0), (entries.Single(e => e.Name == "usr/share/nginx/").Uid, entries.Single(e => e.Name == "usr/share/nginx/").Gid));
        Assert.Equal((101, 102), (entries.Single(e => e.Name == "usr/share/nginx/html/").Uid, entries.Single(e => e.Name == "usr/share/nginx/html/").Gid));
        Assert.Equal((101, 102), (entries[^1].Uid, entries[^1].Gid));
    }

    [Fact]
    public void Chown_with_only_a_user_uses_it_as_the_group_too()
    {
        _context.Write("a", "a");

        var entries = SingleLayer("FROM scratch\nCOPY --chown=1000 a /a");

        Assert.Equal((1000, 1000), (entries[^1].Uid, entries[^1].Gid));
    }

    [Fact]
    public void Chmod_sets_the_mode_of_copied_files()
    {
        _context.Write("tool", "x");

        var entries = SingleLayer("FROM scratch\nCOPY --chmod=750 tool /usr/local/bin/");

        Assert.Equal((UnixFileMode)Convert.ToInt32("750", 8), entries[^1].Mode);
    }

    [Fact]
    public void A_symbolic_link_inside_a_copied_directory_stays_a_link()
    {
        _context.Write("site/index.html", "i");
        File.CreateSymbolicLink(_context.PathOf("site/home.html"), "index.html");

        var entries = SingleLayer("FROM scratch\nCOPY site/ /srv/");

        var link = entries.Single(e => e.Name == "srv/home.html");
        Assert.Equal(TarEntryType.SymbolicLink, link.Type);
        Assert.Equal("index.html", link.LinkName);
    }

    [Fact]
    public void Each_copy_is_its_own_layer_in_order()
    {
        _context.Dockerfile("FROM scratch\nCOPY a /a\nENV X=1\nCOPY b /b").Write("a", "a").Write("b", "b");

        var layers = _context.Build().Layers;

        Assert.Equal(2, layers.Length);
        Assert.Equal("a", LayerReader.Read(layers[0]).Single().Name);
        Assert.Equal("b", LayerReader.Read(layers[1]).Single().Name);
    }

    public void Dispose() => _context.Dispose();
}
