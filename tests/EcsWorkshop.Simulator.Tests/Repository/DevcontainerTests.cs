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
        Assert.Contains(PostCreateCommands, c => c.Contains("dotnet restore Workshop.sln", StringComparison.Ordinal));
    }

    [Fact]
    public void The_notebook_kernel_and_Jupyters_runner_are_installed_when_the_container_is_created()
    {
        Assert.Contains(PostCreateCommands, c => c.Contains("dotnet tool restore", StringComparison.Ordinal));
        Assert.Contains(PostCreateCommands, c => c.Contains("jupyter-nbconvert", StringComparison.Ordinal) && c.Contains("python3-nbclient", StringComparison.Ordinal));
    }

    [Fact]
    public void Jupyter_finds_the_repositorys_dotnet_kernelspec()
    {
        Assert.Equal("${containerWorkspaceFolder}/jupyter", Devcontainer.GetProperty("containerEnv").GetProperty("JUPYTER_PATH").GetString());
        Assert.True(File.Exists(RepositoryRoot.File("jupyter/kernels/.net-csharp/kernel.json")));
    }

    /// <summary>The post-create commands, whether written as one string or as named commands run side by side.</summary>
    private static IReadOnlyList<string> PostCreateCommands
    {
        get
        {
            var command = Devcontainer.GetProperty("postCreateCommand");
            return command.ValueKind == JsonValueKind.Object
                ? [.. command.EnumerateObject().Select(c => c.Value.GetString() ?? "")]
                : [command.GetString() ?? ""];
        }
    }
}
