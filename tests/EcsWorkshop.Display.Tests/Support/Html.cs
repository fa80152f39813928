using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace EcsWorkshop.Display.Tests.Support;

/// <summary>Parses HTML fragments with AngleSharp and reads them the way the tests ask.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The fragment parsed into a document body.</summary>
    public static IElement Parse(string html) => Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;

    /// <summary>The value (dd) of the field labelled <paramref name="label"/> (dt) in the first matching field list.</summary>
    public static IElement Field(this IElement root, string label)
    {
        var term = root.QuerySelectorAll("dt").FirstOrDefault(dt => dt.TextContent.Trim() == label)
            ?? throw new Xunit.Sdk.XunitException($"No field labelled {label}; labels: {string.Join(", ", root.QuerySelectorAll("dt").Select(d => d.TextContent))}");
        return term.NextElementSibling!;
    }

    /// <summary>The labels (dt) in order.</summary>
    public static IReadOnlyList<string> Labels(this IElement root) => [.. root.QuerySelectorAll("dt").Select(dt => dt.TextContent.Trim())];

    /// <summary>The table with the given caption (starting with the text).</summary>
    public static IElement Table(this IElement root, string caption) =>
        root.QuerySelectorAll("table").FirstOrDefault(t => t.QuerySelector("caption")?.TextContent.StartsWith(caption, StringComparison.Ordinal) == true)
        ?? throw new Xunit.Sdk.XunitException($"No table captioned {caption}.");

    /// <summary>The header texts of a table.</summary>
    public static IReadOnlyList<string> Headers(this IElement table) => [.. table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim())];

    /// <summary>The body rows of a table, each as its cells.</summary>
    public static IReadOnlyList<IReadOnlyList<IElement>> Rows(this IElement table) =>
        [.. table.QuerySelectorAll("tbody tr").Select(tr => (IReadOnlyList<IElement>)[.. tr.QuerySelectorAll("td")])];
}
