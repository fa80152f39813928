using EcsWorkshop.Images.Dockerfiles;

namespace EcsWorkshop.Images.Tests.Dockerfiles;

public sealed class ArgSubstitutionTests
{
    private static Dockerfile Parse(string text, params (string Name, string Value)[] buildArgs) =>
        Dockerfile.Parse(text, new DockerfileParseOptions { BuildArgs = buildArgs.ToDictionary(a => a.Name, a => a.Value) });

    private static string EnvValue(Dockerfile dockerfile, string name) =>
        dockerfile.Stages[^1].Instructions.OfType<EnvInstruction>().SelectMany(e => e.Variables).Last(v => v.Key == name).Value;

    [Fact]
    public void An_arg_default_is_substituted_in_later_instructions()
    {
        var dockerfile = Parse("FROM scratch\nARG PORT=8080\nEXPOSE $PORT\nENV URL=http://localhost:${PORT}/");

        Assert.Equal<string>(["8080/tcp"], dockerfile.Stages[0].Instructions.OfType<ExposeInstruction>().Single().Ports);
        Assert.Equal("http://localhost:8080/", EnvValue(dockerfile, "URL"));
    }

    [Fact]
    public void A_build_arg_overrides_the_default()
    {
        var dockerfile = Parse("FROM scratch\nARG PORT=8080\nEXPOSE $PORT", ("PORT", "9090"));

        Assert.Equal<string>(["9090/tcp"], dockerfile.Stages[0].Instructions.OfType<ExposeInstruction>().Single().Ports);
        Assert.Equal("9090", dockerfile.Stages[0].Instructions.OfType<ArgInstruction>().Single().Value);
    }

    [Fact]
    public void A_global_arg_sets_the_base_image_and_must_be_redeclared_to_be_used_in_the_stage()
    {
        var dockerfile = Parse("ARG TAG=alpine\nFROM nginx:${TAG}\nENV BEFORE=\"[$TAG]\"\nARG TAG\nENV AFTER=\"[$TAG]\"", ("TAG", "stable"));

        Assert.Equal("nginx:stable", dockerfile.Stages[0].From.Image);
        Assert.Equal("[]", EnvValue(dockerfile, "BEFORE"));
        Assert.Equal("[stable]", EnvValue(dockerfile, "AFTER"));
        Assert.Equal("stable", dockerfile.GlobalArgs.Single().Value);
    }

    [Fact]
    public void Env_wins_over_an_arg_of_the_same_name()
    {
        var dockerfile = Parse("FROM scratch\nARG MODE=arg\nENV MODE=env\nENV SEEN=$MODE");

        Assert.Equal("env", EnvValue(dockerfile, "SEEN"));
    }

    [Fact]
    public void All_pairs_of_one_env_see_the_values_from_before_it()
    {
        var dockerfile = Parse("FROM scratch\nENV A=old\nENV A=new B=$A");

        Assert.Equal("old", EnvValue(dockerfile, "B"));
    }

    [Fact]
    public void Single_quotes_and_the_escape_character_keep_a_dollar_sign()
    {
        var dockerfile = Parse("FROM scratch\nARG NAME=x\nENV A='$NAME' B=\\$NAME C=\"$NAME\"");

        Assert.Equal("$NAME", EnvValue(dockerfile, "A"));
        Assert.Equal("$NAME", EnvValue(dockerfile, "B"));
        Assert.Equal("x", EnvValue(dockerfile, "C"));
    }

    [Fact]
    public void Braced_variables_support_default_and_alternative_values()
    {
        var dockerfile = Parse("FROM scratch\nARG SET=yes\nARG EMPTY=\nENV A=${UNSET:-fallback} B=${SET:+alternative} C=${EMPTY-kept} D=${EMPTY:-replaced} E=${UNSET:+never}");

        Assert.Equal("fallback", EnvValue(dockerfile, "A"));
        Assert.Equal("alternative", EnvValue(dockerfile, "B"));
        Assert.Equal("", EnvValue(dockerfile, "C"));
        Assert.Equal("replaced", EnvValue(dockerfile, "D"));
        Assert.Equal("", EnvValue(dockerfile, "E"));
    }

    [Fact]
    public void A_required_variable_that_is_unset_names_the_line()
    {
        var error = Assert.Throws<DockerfileException>(() => Parse("FROM scratch\nENV A=\"${VERSION:?set VERSION with --build-arg}\""));

        Assert.Equal(2, error.Line);
        Assert.Contains("set VERSION with --build-arg", error.Message);
    }

    [Fact]
    public void An_unset_variable_expands_to_nothing()
    {
        var dockerfile = Parse("FROM scratch\nENV A=[$NOTHING]");

        Assert.Equal("[]", EnvValue(dockerfile, "A"));
    }

    [Fact]
    public void Copy_and_workdir_and_user_are_substituted()
    {
        var instructions = Parse("FROM scratch\nARG APP=web\nARG UID=101\nWORKDIR /srv/$APP\nCOPY --chown=$UID ${APP}.html /srv/$APP/\nUSER $UID").Stages[0].Instructions;

        Assert.Equal("/srv/web", instructions.OfType<WorkdirInstruction>().Single().Path);
        var copy = instructions.OfType<CopyInstruction>().Single();
        Assert.Equal<string>(["web.html"], copy.Sources);
        Assert.Equal("/srv/web/", copy.Destination);
        Assert.Equal(new OwnerSpec("101", null), copy.Chown);
        Assert.Equal("101", instructions.OfType<UserInstruction>().Single().User);
    }

    [Fact]
    public void Cmd_is_not_substituted_because_the_container_does_that()
    {
        var dockerfile = Parse("FROM scratch\nARG PORT=80\nCMD [\"serve\", \"$PORT\"]\nENTRYPOINT echo $PORT");

        Assert.Equal<string>(["serve", "$PORT"], dockerfile.Stages[0].Instructions.OfType<CmdInstruction>().Single().Command);
        Assert.Equal<string>(["/bin/sh", "-c", "echo $PORT"], dockerfile.Stages[0].Instructions.OfType<EntrypointInstruction>().Single().Command);
    }

    [Fact]
    public void Platform_arguments_are_defined_automatically()
    {
        var dockerfile = Dockerfile.Parse("FROM --platform=$BUILDPLATFORM scratch\nARG TARGETARCH\nENV ARCH=$TARGETARCH",
            new DockerfileParseOptions { TargetPlatform = new Platform("linux", "arm64") });

        Assert.Equal(new Platform("linux", "arm64"), dockerfile.Stages[0].Platform);
        Assert.Equal("arm64", EnvValue(dockerfile, "ARCH"));
    }

    [Fact]
    public void The_default_path_is_available_like_in_docker()
    {
        var dockerfile = Parse("FROM scratch\nENV PATH=/app/bin:$PATH");

        Assert.Equal("/app/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", EnvValue(dockerfile, "PATH"));
    }

    [Fact]
    public void A_known_base_image_environment_is_available()
    {
        var dockerfile = Dockerfile.Parse("FROM nginx:alpine\nLABEL version=$NGINX_VERSION", new DockerfileParseOptions
        {
            BaseImageEnvironment = (image, _) => image == "nginx:alpine" ? ["PATH=/bin", "NGINX_VERSION=1.27.0"] : null,
        });

        Assert.Equal("1.27.0", dockerfile.Stages[0].Instructions.OfType<LabelInstruction>().Single().Labels.Single().Value);
    }
}
