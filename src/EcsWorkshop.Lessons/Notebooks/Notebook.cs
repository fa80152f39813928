using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace EcsWorkshop.Lessons.Notebooks;

/// <summary>A Jupyter notebook (<c>.ipynb</c>): its cells and its metadata.</summary>
public sealed record Notebook
{
    /// <summary>The cells in order.</summary>
    public required ImmutableArray<NotebookCell> Cells { get; init; }

    /// <summary>The notebook's <c>metadata</c> object (kernel, language).</summary>
    public JsonObject Metadata { get; init; } = NotebookMetadata.ForNotebook();

    /// <summary>The code cells in order.</summary>
    public IEnumerable<CodeCell> CodeCells => Cells.OfType<CodeCell>();

    /// <summary>The Markdown cells in order.</summary>
    public IEnumerable<MarkdownCell> MarkdownCells => Cells.OfType<MarkdownCell>();

    /// <summary>A new notebook with the workshop's metadata on the notebook and on every code cell.</summary>
    public static Notebook Create(IEnumerable<NotebookCell> cells) => new()
    {
        Cells = [.. cells.Select(c => c is CodeCell ? c with { Metadata = NotebookMetadata.ForCodeCell() } : c)],
    };

    /// <summary>A Markdown cell.</summary>
    public static MarkdownCell Markdown(string source) => new() { Source = source };

    /// <summary>A C# code cell with the workshop's cell metadata.</summary>
    public static CodeCell Code(string source) => new() { Source = source, Metadata = NotebookMetadata.ForCodeCell() };
}
