using System.Text.Json;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Repository;

public sealed class DevcontainerTests
{
    private static readonly JsonElement Devcontainer = JsonDocument.Parse(
        File.ReadAllText(RepositoryRoot.File(".devcontainer/devcontainer.json")),
        new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement.Clone();

    [Fact]
    public void The_container_is_built_on_the_dotnet_10_sdk_image()
    {
        var image = Devcontainer.GetProperty("image").GetString();

        Assert.StartsWith("mcr.microsoft.com/devcontainers/dotnet:10.", image);
    }

    [Fact]
    public void The_simulator_port_4566_is_forwarded()
    {
        Assert.Contains(4566, Devcontainer.GetProperty("forwardPorts").EnumerateArray().Select(p => p.GetInt32()));
    }

    [Fact]
    public void VS_Code_gets_the_CSharp_Polyglot_Notebooks_and_Jupyter_extensions()
    {
        var extensions = Devcontainer.GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Contains("ms-dotnettools.csharp", extensions);
        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions);
        Assert.Contains("ms-toolsai.jupyter", extensions);
    }

    [Fact]
    public void The_AWS_CLI_is_installed_and_the_solution_restored_when_the_container_is_created()
    {
        var features = Devcontainer.GetProperty("features").EnumerateObject().Select(f => f.Name);

        Assert.Contains(features, f => f.StartsWith("ghcr.io/devcontainers/features/aws-cli:", StringComparison.Ordinal));
        Assert.Equal("dotnet restore Workshop.sln", Devcontainer.GetProperty("postCreateCommand").GetString());
    }
}
