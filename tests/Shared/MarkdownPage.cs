namespace EcsWorkshop.TestSupport;

/// <summary>A Markdown page of the repository (the README, a page of <c>docs/</c>), read by the tests that keep it true.</summary>
public sealed class MarkdownPage(string name, string text)
{
    /// <summary>The page's path relative to the repository root, as messages name it.</summary>
    public string Name => name;

    /// <summary>The whole text.</summary>
    public string Text => text;

    /// <summary>Reads <paramref name="relativePath"/> under <paramref name="repositoryRoot"/>.</summary>
    public static MarkdownPage Read(string repositoryRoot, string relativePath) =>
        new(relativePath, File.ReadAllText(Path.Combine(repositoryRoot, relativePath)));

    /// <summary>The section that starts with the line <paramref name="heading"/> (<c>## …</c>), up to the next <c>## </c> heading.</summary>
    public string Section(string heading)
    {
        var start = text.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{name} has no '{heading}' section");
        var end = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }
}
