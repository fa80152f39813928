using EcsWorkshop.Images.Dockerfiles;
using EcsWorkshop.Images.Tests.Support;

namespace EcsWorkshop.Images.Tests.Building;

public sealed class CopySourceTests : IDisposable
{
    private readonly TestContext _context = new();

    private IEnumerable<string> CopiedNames(string dockerfile)
    {
        _context.Dockerfile(dockerfile);
        return LayerReader.Read(Assert.Single(_context.Build().Layers)).Select(e => e.Name);
    }

    [Fact]
    public void A_wildcard_copies_every_matching_file_into_the_directory()
    {
        _context.Write("a.html", "a").Write("b.html", "b").Write("c.css", "c").Write("sub/d.html", "d");

        Assert.Equal(["srv/", "srv/a.html", "srv/b.html"], CopiedNames("FROM scratch\nCOPY *.html /srv/"));
    }

    [Fact]
    public void A_wildcard_can_match_in_subdirectories()
    {
        _context.Write("src/a/app.json", "a").Write("src/b/app.json", "b").Write("src/b/other.txt", "o");

        Assert.Equal(["config/", "config/app.json"], CopiedNames("FROM scratch\nCOPY src/a/*.json /config/"));
    }

    [Fact]
    public void Dockerignore_excludes_files_and_directories_from_a_copy()
    {
        _context.Write(".dockerignore", "# build output\nbin/\nobj\n*.md\n!KEEP.md\n")
            .Write("Program.cs", "p").Write("README.md", "r").Write("KEEP.md", "k")
            .Write("bin/Debug/app.dll", "b").Write("obj/project.assets.json", "o");

        var names = CopiedNames("FROM scratch\nCOPY . /src/");

        Assert.Equal(["src/", "src/.dockerignore", "src/Dockerfile", "src/KEEP.md", "src/Program.cs"], names);
    }

    [Fact]
    public void Dockerignore_double_star_matches_at_any_depth_and_keeps_the_directories_as_docker_does()
    {
        _context.Write(".dockerignore", "**/*.log").Write("app/a.log", "x").Write("app/deep/b.log", "y").Write("app/keep.txt", "k");

        Assert.Equal(["app/", "app/deep/", "app/keep.txt"], CopiedNames("FROM scratch\nCOPY app /app/"));
    }

    [Fact]
    public void An_ignored_file_named_directly_is_not_found()
    {
        _context.Write(".dockerignore", "secrets.env").Write("secrets.env", "PASSWORD=x");
        _context.Dockerfile("FROM scratch\nCOPY secrets.env /");

        var error = Assert.Throws<DockerfileException>(() => _context.Build());

        Assert.Equal(2, error.Line);
        Assert.Equal(DockerfileErrorKind.Build, error.Kind);
        Assert.Contains(".dockerignore", error.Message);
        Assert.Contains("secrets.env", error.JapaneseMessage);
    }

    [Fact]
    public void A_missing_source_names_the_line_and_the_file()
    {
        _context.Dockerfile("FROM scratch\nEXPOSE 80\nCOPY missing.html /srv/");

        var error = Assert.Throws<DockerfileException>(() => _context.Build());

        Assert.Equal(3, error.Line);
        Assert.Equal("COPY", error.Instruction);
        Assert.Contains("'missing.html' was not found in the build context", error.Message);
        Assert.Contains("3 行目の COPY のコピー元 'missing.html'", error.JapaneseMessage);
    }

    [Fact]
    public void A_source_outside_the_context_is_refused()
    {
        _context.Dockerfile("FROM scratch\nCOPY ../secret /");

        var error = Assert.Throws<DockerfileException>(() => _context.Build());

        Assert.Contains("outside the build context", error.Message);
    }

    [Fact]
    public void Several_sources_need_a_directory_destination()
    {
        _context.Write("a", "a").Write("b", "b").Dockerfile("FROM scratch\nCOPY a b /dest");

        var error = Assert.Throws<DockerfileException>(() => _context.Build());

        Assert.Contains("end with a /", error.Message);
    }

    [Fact]
    public void Chown_by_name_is_looked_up_in_the_image_passwd_file()
    {
        _context.Write("passwd", "root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n")
            .Write("group", "root:x:0:\nwww:x:82:\n").Write("index.html", "i")
            .Dockerfile("FROM scratch\nCOPY passwd group /etc/\nCOPY --chown=nginx:www index.html /srv/");

        var entry = LayerReader.Read(_context.Build().Layers[1]).Single(e => e.Name == "srv/index.html");

        Assert.Equal((101, 82), (entry.Uid, entry.Gid));
    }

    [Fact]
    public void Chown_by_name_on_a_stand_in_base_asks_for_numeric_ids()
    {
        _context.Write("index.html", "i").Dockerfile("FROM nginx:alpine\nCOPY --chown=nginx:nginx index.html /usr/share/nginx/html/");

        var error = Assert.Throws<DockerfileException>(() => _context.Build());

        Assert.Equal(2, error.Line);
        Assert.Contains("--chown=101:101", error.Message);
        Assert.Contains("数値の ID", error.JapaneseMessage);
    }

    [Fact]
    public void A_missing_dockerfile_is_explained()
    {
        var error = Assert.Throws<DockerfileException>(() => _context.Build());

        Assert.Contains("No Dockerfile was found", error.Message);
        Assert.Contains("Dockerfile が見つかりません", error.JapaneseMessage);
    }

    public void Dispose() => _context.Dispose();
}
