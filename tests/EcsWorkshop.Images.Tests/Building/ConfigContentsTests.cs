using System.Text.Json;
using EcsWorkshop.Images.Tests.Support;

namespace EcsWorkshop.Images.Tests.Building;

public sealed class ConfigContentsTests : IDisposable
{
    private readonly TestContext _context = new();

    private JsonElement BuildConfig(string dockerfile, Func<EcsWorkshop.Images.Building.ImageBuildOptions, EcsWorkshop.Images.Building.ImageBuildOptions>? configure = null)
    {
        _context.Dockerfile(dockerfile);
        return JsonDocument.Parse(_context.Build(configure).ConfigBytes).RootElement.Clone();
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void The_config_carries_what_the_container_starts_with()
    {
        _context.Write("index.html", "i");
        var config = BuildConfig("""
            FROM scratch
            ENV APP_HOME=/srv/app MODE=production
            WORKDIR /srv/app
            COPY index.html .
            EXPOSE 80 8443/tcp
            LABEL org.opencontainers.image.title="web" team=ecs
            USER 101:101
            VOLUME /data
            STOPSIGNAL SIGQUIT
            ENTRYPOINT ["nginx"]
            CMD ["-g", "daemon off;"]
            """).GetProperty("config");

        Assert.Equal(["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "APP_HOME=/srv/app", "MODE=production"], Strings(config.GetProperty("Env")));
        Assert.Equal("/srv/app", config.GetProperty("WorkingDir").GetString());
        Assert.Equal(["80/tcp", "8443/tcp"], config.GetProperty("ExposedPorts").EnumerateObject().Select(p => p.Name));
        Assert.Equal("web", config.GetProperty("Labels").GetProperty("org.opencontainers.image.title").GetString());
        Assert.Equal("ecs", config.GetProperty("Labels").GetProperty("team").GetString());
        Assert.Equal("101:101", config.GetProperty("User").GetString());
        Assert.Equal(["/data"], config.GetProperty("Volumes").EnumerateObject().Select(p => p.Name));
        Assert.Equal("SIGQUIT", config.GetProperty("StopSignal").GetString());
        Assert.Equal(["nginx"], Strings(config.GetProperty("Entrypoint")));
        Assert.Equal(["-g", "daemon off;"], Strings(config.GetProperty("Cmd")));
    }

    [Fact]
    public void The_platform_defaults_to_linux_amd64_and_follows_the_from_platform()
    {
        var amd64 = BuildConfig("FROM scratch");
        var arm64 = BuildConfig("FROM --platform=linux/arm64/v8 scratch");

        Assert.Equal(("amd64", "linux"), (amd64.GetProperty("architecture").GetString(), amd64.GetProperty("os").GetString()));
        Assert.False(amd64.TryGetProperty("variant", out _));
        Assert.Equal(("arm64", "v8"), (arm64.GetProperty("architecture").GetString(), arm64.GetProperty("variant").GetString()));
    }

    [Fact]
    public void The_build_platform_option_is_the_default_platform()
    {
        var config = BuildConfig("FROM scratch", o => o with { Platform = new Platform("linux", "arm64") });

        Assert.Equal("arm64", config.GetProperty("architecture").GetString());
    }

    [Fact]
    public void Created_is_fixed_so_that_builds_repeat()
    {
        var config = BuildConfig("FROM scratch\nLABEL a=b");

        Assert.Equal("1970-01-01T00:00:00Z", config.GetProperty("created").GetString());
        Assert.All(config.GetProperty("history").EnumerateArray(), h => Assert.Equal("1970-01-01T00:00:00Z", h.GetProperty("created").GetString()));
    }

    [Fact]
    public void The_diff_ids_are_the_layers_in_order()
    {
        _context.Write("a", "a").Write("b", "b").Dockerfile("FROM scratch\nCOPY a /\nCOPY b /");

        var image = _context.Build();
        var config = JsonDocument.Parse(image.ConfigBytes).RootElement;

        Assert.Equal("layers", config.GetProperty("rootfs").GetProperty("type").GetString());
        Assert.Equal(image.Layers.Select(l => l.DiffId.ToString()), Strings(config.GetProperty("rootfs").GetProperty("diff_ids")));
    }

    [Fact]
    public void History_has_an_entry_per_instruction_and_marks_those_without_a_layer()
    {
        _context.Write("a", "a");
        var history = BuildConfig("FROM scratch\nARG V=1\nENV A=$V\nCOPY a /\nCMD [\"/a\"]").GetProperty("history").EnumerateArray().ToList();

        Assert.Equal(["ENV A=$V", "COPY a /", "CMD [\"/a\"]"], history.Select(h => h.GetProperty("created_by").GetString()));
        Assert.Equal([true, false, true], history.Select(h => h.TryGetProperty("empty_layer", out var e) && e.GetBoolean()));
    }

    [Fact]
    public void A_shell_form_command_is_wrapped_in_bin_sh()
    {
        var config = BuildConfig("FROM scratch\nCMD echo \"hello $NAME\"").GetProperty("config");

        Assert.Equal(["/bin/sh", "-c", "echo \"hello $NAME\""], Strings(config.GetProperty("Cmd")));
    }

    [Fact]
    public void An_entrypoint_clears_a_cmd_inherited_from_an_earlier_stage_but_not_one_set_in_the_same_stage()
    {
        var inherited = BuildConfig("FROM scratch AS base\nCMD [\"serve\"]\nFROM base\nENTRYPOINT [\"app\"]").GetProperty("config");
        var own = BuildConfig("FROM scratch\nCMD [\"serve\"]\nENTRYPOINT [\"app\"]").GetProperty("config");

        Assert.False(inherited.TryGetProperty("Cmd", out _));
        Assert.Equal(["serve"], Strings(own.GetProperty("Cmd")));
    }

    [Fact]
    public void A_stage_built_from_an_earlier_stage_keeps_its_layers_and_settings()
    {
        _context.Write("a", "a").Write("b", "b");
        _context.Dockerfile("FROM scratch AS base\nCOPY a /\nENV FROM_BASE=yes\nFROM base\nCOPY b /");

        var image = _context.Build();
        var config = JsonDocument.Parse(image.ConfigBytes).RootElement.GetProperty("config");

        Assert.Equal(2, image.Layers.Length);
        Assert.Contains("FROM_BASE=yes", Strings(config.GetProperty("Env")));
    }

    [Fact]
    public void The_target_option_builds_an_earlier_stage()
    {
        _context.Write("a", "a").Dockerfile("FROM scratch AS base\nCOPY a /\nFROM base AS final\nLABEL final=yes");

        var image = _context.Build(o => o with { Target = "base" });

        Assert.Single(image.Layers);
        Assert.Null(image.Config.Config.Labels);
    }

    [Fact]
    public void A_healthcheck_is_recorded_in_the_config()
    {
        var check = BuildConfig("FROM scratch\nHEALTHCHECK --interval=10s --retries=2 CMD wget -q -O- http://localhost/").GetProperty("config").GetProperty("Healthcheck");

        Assert.Equal(["CMD-SHELL", "wget -q -O- http://localhost/"], Strings(check.GetProperty("Test")));
        Assert.Equal(10_000_000_000, check.GetProperty("Interval").GetInt64());
        Assert.Equal(2, check.GetProperty("Retries").GetInt32());
        Assert.False(check.TryGetProperty("Timeout", out _));
    }

    [Fact]
    public void Label_options_are_added_to_the_image()
    {
        var labels = BuildConfig("FROM scratch\nLABEL a=1", o => o with { Labels = new Dictionary<string, string> { ["build"] = "42" } })
            .GetProperty("config").GetProperty("Labels");

        Assert.Equal(("1", "42"), (labels.GetProperty("a").GetString(), labels.GetProperty("build").GetString()));
    }

    [Fact]
    public void The_manifest_names_the_config_and_the_layers_with_oci_media_types()
    {
        _context.Write("a", "a").Dockerfile("FROM scratch\nCOPY a /");

        var image = _context.Build();
        var manifest = JsonDocument.Parse(image.ManifestBytes).RootElement;

        Assert.Equal(2, manifest.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(MediaTypes.OciManifest, manifest.GetProperty("mediaType").GetString());
        Assert.Equal(MediaTypes.OciConfig, manifest.GetProperty("config").GetProperty("mediaType").GetString());
        Assert.Equal(Digest.Of(image.ConfigBytes).ToString(), manifest.GetProperty("config").GetProperty("digest").GetString());
        Assert.Equal(image.ConfigBytes.Length, manifest.GetProperty("config").GetProperty("size").GetInt64());
        var layer = manifest.GetProperty("layers").EnumerateArray().Single();
        Assert.Equal(MediaTypes.OciLayerGzip, layer.GetProperty("mediaType").GetString());
        Assert.Equal(image.Layers[0].Descriptor.Digest.ToString(), layer.GetProperty("digest").GetString());
        Assert.Equal(Digest.Of(image.ManifestBytes), image.Digest);
    }

    public void Dispose() => _context.Dispose();
}
