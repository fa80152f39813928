using EcsWorkshop.Images.Dockerfiles;

namespace EcsWorkshop.Images.Tests.Dockerfiles;

public sealed class UnsupportedInstructionTests
{
    [Fact]
    public void Run_is_refused_with_its_line_and_an_explanation_in_english_and_japanese()
    {
        var error = Assert.Throws<DockerfileException>(() => Dockerfile.Parse(
            "FROM nginx:alpine\n\nCOPY index.html /usr/share/nginx/html/\n# install curl\nRUN apk add --no-cache curl\nEXPOSE 80"));

        Assert.Equal(5, error.Line);
        Assert.Equal("RUN", error.Instruction);
        Assert.Equal(DockerfileErrorKind.NeedsContainer, error.Kind);
        Assert.StartsWith("Dockerfile line 5: RUN cannot be built without Docker.", error.Message);
        Assert.Contains("inside a container", error.Message);
        Assert.Contains("AWS mode", error.Message);
        Assert.StartsWith("この Dockerfile の 5 行目の RUN は、コンテナの中でコマンドを実行する必要があるため、Docker なしのビルドでは実行できません。", error.JapaneseMessage);
        Assert.Contains("ベースイメージ", error.JapaneseMessage);
        Assert.Contains("AWS モード", error.JapaneseMessage);
    }

    [Fact]
    public void Run_on_continued_lines_reports_the_line_it_starts_on()
    {
        var error = Assert.Throws<DockerfileException>(() => Dockerfile.Parse("FROM alpine\nRUN apk add \\\n    curl"));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Copy_from_another_stage_is_refused_and_explained()
    {
        var error = Assert.Throws<DockerfileException>(() => Dockerfile.Parse(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app/publish /app"));

        Assert.Equal(3, error.Line);
        Assert.Equal("COPY", error.Instruction);
        Assert.Equal(DockerfileErrorKind.NeedsContainer, error.Kind);
        Assert.Contains("--from=build", error.Message);
        Assert.Contains("dotnet publish", error.Message);
        Assert.Contains("3 行目の COPY --from=build は", error.JapaneseMessage);
    }

    [Fact]
    public void Onbuild_is_refused_and_explained()
    {
        var error = Assert.Throws<DockerfileException>(() => Dockerfile.Parse("FROM scratch\nONBUILD COPY . /app"));

        Assert.Equal(2, error.Line);
        Assert.Equal("ONBUILD", error.Instruction);
        Assert.Contains("ONBUILD", error.JapaneseMessage);
    }

    [Fact]
    public void Add_from_a_url_is_refused_because_the_build_uses_only_the_context()
    {
        var error = Assert.Throws<DockerfileException>(() => Dockerfile.Parse("FROM scratch\nADD https://example.com/app.tar.gz /app/"));

        Assert.Equal("ADD", error.Instruction);
        Assert.Equal(DockerfileErrorKind.NeedsContainer, error.Kind);
        Assert.Contains("https://example.com/app.tar.gz", error.Message);
        Assert.Contains("ダウンロード", error.JapaneseMessage);
    }

    [Fact]
    public void A_here_document_is_refused()
    {
        var error = Assert.Throws<DockerfileException>(() => Dockerfile.Parse("FROM scratch\nCOPY <<EOF /index.html"));

        Assert.Equal(DockerfileErrorKind.NotSupported, error.Kind);
        Assert.Contains("here-document", error.Message);
    }

    [Fact]
    public void An_empty_dockerfile_is_refused()
    {
        var error = Assert.Throws<DockerfileException>(() => Dockerfile.Parse("# only a comment\n"));

        Assert.Contains("no instructions", error.Message);
        Assert.Contains("FROM", error.JapaneseMessage);
    }
}
