using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Repository;

public sealed partial class RepositoryLayoutTests
{
    [GeneratedRegex(@"^\s*dotnet test .*$", RegexOptions.Multiline)]
    private static partial Regex TestCommand();

    [Fact]
    public void CI_runs_exactly_the_test_command_the_README_gives()
    {
        var documented = TestCommand().Matches(File.ReadAllText(RepositoryRoot.File("README.md"))).Select(m => m.Value.Trim()).Distinct().ToList();
        var run = TestCommand().Matches(File.ReadAllText(RepositoryRoot.File(".ci/run"))).Select(m => m.Value.Trim().Split(" ||")[0]).ToList();

        Assert.Equal("dotnet test Workshop.sln", Assert.Single(documented));
        Assert.Equal(documented, run);
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
