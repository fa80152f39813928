using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EcsWorkshop.Display.Explanations;

/// <summary>A short Japanese note on one concept, written in Markdown and shipped inside the assembly.</summary>
/// <param name="Topic">The concept.</param>
/// <param name="Title">The note's title (its first <c># heading</c>).</param>
/// <param name="Markdown">The note's Markdown body, without the title line.</param>
public sealed record Explanation(ExplanationTopic Topic, string Title, string Markdown)
{
    /// <summary>The note as HTML (Markdig; raw HTML in the Markdown is not passed through).</summary>
    public string ToHtml() => ExplanationNotes.RenderHtml(Markdown);

    /// <summary>The note as plain text for a console: headings, paragraphs and list items kept on their own lines.</summary>
    public string ToPlainText() => ExplanationNotes.RenderText(Markdown);
}

/// <summary>The explanation notes (<c>Explanations/*.md</c>, embedded resources), loaded and rendered.</summary>
public static partial class ExplanationNotes
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    private static readonly Lazy<ImmutableDictionary<ExplanationTopic, Explanation>> Loaded = new(Load);

    /// <summary>The note on <paramref name="topic"/>.</summary>
    public static Explanation Get(ExplanationTopic topic) => Loaded.Value[topic];

    /// <summary>Every note, in topic order.</summary>
    public static IReadOnlyList<Explanation> All => [.. Enum.GetValues<ExplanationTopic>().Select(Get)];

    /// <summary>The resource file of a topic: <c>TaskDefinition</c> → <c>task-definition.md</c>.</summary>
    public static string FileName(ExplanationTopic topic)
    {
        var name = topic.ToString();
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('-');
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.Append(".md").ToString();
    }

    /// <summary>The manifest resource name a topic's note is embedded under.</summary>
    public static string ResourceName(ExplanationTopic topic) => "EcsWorkshop.Display.Explanations." + FileName(topic);

    internal static string RenderHtml(string markdown)
    {
        // Inline styles on tables and code, as everywhere in this library, so notes look right without a stylesheet.
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var node in document.Descendants())
        {
            var style = node switch
            {
                Table => "border-collapse:collapse;margin:4px 0 8px 0;font-size:13px;",
                TableCell => "border:1px solid #d0d7de;padding:3px 8px;vertical-align:top;",
                CodeBlock => "background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:6px 10px;overflow-x:auto;font-size:12.5px;",
                CodeInline => "background:#f6f8fa;border-radius:4px;padding:0 4px;font-size:12.5px;",
                _ => null,
            };
            if (style is not null) node.GetAttributes().AddProperty("style", style);
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    internal static string RenderText(string markdown)
    {
        // Markdig's plain-text renderer drops the line structure of lists; console readers need it, so lists and
        // headings are written by hand from the Markdown lines, with inline markup stripped by Markdig.
        var output = new StringBuilder();
        var inFence = false;
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence)
            {
                output.Append("    ").Append(line).Append('\n');
                continue;
            }
            if (line.Length == 0)
            {
                if (output.Length > 0 && !output.ToString().EndsWith("\n\n", StringComparison.Ordinal)) output.Append('\n');
                continue;
            }
            var trimmed = line.TrimStart();
            var indent = line.Length - trimmed.Length;
            if (trimmed.StartsWith('#'))
                output.Append('【').Append(Inline(trimmed.TrimStart('#').Trim())).Append("】\n");
            else if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal))
                output.Append(new string(' ', indent)).Append("- ").Append(Inline(trimmed[2..])).Append('\n');
            else if (NumberedItem().Match(trimmed) is { Success: true } item)
                output.Append(new string(' ', indent)).Append(item.Value).Append(Inline(trimmed[item.Length..])).Append('\n');
            else if (trimmed.StartsWith('|'))
                output.Append(TableLine(trimmed));
            else
                output.Append(new string(' ', indent)).Append(Inline(trimmed)).Append('\n');
        }
        return output.ToString().TrimEnd('\n') + "\n";
    }

    private static string TableLine(string line)
    {
        var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        if (cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':'))) return "";
        return "  " + string.Join(" | ", cells.Select(Inline)) + "\n";
    }

    private static string Inline(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static ImmutableDictionary<ExplanationTopic, Explanation> Load()
    {
        var assembly = typeof(ExplanationNotes).Assembly;
        var notes = ImmutableDictionary.CreateBuilder<ExplanationTopic, Explanation>();
        foreach (var topic in Enum.GetValues<ExplanationTopic>())
        {
            using var stream = assembly.GetManifestResourceStream(ResourceName(topic))
                ?? throw new InvalidOperationException($"The explanation {FileName(topic)} is not embedded in {assembly.GetName().Name}.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            notes[topic] = Parse(topic, reader.ReadToEnd());
        }
        return notes.ToImmutable();
    }

    private static Explanation Parse(ExplanationTopic topic, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0 || !lines[first].StartsWith("# ", StringComparison.Ordinal))
            throw new InvalidOperationException($"{FileName(topic)} must start with a '# ' title.");
        var body = string.Join('\n', lines.Skip(first + 1)).Trim('\n');
        return new Explanation(topic, lines[first][2..].Trim(), body + "\n");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+\. ")]
    private static partial System.Text.RegularExpressions.Regex NumberedItem();

    /// <summary>The assembly the notes live in (for tests that list its resources).</summary>
    internal static Assembly Assembly => typeof(ExplanationNotes).Assembly;
}
