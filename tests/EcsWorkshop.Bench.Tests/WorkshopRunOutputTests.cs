using EcsWorkshop.Bench.Lessons;

namespace EcsWorkshop.Bench.Tests;

public sealed class WorkshopRunOutputTests
{
    private static readonly string[] Complete =
    [
        "ECS simulator listening on http://127.0.0.1:40000 (state: /tmp/x, speed x20)",
        "Running 2 lesson(s) from /repo/notebooks in the in-process kernel (ECS_WORKSHOP_ENDPOINT=http://127.0.0.1:40000)",
        "",
        "00-setup: 00. はじめに",
        "  cell 1/3  ok         1.5 s",
        "  cell 2/3  ok         0.2 s",
        "  cell 3/3  ok        10.0 s",
        "",
        "03-cluster: 03. クラスター",
        "  cell 1/2  ok         0.4 s",
        "  cell 2/2  ok         0.1 s",
        "",
        "2 lesson(s), 5 cell(s): 5 ok, 0 failed.",
        "Executed notebooks: /tmp/out/notebooks",
    ];

    private static IReadOnlyList<TimedLine> Timed(IEnumerable<string> lines) => [.. lines.Select((text, i) => new TimedLine(i, text))];

    [Fact]
    public void Each_lesson_gets_its_cells_setup_cell_and_wall_time_from_its_heading_to_the_next()
    {
        var lessons = WorkshopRunOutput.Parse(Timed(Complete));

        Assert.Equal(["00-setup", "03-cluster"], lessons.Select(l => l.Name));
        Assert.Equal("00. はじめに", lessons[0].Title);
        Assert.Equal(3, lessons[0].Cells);
        Assert.Equal(1.5, lessons[0].SetupCellSeconds);
        Assert.Equal(10.2, lessons[0].OtherCellsSeconds, 6);
        Assert.Equal(5, lessons[0].WallSeconds);
        Assert.Equal(4, lessons[1].WallSeconds);
    }

    [Theory]
    [InlineData("  cell 3/3  ok        10.0 s", "  cell 3/3  FAILED    10.0 s")]
    [InlineData("  cell 2/3  ok         0.2 s", "")]
    [InlineData("2 lesson(s), 5 cell(s): 5 ok, 0 failed.", "")]
    [InlineData("2 lesson(s), 5 cell(s): 5 ok, 0 failed.", "2 lesson(s), 6 cell(s): 6 ok, 0 failed.")]
    [InlineData("  cell 1/2  ok         0.4 s", "  FAILED to run: jupyter nbconvert could not run 03-cluster (exit 1):")]
    public void Output_of_a_failed_or_incomplete_run_is_refused(string line, string replacement)
    {
        var changed = Complete.Select(l => l == line ? replacement : l);

        Assert.Throws<FormatException>(() => WorkshopRunOutput.Parse(Timed(changed)));
    }
}
