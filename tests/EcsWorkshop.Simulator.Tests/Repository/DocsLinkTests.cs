using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Repository;

/// <summary>The README is the front door: short, and every reference page in <c>docs/</c> is one link away, with no dead link.</summary>
public sealed partial class DocsLinkTests
{
    // A Markdown link to a file of the repository: [text](path) or [text](path#anchor), not a web address or an anchor alone.
    [GeneratedRegex(@"\]\((?!https?:|mailto:|#)([^)#\s]+)(?:#[^)\s]*)?\)")]
    private static partial Regex RelativeLink();

    // Inline code (`…`): examples of links shown to the reader, not links.
    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    private static IEnumerable<string> Pages() =>
        Directory.GetFiles(RepositoryRoot.File("docs"), "*.md").Prepend(RepositoryRoot.File("README.md"));

    [Fact]
    public void Every_page_in_docs_is_linked_from_the_README()
    {
        var readme = File.ReadAllText(RepositoryRoot.File("README.md"));

        var unlinked = Directory.GetFiles(RepositoryRoot.File("docs"), "*.md")
            .Select(page => "docs/" + Path.GetFileName(page))
            .Where(page => !readme.Contains($"]({page})", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(unlinked);
    }

    [Fact]
    public void Every_link_in_the_README_and_the_docs_leads_to_a_file_of_the_repository()
    {
        var dead = Pages()
            .SelectMany(page => RelativeLink().Matches(InlineCode().Replace(File.ReadAllText(page), ""))
                .Select(link => (Page: Path.GetRelativePath(RepositoryRoot.Path, page), Target: link.Groups[1].Value)))
            .Where(link => !File.Exists(Path.Combine(RepositoryRoot.Path, Path.GetDirectoryName(link.Page)!, link.Target)))
            .Select(link => $"{link.Page} -> {link.Target}")
            .ToList();

        Assert.Empty(dead);
    }

    [Fact]
    public void The_README_stays_a_front_door_a_newcomer_reads_in_five_minutes()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("README.md")).Length;

        Assert.True(lines <= 160, $"README.md has {lines} lines; reference material belongs in docs/ (linked from the README)");
    }
}
