namespace EcsWorkshop.Bench.Reporting;

/// <summary>What one benchmark found: its tables and the notes a reader needs to trust (or doubt) them.</summary>
/// <param name="Name">The short name (<c>api</c>, <c>scheduler</c>…): the file name under the output folder.</param>
/// <param name="Title">A one-line title.</param>
/// <param name="Measures">What the benchmark measures and how, in a sentence or two.</param>
/// <param name="Tables">The results.</param>
/// <param name="Notes">Conditions of the run: sizes, versions, anything that skews the figures.</param>
public sealed record BenchReport(string Name, string Title, string Measures, IReadOnlyList<ResultTable> Tables, IReadOnlyList<string> Notes)
{
    /// <summary>The machine and when the benchmark ran (filled in by the runner).</summary>
    public RunConditions? Conditions { get; init; }
}
