using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Repository;

public sealed partial class RepositoryLayoutTests
{
    [GeneratedRegex(@"^\s*dotnet test .*$", RegexOptions.Multiline)]
    private static partial Regex TestCommand();

    [GeneratedRegex(@"^\s*(\./test\.sh|dotnet test .*)$", RegexOptions.Multiline)]
    private static partial Regex DocumentedTestCommand();

    [Fact]
    public void CI_runs_exactly_the_test_command_the_README_gives()
    {
        var documented = DocumentedTestCommand().Matches(File.ReadAllText(RepositoryRoot.File("README.md"))).Select(m => m.Value.Trim()).Distinct().ToList();
        var ci = File.ReadAllText(RepositoryRoot.File(".ci/run"));
        var script = TestCommand().Matches(File.ReadAllText(RepositoryRoot.File("test.sh"))).Select(m => m.Value.Trim().Split(" ||")[0]).ToList();

        Assert.Equal("./test.sh", Assert.Single(documented));
        Assert.Contains("test.sh", ci);
        Assert.Equal("dotnet test Workshop.sln \"$@\"", Assert.Single(script));
    }

    [Theory]
    [InlineData("src")]
    [InlineData("tests")]
    [InlineData("bench")]
    [InlineData("notebooks")]
    [InlineData("images")]
    [InlineData(".devcontainer")]
    public void Every_folder_the_README_describes_exists(string folder)
    {
        Assert.True(Directory.Exists(RepositoryRoot.File(folder)), $"{folder}/ is missing");
        Assert.Contains($"`{folder}/`", File.ReadAllText(RepositoryRoot.File("README.md")));
    }
}
