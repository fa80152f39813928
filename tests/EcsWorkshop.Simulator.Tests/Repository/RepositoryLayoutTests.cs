using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Repository;

public sealed partial class RepositoryLayoutTests
{
    // README's test command: `./test.sh` on a line of its own (an indented code line).
    [GeneratedRegex(@"^\s*(\./test\.sh)\s*$", RegexOptions.Multiline)]
    private static partial Regex DocumentedTestCommand();

    // A line of a shell script that runs a test.sh, directly or through `exec`, by a path that may start at the
    // script's own folder (`$(dirname "$0")/../test.sh`), maybe followed by arguments or `|| …`.
    [GeneratedRegex(@"^\s*(?:exec\s+)?""?(?<path>(?:\$\(dirname ""\$0""\)/)?[^""\s#]*test\.sh)""?(?=\s|$)", RegexOptions.Multiline)]
    private static partial Regex ScriptRunsTestScript();

    [Fact]
    public void CI_runs_exactly_the_test_command_the_README_gives()
    {
        var documented = DocumentedTestCommand().Matches(File.ReadAllText(RepositoryRoot.File("README.md"))).Select(m => m.Groups[1].Value).Distinct().ToList();
        var run = ScriptRunsTestScript().Matches(File.ReadAllText(RepositoryRoot.File(".ci/run")))
            .Select(m => m.Groups["path"].Value.Replace("$(dirname \"$0\")", ".ci", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, Path.GetFullPath(path, RepositoryRoot.Path)))
            .ToList();

        Assert.Equal("./test.sh", Assert.Single(documented));
        Assert.Equal(["test.sh"], run);
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
