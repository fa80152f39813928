using System.Text.RegularExpressions;
using EcsWorkshop.Lessons.Notebooks;

namespace EcsWorkshop.Lessons.Exercises;

/// <summary>
/// Finds a lesson's exercises and fills them with their model answers, so a headless run (tests, <c>workshop run</c>,
/// the file-based apps) goes through every exercise as a learner who solved it would.
/// </summary>
public static partial class ModelAnswers
{
    /// <summary>How an exercise cell starts.</summary>
    public const string ExerciseMarker = "// 演習";

    /// <summary>The summary line of the folded block that holds a model answer.</summary>
    public const string AnswerSummary = "<summary>模範解答</summary>";

    [GeneratedRegex(@"<details>\s*<summary>模範解答</summary>.*?```csharp[^\n]*\n(?<code>.*?)\n?```.*?</details>", RegexOptions.Singleline)]
    private static partial Regex AnswerBlock();

    /// <summary>Whether a code cell is an exercise (its first non-blank line starts with <c>// 演習</c>).</summary>
    public static bool IsExerciseCell(CodeCell cell) =>
        cell.Source.Split('\n').FirstOrDefault(line => line.Trim().Length > 0)?.TrimStart().StartsWith(ExerciseMarker, StringComparison.Ordinal) == true;

    /// <summary>The model answer in a Markdown cell, or null when it holds none.</summary>
    public static string? AnswerIn(MarkdownCell cell) =>
        AnswerBlock().Match(cell.Source.Replace("\r\n", "\n")) is { Success: true } match ? match.Groups["code"].Value.TrimEnd() : null;

    /// <summary>The exercises of a notebook, in order; an exercise cell with no answer after it is refused.</summary>
    public static IReadOnlyList<Exercise> Find(Notebook notebook)
    {
        var exercises = new List<Exercise>();
        var cells = notebook.Cells;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is not CodeCell code || !IsExerciseCell(code)) continue;
            var answer = i + 1 < cells.Length && cells[i + 1] is MarkdownCell next ? AnswerIn(next) : null;
            if (answer is null)
                throw new FormatException(
                    $"The exercise cell starting \"{code.Source.Split('\n')[0]}\" has no model answer: the Markdown cell right after it needs a <details>{AnswerSummary} block with a ```csharp fence.");
            exercises.Add(new Exercise(code, answer));
        }
        return exercises;
    }

    /// <summary>The notebook with every exercise cell's code replaced by its model answer (outputs untouched).</summary>
    public static Notebook Fill(Notebook notebook)
    {
        var exercises = Find(notebook);
        return notebook with
        {
            Cells = [.. notebook.Cells.Select(cell =>
                exercises.FirstOrDefault(e => ReferenceEquals(e.Cell, cell)) is { } exercise ? exercise.Cell with { Source = exercise.ModelAnswer } : cell)],
        };
    }
}
