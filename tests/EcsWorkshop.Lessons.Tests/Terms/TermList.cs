using System.Text.RegularExpressions;

namespace EcsWorkshop.Lessons.Tests.Terms;

/// <summary>A variant learner-facing text must not use, and the term to write instead.</summary>
public sealed record BannedTerm(string Variant, string Instead);

/// <summary>
/// The banned variants of <c>docs/terms.md</c> (its table under <c>## Banned variants</c>): one list that writers read
/// and the banned-variant test enforces.
/// </summary>
public static partial class TermList
{
    /// <summary>The page, relative to the repository root.</summary>
    public const string Page = "docs/terms.md";

    private const string Heading = "## Banned variants";

    // | variant | instead |  (the header and the --- row are skipped by the caller)
    [GeneratedRegex(@"^\|\s*(?<variant>[^|]+?)\s*\|\s*(?<instead>[^|]+?)\s*\|\s*$")]
    private static partial Regex Row();

    /// <summary>The rows of the table, from the page's text.</summary>
    public static IReadOnlyList<BannedTerm> Parse(string page)
    {
        var start = page.IndexOf(Heading + "\n", StringComparison.Ordinal);
        if (start < 0) throw new InvalidDataException($"{Page} has no '{Heading}' section");
        var section = page[(start + Heading.Length)..];
        var end = section.IndexOf("\n## ", StringComparison.Ordinal);
        if (end >= 0) section = section[..end];
        return section.Split('\n')
            .Select(line => Row().Match(line.Trim()))
            .Where(m => m.Success)
            .Skip(1) // the header
            .Where(m => !m.Groups["variant"].Value.StartsWith("---", StringComparison.Ordinal))
            .Select(m => new BannedTerm(m.Groups["variant"].Value, m.Groups["instead"].Value))
            .ToList();
    }

    /// <summary>The repository's list.</summary>
    public static IReadOnlyList<BannedTerm> FromRepository(string repositoryRoot) =>
        Parse(File.ReadAllText(Path.Combine(repositoryRoot, Page)));
}
