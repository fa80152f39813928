using System.Globalization;
using System.Text.RegularExpressions;

namespace EcsWorkshop.Bench.Lessons;

/// <summary>A line <c>workshop run</c> printed, with when the bench received it (seconds since the process started).</summary>
public sealed record TimedLine(double Seconds, string Text);

/// <summary>One lesson as <c>workshop run</c> reported it.</summary>
/// <param name="Name">The lesson's name, for example <c>00-setup</c>.</param>
/// <param name="Title">Its title (the first heading).</param>
/// <param name="CellSeconds">Each code cell's time as printed (to 0.1 s), in order; the first is the setup cell.</param>
/// <param name="WallSeconds">From the lesson's heading line to the next lesson's (or the summary), as the bench received them.</param>
public sealed record LessonTiming(string Name, string Title, IReadOnlyList<double> CellSeconds, double WallSeconds)
{
    /// <summary>How many code cells ran.</summary>
    public int Cells => CellSeconds.Count;

    /// <summary>The first code cell's time: the setup cell, which loads (and, when its sources changed, builds) the helper library.</summary>
    public double SetupCellSeconds => CellSeconds.Count > 0 ? CellSeconds[0] : 0;

    /// <summary>The other cells' times, summed.</summary>
    public double OtherCellsSeconds => CellSeconds.Skip(1).Sum();
}

/// <summary>
/// Reads what <c>workshop run</c> prints: a heading per lesson (<c>00-setup: 00. はじめに</c>), a line per cell
/// (<c>  cell 2/4  ok         0.2 s</c>) and a summary (<c>8 lesson(s), 60 cell(s): 60 ok, 0 failed.</c>). Anything
/// that does not add up (a missing cell, a failed cell, counts that differ from the summary) is an error, so a
/// changed format or a broken run never turns into figures.
/// </summary>
public static partial class WorkshopRunOutput
{
    [GeneratedRegex(@"^(?<name>\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*): (?<title>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^  cell (?<number>\d+)/(?<count>\d+)  (?<outcome>ok|FAILED)\s+(?<seconds>\d+(?:\.\d+)?) s$")]
    private static partial Regex Cell();

    [GeneratedRegex(@"^(?<lessons>\d+) lesson\(s\), (?<cells>\d+) cell\(s\): (?<ok>\d+) ok, (?<failed>\d+) failed(?<rest>.*)$")]
    private static partial Regex Summary();

    /// <summary>The lessons in the order they ran, checked against the summary.</summary>
    /// <exception cref="FormatException">The output does not describe a complete run in which every cell succeeded.</exception>
    public static IReadOnlyList<LessonTiming> Parse(IReadOnlyList<TimedLine> lines)
    {
        var lessons = new List<LessonTiming>();
        (string Name, string Title, double Started, List<double> Cells, int Count)? current = null;
        Match? summary = null;

        void Close(double endedAt)
        {
            if (current is not { } lesson) return;
            if (lesson.Cells.Count == 0) throw new FormatException($"{lesson.Name} reported no cell.");
            if (lesson.Cells.Count != lesson.Count) throw new FormatException($"{lesson.Name}: {lesson.Cells.Count} of its {lesson.Count} cells were reported.");
            lessons.Add(new LessonTiming(lesson.Name, lesson.Title, lesson.Cells, endedAt - lesson.Started));
            current = null;
        }

        foreach (var line in lines)
        {
            if (summary is not null) break;
            if (Heading().Match(line.Text) is { Success: true } heading)
            {
                Close(line.Seconds);
                current = (heading.Groups["name"].Value, heading.Groups["title"].Value, line.Seconds, [], 0);
            }
            else if (Cell().Match(line.Text) is { Success: true } cell)
            {
                if (current is not { } lesson) throw new FormatException($"A cell line before any lesson's heading: '{line.Text}'.");
                if (cell.Groups["outcome"].Value != "ok") throw new FormatException($"{lesson.Name}: a cell failed: '{line.Text.Trim()}'.");
                var number = Int(cell, "number");
                if (number != lesson.Cells.Count + 1) throw new FormatException($"{lesson.Name}: cell {number} came after cell {lesson.Cells.Count}.");
                lesson.Cells.Add(double.Parse(cell.Groups["seconds"].Value, CultureInfo.InvariantCulture));
                current = lesson with { Count = Int(cell, "count") };
            }
            else if (line.Text.StartsWith("  FAILED to run:", StringComparison.Ordinal))
            {
                throw new FormatException($"{current?.Name ?? "A lesson"} could not run: {line.Text.Trim()}");
            }
            else if (Summary().Match(line.Text) is { Success: true } found)
            {
                Close(line.Seconds);
                summary = found;
            }
        }

        if (summary is null) throw new FormatException("No summary line ('N lesson(s), N cell(s): …'): the run did not finish.");
        if (Int(summary, "failed") != 0 || summary.Groups["rest"].Value.Contains("could not run", StringComparison.Ordinal))
            throw new FormatException($"The run reports failures: '{summary.Value}'.");
        if (Int(summary, "lessons") != lessons.Count || Int(summary, "cells") != lessons.Sum(l => l.Cells))
            throw new FormatException($"The summary '{summary.Value}' does not match the {lessons.Count} lesson(s) and {lessons.Sum(l => l.Cells)} cell(s) printed.");
        return lessons;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
}
