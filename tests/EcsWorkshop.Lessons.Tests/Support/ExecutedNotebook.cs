using EcsWorkshop.Lessons.Notebooks;
using EcsWorkshop.Lessons.Running;

namespace EcsWorkshop.Lessons.Tests.Support;

/// <summary>Assertions on a lesson after it ran.</summary>
public static class ExecutedNotebook
{
    /// <summary>What the badge of a self-check with missing items says (<c>1 件足りません</c>).</summary>
    public const string FailedCheckBadge = "件足りません";

    /// <summary>Everything the notebook's cells printed or displayed, in every format, as one text.</summary>
    public static string OutputText(Notebook notebook) => string.Join("\n", notebook.CodeCells.SelectMany(c => c.Outputs).Select(o => o switch
    {
        StreamOutput stream => stream.Text,
        DataOutput data => string.Join("\n", data.Data.Values),
        ErrorOutput error => error.Text,
        _ => "",
    }));

    /// <summary>Fails with the failing cells' code and errors unless every cell succeeded.</summary>
    public static void AssertNoCellFailed(LessonRun run)
    {
        var failures = run.Cells.Where(c => c.Outcome == CellOutcome.Failed)
            .Select(c => $"cell {c.Number}/{c.Count}:\n{c.Cell.Source}\n--- error ---\n{c.Cell.Error?.Text}");
        Assert.True(run.Succeeded, $"{run.Lesson.Name} has failing cells:\n{string.Join("\n\n", failures)}");
        Assert.Equal(run.Lesson.Notebook.CodeCells.Count(), run.Cells.Length);
    }

    /// <summary>
    /// Fails unless the setup cell says it loaded the helper library (<c>#!import</c> does not report a failing
    /// imported cell, so its last line is the proof) and the lesson's outputs contain what
    /// <see cref="LessonExpectations"/> lists for it.
    /// </summary>
    public static void AssertKeyOutputs(LessonRun run, LessonSimulator simulator)
    {
        var setup = OutputText(run.Executed with { Cells = [run.Executed.CodeCells.First()] });
        Assert.True(setup.Contains("ヘルパーライブラリを読み込みました", StringComparison.Ordinal), $"{run.Lesson.Name}: the setup cell printed:\n{setup}");
        var text = OutputText(run.Executed);
        foreach (var expected in LessonExpectations.For(run.Lesson.Name, simulator))
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{run.Lesson.Name} did not print \"{expected}\". It printed:\n{text}");
        // Every self-check passes: the exercises run with their model answers, and every step before them worked.
        Assert.False(text.Contains(FailedCheckBadge, StringComparison.Ordinal), $"{run.Lesson.Name} shows a self-check with missing items:\n{text}");
    }
}
