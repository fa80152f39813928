using EcsWorkshop.Lessons.Apps;
using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Apps;

/// <summary>The committed file-based apps are exactly what <c>workshop export-apps</c> makes of the lessons today.</summary>
public sealed class FileBasedAppSyncTests
{
    public static TheoryData<string> Lessons => RepositoryRoot.LessonNames;

    [Theory]
    [MemberData(nameof(Lessons))]
    public void The_committed_app_matches_the_lesson(string lessonName)
    {
        var lesson = Lesson.Load(RepositoryRoot.File($"notebooks/{lessonName}.ipynb"));
        var path = FileBasedApp.PathFor(lesson);

        var expected = FileBasedApp.Generate(lesson, LessonSetup.Load(RepositoryRoot.Notebooks), RepositoryRoot.Path);

        Assert.True(File.Exists(path), $"{path} is missing: run `dotnet run --project src/EcsWorkshop.Cli -- export-apps`.");
        Assert.True(expected == File.ReadAllText(path), $"{path} is out of date: run `dotnet run --project src/EcsWorkshop.Cli -- export-apps`.");
    }

    [Fact]
    public void Every_app_belongs_to_a_lesson()
    {
        var lessons = RepositoryRoot.Lessons.Select(l => l.Name).ToHashSet();

        var orphans = Directory.EnumerateFiles(RepositoryRoot.File($"notebooks/{FileBasedApp.FolderName}"))
            .Where(path => !lessons.Contains(Path.GetFileNameWithoutExtension(path)) || Path.GetExtension(path) != ".cs");

        Assert.Empty(orphans);
    }

    [Fact]
    public async Task Export_apps_check_passes_on_the_repository()
    {
        var result = await ProcessRunner.WorkshopAsync(RepositoryRoot.Path, TimeSpan.FromMinutes(1), "export-apps", "--check");

        Assert.True(result.ExitCode == 0, result.Printed);
        Assert.Contains("up to date  notebooks/apps/00-setup.cs", result.StandardOutput);
    }
}
