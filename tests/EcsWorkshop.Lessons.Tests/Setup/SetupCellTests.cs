using EcsWorkshop.Lessons.Notebooks;
using EcsWorkshop.Lessons.Running;
using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Setup;

/// <summary>
/// The setup cell makes the helper library available by itself, and builds it only when its sources changed (how long
/// that takes is a figure for the benchmarks, not a test: under load a warm run can still take seconds).
/// </summary>
public sealed class SetupCellTests
{
    [Fact]
    public async Task A_second_run_of_the_setup_cell_skips_the_build_and_loads_the_library()
    {
        var lesson = TemporaryLesson(Notebook.Code(LessonSetup.Cell),
            Notebook.Code("Console.WriteLine(Workshop.SimulatorHealthPath);"));
        var host = new InProcessLessonHost();
        var first = await host.RunAsync(lesson, new Dictionary<string, string>(), _ => { }, CancellationToken.None);
        ExecutedNotebook.AssertNoCellFailed(first);

        var second = await host.RunAsync(lesson, new Dictionary<string, string>(), _ => { }, CancellationToken.None);

        ExecutedNotebook.AssertNoCellFailed(second);
        var printed = ExecutedNotebook.OutputText(second.Executed);
        Assert.Contains("ヘルパーライブラリはビルド済みです", printed);
        Assert.Contains("/_workshop/health", printed);
    }

    [Fact]
    public async Task The_setup_cell_outside_the_repository_says_in_Japanese_where_to_open_the_notebook()
    {
        var folder = Directory.CreateTempSubdirectory("ecs-workshop-elsewhere-").FullName;
        File.Copy(RepositoryRoot.File($"notebooks/{LessonSetup.FileName}"), Path.Combine(folder, LessonSetup.FileName));
        var path = Path.Combine(folder, "00-elsewhere.ipynb");
        NotebookFile.Save(Notebook.Create([Notebook.Code(LessonSetup.Cell)]), path);

        var run = await new InProcessLessonHost().RunAsync(Lesson.Load(path), new Dictionary<string, string>(), _ => { }, CancellationToken.None);

        Assert.False(run.Succeeded);
        Assert.Contains("リポジトリが見つかりません", run.Cells[0].Cell.Error?.Text + run.Cells[0].Cell.Error?.Value);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A lesson that runs in the repository's notebooks folder (where setup.csx is) without a file of its own.</summary>
    private static Lesson TemporaryLesson(params NotebookCell[] cells) =>
        new(Path.Combine(RepositoryRoot.Notebooks, "99-setup-test.ipynb"), Notebook.Create(cells));
}
