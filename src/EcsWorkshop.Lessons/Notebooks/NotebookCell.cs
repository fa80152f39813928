using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace EcsWorkshop.Lessons.Notebooks;

/// <summary>One cell of a notebook: prose (<see cref="MarkdownCell"/>) or C# (<see cref="CodeCell"/>).</summary>
public abstract record NotebookCell
{
    /// <summary>The cell's text.</summary>
    public required string Source { get; init; }

    /// <summary>The cell's <c>metadata</c> object, as read (or as written for a new cell).</summary>
    public JsonObject Metadata { get; init; } = new();
}

/// <summary>A Markdown cell.</summary>
public sealed record MarkdownCell : NotebookCell;

/// <summary>A code cell and what it printed or displayed the last time it ran.</summary>
public sealed record CodeCell : NotebookCell
{
    /// <summary>What the cell produced, in order.</summary>
    public ImmutableArray<CellOutput> Outputs { get; init; } = [];

    /// <summary>The run's counter (<c>[3]</c>), or null for a cell that has not run.</summary>
    public int? ExecutionCount { get; init; }

    /// <summary>The first error output, if the cell failed.</summary>
    public ErrorOutput? Error => Outputs.OfType<ErrorOutput>().FirstOrDefault();
}
