using System.Collections.Immutable;

namespace EcsWorkshop.Lessons.Notebooks;

/// <summary>One output of a code cell, in Jupyter's terms.</summary>
public abstract record CellOutput;

/// <summary>Text the cell wrote to standard output (<c>stdout</c>) or standard error (<c>stderr</c>).</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    public const string StandardOutput = "stdout";
    public const string StandardError = "stderr";
}

/// <summary>
/// A displayed value in one or more formats, keyed by MIME type (<c>text/plain</c>, <c>text/html</c>,
/// <c>image/png</c> as base64, <c>image/svg+xml</c>...). <see cref="IsResult"/> marks the value of the cell's last
/// expression (<c>execute_result</c>) rather than a <c>display(...)</c> (<c>display_data</c>).
/// </summary>
public sealed record DataOutput(ImmutableSortedDictionary<string, string> Data, bool IsResult = false) : CellOutput
{
    /// <summary>The value in one format, or null.</summary>
    public string? this[string mimeType] => Data.GetValueOrDefault(mimeType);
}

/// <summary>A failure: the exception's name, its message and the lines that explain it.</summary>
public sealed record ErrorOutput(string Name, string Value, ImmutableArray<string> Traceback) : CellOutput
{
    /// <summary>The error as a person reads it: the explanation lines, or the message when there are none.</summary>
    public string Text => Traceback.IsDefaultOrEmpty ? $"{Name}: {Value}" : string.Join("\n", Traceback);
}
