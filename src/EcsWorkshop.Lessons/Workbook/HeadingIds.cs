using System.Globalization;
using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace EcsWorkshop.Lessons.Workbook;

/// <summary>The ids already used on one workbook page, so no two elements get the same one.</summary>
public sealed class PageIds
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal) { "toc" };

    /// <summary><paramref name="wanted"/>, or with <c>-2</c>, <c>-3</c>… when it is taken; the result is now taken.</summary>
    public string Claim(string wanted)
    {
        var id = wanted;
        for (var n = 2; !_used.Add(id); n++) id = $"{wanted}-{n.ToString(CultureInfo.InvariantCulture)}";
        return id;
    }
}

/// <summary>
/// The ids of one lesson's headings on the workbook page: the lesson's anchor, then the heading's text as GitHub and
/// Jupyter make it (letters of any script and digits kept, spaces as <c>-</c>), so Japanese headings keep their words
/// (<c>lesson-03-cluster--このレッスンのゴール</c>) and no two headings of the page share an id.
/// </summary>
public sealed class HeadingIds
{
    private readonly Dictionary<string, string> _bySlug = new(StringComparer.Ordinal);

    /// <summary>Gives every heading of <paramref name="documents"/> its id (set on the heading) and remembers them by slug.</summary>
    public static HeadingIds Assign(string lessonAnchor, IEnumerable<MarkdownDocument> documents, PageIds ids)
    {
        var headings = new HeadingIds();
        foreach (var heading in documents.SelectMany(d => d.Descendants<HeadingBlock>()))
        {
            var slug = Slug(PlainText(heading));
            var id = ids.Claim(slug.Length == 0 ? lessonAnchor + "--section" : $"{lessonAnchor}--{slug}");
            heading.GetAttributes().Id = id;
            headings._bySlug.TryAdd(slug, id);
        }
        return headings;
    }

    /// <summary>The id of the first heading whose slug is <paramref name="fragment"/> (a link's <c>#…</c>), or null.</summary>
    public string? IdFor(string fragment) =>
        _bySlug.TryGetValue(Slug(Uri.UnescapeDataString(fragment)), out var id) ? id : null;

    /// <summary>A heading's text as an id: lower case, letters and digits of any script, <c>-</c> and <c>_</c>; spaces become <c>-</c>.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var rune in text.Trim().ToLowerInvariant().EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_') slug.Append(rune.ToString());
            else if (Rune.IsWhiteSpace(rune)) slug.Append('-');
            else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) slug.Append(rune.ToString());
        }
        return slug.ToString();
    }

    private static string PlainText(HeadingBlock heading)
    {
        var text = new StringBuilder();
        if (heading.Inline is null) return "";
        foreach (var inline in heading.Inline.Descendants())
        {
            switch (inline)
            {
                case Markdig.Syntax.Inlines.LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case Markdig.Syntax.Inlines.CodeInline code: text.Append(code.Content); break;
                case Markdig.Syntax.Inlines.LineBreakInline: text.Append(' '); break;
            }
        }
        return text.ToString();
    }
}
