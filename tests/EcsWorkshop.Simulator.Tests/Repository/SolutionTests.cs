using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Repository;

/// <summary>`dotnet test Workshop.sln` (what the README's `./test.sh` runs) builds and tests every project there is.</summary>
public sealed class SolutionTests
{
    [Fact]
    public void Every_project_in_src_tests_and_bench_is_in_the_solution()
    {
        var solution = File.ReadAllText(RepositoryRoot.File("Workshop.sln")).Replace('\\', '/');
        var projects = new[] { "src", "tests", "bench" }
            .Select(RepositoryRoot.File)
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/'))
            .ToList();

        Assert.NotEmpty(projects);
        Assert.All(projects, project => Assert.Contains($"\"{project}\"", solution));
    }
}
