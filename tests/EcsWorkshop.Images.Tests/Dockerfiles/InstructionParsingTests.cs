using EcsWorkshop.Images.Dockerfiles;

namespace EcsWorkshop.Images.Tests.Dockerfiles;

public sealed class InstructionParsingTests
{
    private static IReadOnlyList<Instruction> Parse(string text) => Dockerfile.Parse(text).Stages[^1].Instructions;

    private static T Single<T>(string text) where T : Instruction => Assert.IsType<T>(Assert.Single(Parse(text)));

    [Fact]
    public void From_reads_the_image_the_stage_name_and_the_platform()
    {
        var stage = Dockerfile.Parse("FROM --platform=linux/arm64 nginx:alpine AS Web").Stages.Single();

        Assert.Equal("nginx:alpine", stage.From.Image);
        Assert.Equal("web", stage.Name);
        Assert.Equal(new Platform("linux", "arm64"), stage.From.Platform);
        Assert.Equal(new Platform("linux", "arm64"), stage.Platform);
        Assert.Equal(1, stage.From.Line);
    }

    [Fact]
    public void A_stage_without_a_platform_builds_for_the_target_platform()
    {
        var stage = Dockerfile.Parse("FROM scratch", new DockerfileParseOptions { TargetPlatform = new Platform("linux", "arm64", "v8") }).Stages.Single();

        Assert.True(stage.From.IsScratch);
        Assert.Null(stage.From.Platform);
        Assert.Equal("linux/arm64/v8", stage.Platform.ToString());
    }

    [Fact]
    public void A_later_stage_can_build_from_an_earlier_one()
    {
        var dockerfile = Dockerfile.Parse("FROM nginx:alpine AS base\nENV A=1\nFROM base\nENV B=$A");

        Assert.Equal(0, dockerfile.Stages[1].ParentStage);
        Assert.Equal("1", Assert.IsType<EnvInstruction>(dockerfile.Stages[1].Instructions.Single()).Variables.Single().Value);
    }

    [Fact]
    public void Copy_reads_sources_destination_owner_and_mode()
    {
        var copy = Single<CopyInstruction>("FROM scratch\nCOPY --chown=101:102 --chmod=0755 a.sh b/ /app/");

        Assert.False(copy.IsAdd);
        Assert.Equal<string>(["a.sh", "b/"], copy.Sources);
        Assert.Equal("/app/", copy.Destination);
        Assert.Equal(new OwnerSpec("101", "102"), copy.Chown);
        Assert.Equal((UnixFileMode)Convert.ToInt32("755", 8), copy.Chmod);
    }

    [Fact]
    public void Copy_accepts_the_json_form_for_paths_with_spaces()
    {
        var copy = Single<CopyInstruction>("FROM scratch\nCOPY [\"my page.html\", \"/usr/share/nginx/html/\"]");

        Assert.Equal<string>(["my page.html"], copy.Sources);
        Assert.Equal("/usr/share/nginx/html/", copy.Destination);
    }

    [Fact]
    public void Add_is_a_copy_that_may_unpack_archives()
    {
        var add = Single<CopyInstruction>("FROM scratch\nADD --chown=app site.tar.gz /srv/");

        Assert.True(add.IsAdd);
        Assert.Equal(new OwnerSpec("app", null), add.Chown);
    }

    [Fact]
    public void Copy_without_a_destination_names_the_line()
    {
        var error = Assert.Throws<DockerfileException>(() => Parse("FROM scratch\n\nCOPY index.html"));

        Assert.Equal(3, error.Line);
        Assert.Equal("COPY", error.Instruction);
        Assert.Equal(DockerfileErrorKind.Syntax, error.Kind);
        Assert.Contains("source and a destination", error.Message);
        Assert.Contains("3 行目", error.JapaneseMessage);
    }

    [Fact]
    public void Env_accepts_the_name_equals_value_form_with_quotes()
    {
        var env = Single<EnvInstruction>("FROM scratch\nENV APP_HOME=/app GREETING=\"hello world\" SINGLE='a b'");

        Assert.Equal<KeyValuePair<string, string>>(
            [new("APP_HOME", "/app"), new("GREETING", "hello world"), new("SINGLE", "a b")],
            env.Variables);
    }

    [Fact]
    public void Env_accepts_the_legacy_name_space_value_form()
    {
        var env = Single<EnvInstruction>("FROM scratch\nENV GREETING hello   big world");

        Assert.Equal<KeyValuePair<string, string>>([new("GREETING", "hello   big world")], env.Variables);
    }

    [Fact]
    public void Workdir_user_stopsignal_and_maintainer_take_their_argument()
    {
        var instructions = Parse("FROM scratch\nWORKDIR /app\nUSER 101:101\nSTOPSIGNAL SIGQUIT\nMAINTAINER Workshop <ws@example.com>");

        Assert.Equal("/app", Assert.IsType<WorkdirInstruction>(instructions[0]).Path);
        Assert.Equal("101:101", Assert.IsType<UserInstruction>(instructions[1]).User);
        Assert.Equal("SIGQUIT", Assert.IsType<StopSignalInstruction>(instructions[2]).Signal);
        Assert.Equal("Workshop <ws@example.com>", Assert.IsType<MaintainerInstruction>(instructions[3]).Author);
    }

    [Fact]
    public void Expose_defaults_to_tcp_and_keeps_the_protocol_given()
    {
        var expose = Single<ExposeInstruction>("FROM scratch\nEXPOSE 80 8080/tcp 53/UDP 9000-9002");

        Assert.Equal<string>(["80/tcp", "8080/tcp", "53/udp", "9000/tcp", "9001/tcp", "9002/tcp"], expose.Ports);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("80/icmp")]
    public void Expose_refuses_what_is_not_a_port(string port)
    {
        var error = Assert.Throws<DockerfileException>(() => Parse($"FROM scratch\nEXPOSE {port}"));

        Assert.Equal(2, error.Line);
        Assert.Equal("EXPOSE", error.Instruction);
        Assert.Contains($"'{port}'", error.Message);
        Assert.Contains("ポート", error.JapaneseMessage);
    }

    [Fact]
    public void Label_accepts_several_quoted_labels()
    {
        var label = Single<LabelInstruction>("FROM scratch\nLABEL org.opencontainers.image.title=\"My web\" version=1.0");

        Assert.Equal<KeyValuePair<string, string>>([new("org.opencontainers.image.title", "My web"), new("version", "1.0")], label.Labels);
    }

    [Fact]
    public void Cmd_in_exec_form_is_the_json_array()
    {
        var cmd = Single<CmdInstruction>("FROM scratch\nCMD [\"nginx\", \"-g\", \"daemon off;\"]");

        Assert.Equal<string>(["nginx", "-g", "daemon off;"], cmd.Command);
        Assert.False(cmd.ShellForm);
    }

    [Fact]
    public void Cmd_in_shell_form_runs_through_bin_sh()
    {
        var cmd = Single<CmdInstruction>("FROM scratch\nCMD nginx -g 'daemon off;'");

        Assert.Equal<string>(["/bin/sh", "-c", "nginx -g 'daemon off;'"], cmd.Command);
        Assert.True(cmd.ShellForm);
    }

    [Fact]
    public void Entrypoint_has_the_same_two_forms()
    {
        var instructions = Parse("FROM scratch\nENTRYPOINT [\"dotnet\", \"Web.dll\"]\nENTRYPOINT exec dotnet Web.dll");

        Assert.Equal<string>(["dotnet", "Web.dll"], Assert.IsType<EntrypointInstruction>(instructions[0]).Command);
        Assert.Equal<string>(["/bin/sh", "-c", "exec dotnet Web.dll"], Assert.IsType<EntrypointInstruction>(instructions[1]).Command);
    }

    [Fact]
    public void Cmd_that_is_not_valid_json_falls_back_to_the_shell_form()
    {
        var cmd = Single<CmdInstruction>("FROM scratch\nCMD ['nginx']");

        Assert.Equal<string>(["/bin/sh", "-c", "['nginx']"], cmd.Command);
    }

    [Fact]
    public void Shell_changes_the_shell_of_later_shell_form_commands()
    {
        var instructions = Parse("FROM scratch\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nCMD echo hi | cat");

        Assert.Equal<string>(["/bin/bash", "-o", "pipefail", "-c", "echo hi | cat"], Assert.IsType<CmdInstruction>(instructions[1]).Command);
    }

    [Fact]
    public void Healthcheck_records_the_command_and_timings_in_nanoseconds()
    {
        var check = Single<HealthcheckInstruction>("FROM scratch\nHEALTHCHECK --interval=30s --timeout=1m30s --start-period=500ms --retries=3 CMD curl -f http://localhost/").Check;

        Assert.Equal<string>(["CMD-SHELL", "curl -f http://localhost/"], check.Test);
        Assert.Equal(30_000_000_000, check.Interval);
        Assert.Equal(90_000_000_000, check.Timeout);
        Assert.Equal(500_000_000, check.StartPeriod);
        Assert.Equal(3, check.Retries);
    }

    [Fact]
    public void Healthcheck_accepts_the_exec_form_and_none()
    {
        var instructions = Parse("FROM scratch\nHEALTHCHECK CMD [\"wget\", \"-q\", \"localhost\"]\nHEALTHCHECK NONE");

        Assert.Equal<string>(["CMD", "wget", "-q", "localhost"], Assert.IsType<HealthcheckInstruction>(instructions[0]).Check.Test);
        Assert.Equal<string>(["NONE"], Assert.IsType<HealthcheckInstruction>(instructions[1]).Check.Test);
    }

    [Fact]
    public void Volume_accepts_words_and_json()
    {
        var instructions = Parse("FROM scratch\nVOLUME /data /logs\nVOLUME [\"/cache\"]");

        Assert.Equal<string>(["/data", "/logs"], Assert.IsType<VolumeInstruction>(instructions[0]).Paths);
        Assert.Equal<string>(["/cache"], Assert.IsType<VolumeInstruction>(instructions[1]).Paths);
    }

    [Fact]
    public void Keywords_are_case_insensitive()
    {
        var copy = Single<CopyInstruction>("from scratch\ncopy a /a");

        Assert.Equal("/a", copy.Destination);
    }

    [Fact]
    public void An_unknown_instruction_is_named_with_its_line()
    {
        var error = Assert.Throws<DockerfileException>(() => Parse("FROM scratch\nCOPPY a /a"));

        Assert.Equal(2, error.Line);
        Assert.Contains("unknown instruction 'COPPY'", error.Message);
        Assert.Contains("COPPY", error.JapaneseMessage);
    }

    [Fact]
    public void Instructions_before_the_first_from_are_refused()
    {
        var error = Assert.Throws<DockerfileException>(() => Parse("COPY a /a\nFROM scratch"));

        Assert.Equal(1, error.Line);
        Assert.Contains("after a FROM", error.Message);
    }

    [Fact]
    public void An_invalid_base_image_name_is_refused()
    {
        var error = Assert.Throws<DockerfileException>(() => Parse("FROM Nginx"));

        Assert.Equal("FROM", error.Instruction);
        Assert.Contains("'Nginx'", error.Message);
    }

    [Fact]
    public void An_unknown_copy_flag_is_refused()
    {
        var error = Assert.Throws<DockerfileException>(() => Parse("FROM scratch\nCOPY --owner=1 a /a"));

        Assert.Contains("--owner", error.Message);
    }

    [Fact]
    public void A_windows_platform_is_refused()
    {
        var error = Assert.Throws<DockerfileException>(() => Parse("FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022"));

        Assert.Equal(DockerfileErrorKind.NotSupported, error.Kind);
        Assert.Contains("windows/amd64", error.Message);
    }

    [Fact]
    public void The_target_stage_is_the_last_unless_named()
    {
        var dockerfile = Dockerfile.Parse("FROM scratch AS first\nFROM scratch AS second");

        Assert.Equal("second", dockerfile.TargetStage().Name);
        Assert.Equal("first", dockerfile.TargetStage("FIRST").Name);
        Assert.Throws<DockerfileException>(() => dockerfile.TargetStage("third"));
    }
}
