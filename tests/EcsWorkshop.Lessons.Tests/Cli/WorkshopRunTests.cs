using AngleSharp.Html.Parser;
using EcsWorkshop.Lessons.Notebooks;
using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Cli;

/// <summary><c>workshop run</c> end to end, as a learner runs it: the real command in its own process.</summary>
public sealed class WorkshopRunTests
{
    [Fact]
    public async Task Workshop_run_on_the_simulated_runtime_runs_every_lesson_and_writes_the_executed_notebooks_and_a_Japanese_workbook()
    {
        var output = Directory.CreateTempSubdirectory("ecs-workshop-run-out-").FullName;

        var result = await ProcessRunner.WorkshopAsync(RepositoryRoot.Path, TimeSpan.FromMinutes(8), "run", "--runtime", "simulated", "--out", output);

        Assert.True(result.ExitCode == 0, result.Printed);
        var lessons = RepositoryRoot.Lessons;
        foreach (var lesson in lessons)
        {
            Assert.Contains($"{lesson.Name}: {lesson.Title}", result.StandardOutput);
            var count = lesson.Notebook.CodeCells.Count();
            for (var n = 1; n <= count; n++) Assert.Contains($"cell {n}/{count}  ok", result.StandardOutput);
            var executed = NotebookFile.Load(Path.Combine(output, "notebooks", lesson.Name + ".ipynb"));
            Assert.True(NotebookMetadata.IsWorkshopNotebook(executed.Metadata));
            Assert.All(executed.CodeCells, cell => Assert.Null(cell.Error));
            Assert.All(executed.CodeCells, cell => Assert.NotNull(cell.ExecutionCount));
        }

        var page = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(output, "workbook.html")));
        Assert.Equal("ja", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ECS ワークショップ ワークブック", page.Title);
        foreach (var lesson in lessons)
        {
            var section = page.GetElementById($"lesson-{lesson.Name}");
            Assert.NotNull(section);
            Assert.Equal(lesson.Title, section.QuerySelector("h1")?.TextContent);
            Assert.NotNull(page.QuerySelector($"nav a[href='#lesson-{lesson.Name}']"));
        }
        var outputs = string.Join("\n", page.QuerySelectorAll(".output").Select(o => o.TextContent));
        Assert.Contains("シミュレーターの状態: ok", outputs);
        Assert.Contains("時間の速さ: 現実の 20 倍", outputs);
        Assert.Empty(page.QuerySelectorAll("pre.error"));
        Assert.Empty(page.QuerySelectorAll("script[src], link[rel=stylesheet]"));
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task A_failing_cell_makes_workshop_run_exit_non_zero_print_the_error_and_still_write_the_workbook()
    {
        var notebooks = Directory.CreateTempSubdirectory("ecs-workshop-broken-").FullName;
        var output = Path.Combine(notebooks, "out");
        NotebookFile.Save(Notebook.Create([
            Notebook.Markdown("# 00. わざと失敗するレッスン\n\n2 つ目のセルは例外を投げます。"),
            Notebook.Code("Console.WriteLine(\"最初のセルは成功します\");"),
            Notebook.Code("throw new InvalidOperationException(\"わざと失敗させたセルです\");"),
            Notebook.Code("Console.WriteLine(\"失敗のあとのセルも実行されます\");"),
        ]), Path.Combine(notebooks, "00-broken.ipynb"));

        var result = await ProcessRunner.WorkshopAsync(notebooks, TimeSpan.FromMinutes(3), "run", "--runtime", "simulated", "--notebooks", notebooks, "--out", output);

        Assert.True(result.ExitCode == 1, result.Printed);
        Assert.Contains("00-broken: 00. わざと失敗するレッスン", result.StandardOutput);
        Assert.Contains("cell 1/3  ok", result.StandardOutput);
        Assert.Contains("cell 2/3  FAILED", result.StandardOutput);
        Assert.Contains("わざと失敗させたセルです", result.StandardOutput);
        Assert.Contains("cell 3/3  ok", result.StandardOutput);
        Assert.Contains("3 cell(s): 2 ok, 1 failed", result.StandardOutput);
        var page = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(output, "workbook.html")));
        Assert.Contains("わざと失敗させたセルです", Assert.Single(page.QuerySelectorAll("pre.error")).TextContent);
        Directory.Delete(notebooks, recursive: true);
    }

    [Fact]
    public async Task Workshop_run_refuses_a_folder_without_lessons()
    {
        var empty = Directory.CreateTempSubdirectory("ecs-workshop-empty-").FullName;

        var result = await ProcessRunner.WorkshopAsync(empty, TimeSpan.FromMinutes(1), "run", "--runtime", "simulated", "--notebooks", empty);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No lessons (NN-name.ipynb)", result.StandardError);
        Directory.Delete(empty);
    }
}
