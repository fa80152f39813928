using System.Text.Json.Nodes;
using EcsWorkshop.Bench;
using EcsWorkshop.Bench.Lessons;
using EcsWorkshop.Bench.Reporting;

namespace EcsWorkshop.Bench.Tests;

public sealed class LessonsBenchmarkSmokeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecs-workshop-bench-lessons-report-").FullName;

    [Fact]
    public async Task Workshop_run_of_lesson_00_in_process_is_timed_and_reported_per_cell_and_as_a_whole()
    {
        var options = BenchSettings.Quick.Lessons;

        var result = await LessonsBenchmark.RunAsync(options, TextWriter.Null);

        var run = Assert.Single(result.Runs);
        Assert.Equal("in-process", run.Kernel);
        var lesson = Assert.Single(run.Lessons);
        Assert.Equal("00-setup", lesson.Name);
        Assert.True(lesson.Cells >= 2, $"lesson 00 reported {lesson.Cells} cell(s)");
        Assert.True(lesson.SetupCellSeconds >= 0 && lesson.OtherCellsSeconds >= 0);
        Assert.True(lesson.WallSeconds > 0 && lesson.WallSeconds >= lesson.CellSeconds.Sum() - 0.1 * lesson.Cells,
            $"lesson wall {lesson.WallSeconds} s, cells {lesson.CellSeconds.Sum()} s");
        Assert.True(run.WallSeconds > lesson.WallSeconds, $"process {run.WallSeconds} s, lesson {lesson.WallSeconds} s");

        var report = LessonsBenchmark.Report(result, options);
        var (_, json) = ReportWriter.Write(report, _directory);
        var rows = JsonNode.Parse(File.ReadAllText(json))!["tables"]![0]!["rows"]!.AsArray();
        Assert.Equal("00-setup", rows[0]!["Lesson"]!.GetValue<string>());
        Assert.Equal(lesson.Cells, rows[0]!["Cells"]!.GetValue<int>());
        Assert.True(rows[^1]!["Lesson wall s"]!.GetValue<double>() > 0);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
