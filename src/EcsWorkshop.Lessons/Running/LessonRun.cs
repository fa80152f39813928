using System.Collections.Immutable;
using EcsWorkshop.Lessons.Notebooks;

namespace EcsWorkshop.Lessons.Running;

/// <summary>How one code cell's run ended.</summary>
public enum CellOutcome
{
    /// <summary>The cell ran to its end.</summary>
    Succeeded,

    /// <summary>The cell failed (a compilation error or an exception).</summary>
    Failed,
}

/// <summary>One code cell's run: which cell of which lesson (<see cref="Number"/> of <see cref="Count"/>), how it ended and how long it took.</summary>
public sealed record CellRun(Lesson Lesson, int Number, int Count, CodeCell Cell, CellOutcome Outcome, TimeSpan Duration);

/// <summary>A lesson after it ran: the notebook with its outputs, and each code cell's run.</summary>
public sealed record LessonRun(Lesson Lesson, Notebook Executed, ImmutableArray<CellRun> Cells)
{
    /// <summary>Whether every code cell succeeded.</summary>
    public bool Succeeded => Cells.All(c => c.Outcome == CellOutcome.Succeeded);

    /// <summary>How long the lesson's cells took in all.</summary>
    public TimeSpan Duration => Cells.Aggregate(TimeSpan.Zero, (total, c) => total + c.Duration);
}

/// <summary>Something that executes a lesson's code cells in a .NET Interactive C# kernel.</summary>
public interface ILessonHost
{
    /// <summary>A short name for the summary (<c>in-process</c>, <c>jupyter</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Runs every code cell of the lesson in order in a fresh kernel started in the lesson's folder, with
    /// <paramref name="environment"/> added to the kernel's environment variables. A failing cell does not stop the
    /// run (as <c>jupyter nbconvert --execute --allow-errors</c>): every cell reports how it ended.
    /// <paramref name="onCell"/> hears of each cell as soon as the host knows how it ended.
    /// </summary>
    Task<LessonRun> RunAsync(Lesson lesson, IReadOnlyDictionary<string, string> environment, Action<CellRun> onCell, CancellationToken cancellationToken);
}
