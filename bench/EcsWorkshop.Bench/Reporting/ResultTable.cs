namespace EcsWorkshop.Bench.Reporting;

/// <summary>
/// A table of results: a title, named columns and rows of values. Numbers stay numbers (the JSON keeps them
/// exact); the Markdown shows them rounded.
/// </summary>
public sealed class ResultTable(string title, params string[] columns)
{
    private readonly List<IReadOnlyList<object?>> _rows = [];

    /// <summary>What the table shows.</summary>
    public string Title { get; } = title;

    /// <summary>The column headings.</summary>
    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>The rows, each with one value per column (a string, a number or null).</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    /// <summary>Adds a row; it must have one value per column.</summary>
    public ResultTable Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"The table '{Title}' has {Columns.Count} columns, not {cells.Length}.", nameof(cells));
        _rows.Add(cells);
        return this;
    }
}
