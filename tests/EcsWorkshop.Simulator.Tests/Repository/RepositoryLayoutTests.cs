using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Repository;

public sealed partial class RepositoryLayoutTests
{
    // The test command as a line of its own: `./test.sh`, run directly or through `exec`, maybe with arguments or `|| …`.
    [GeneratedRegex(@"^\s*(?:exec\s+)?(\./test\.sh)(?=\s|$)", RegexOptions.Multiline)]
    private static partial Regex TestCommand();

    [Fact]
    public void CI_runs_exactly_the_test_command_the_README_gives()
    {
        var documented = TestCommand().Matches(File.ReadAllText(RepositoryRoot.File("README.md"))).Select(m => m.Groups[1].Value).Distinct().ToList();
        var run = TestCommand().Matches(File.ReadAllText(RepositoryRoot.File(".ci/run"))).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal("./test.sh", Assert.Single(documented));
        Assert.Equal(documented, run);
    }

    [Fact]
    public void The_test_script_runs_every_test_of_the_solution()
    {
        var script = RepositoryRoot.File("test.sh");

        Assert.True(File.Exists(script), "test.sh is missing");
        Assert.Matches(new Regex(@"^\s*(?:[^#\n]*\s)?dotnet test Workshop\.sln(?=\s|$)", RegexOptions.Multiline), File.ReadAllText(script));
    }

    [Theory]
    [InlineData("src")]
    [InlineData("tests")]
    [InlineData("bench")]
    [InlineData("notebooks")]
    [InlineData("images")]
    [InlineData(".devcontainer")]
    [InlineData("docs")]
    public void Every_folder_the_README_describes_exists(string folder)
    {
        Assert.True(Directory.Exists(RepositoryRoot.File(folder)), $"{folder}/ is missing");
        Assert.Contains($"`{folder}/`", File.ReadAllText(RepositoryRoot.File("README.md")));
    }
}
