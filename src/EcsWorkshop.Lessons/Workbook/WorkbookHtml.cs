using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EcsWorkshop.Lessons.Notebooks;
using EcsWorkshop.Lessons.Running;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EcsWorkshop.Lessons.Workbook;

/// <summary>
/// The executed lessons as one self-contained HTML page in Japanese: a table of contents, then each lesson with its
/// Markdown rendered, its code, and what the code printed or displayed (HTML outputs as they are, images and SVG
/// inlined, errors marked). Nothing is fetched from elsewhere: the page opens offline.
/// </summary>
public static partial class WorkbookHtml
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [GeneratedRegex(@"^(?:\./)?(?<name>\d{2}-[a-z0-9-]+)\.ipynb(?<fragment>#.*)?$")]
    private static partial Regex LessonLink();

    /// <summary>The page for a run of the lessons, in their order.</summary>
    public static string Render(IReadOnlyList<LessonRun> runs, DateTimeOffset generatedAt, string hostName)
    {
        var lessons = runs.Select(r => r.Lesson.Name).ToHashSet(StringComparer.Ordinal);
        var ids = new PageIds();
        // Every lesson's Markdown is parsed first, and its headings given page-wide unique ids, so a link can point to a
        // heading further down or in another lesson.
        var documents = runs.ToDictionary(r => r.Lesson.Name, r => r.Executed.Cells.OfType<MarkdownCell>()
            .Select(cell => (Cell: cell, Document: Markdig.Markdown.Parse(cell.Source, Markdown))).ToList(), StringComparer.Ordinal);
        var headings = runs.ToDictionary(r => r.Lesson.Name, r => HeadingIds.Assign(Anchor(r.Lesson.Name), documents[r.Lesson.Name].Select(d => d.Document), ids), StringComparer.Ordinal);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Append("<title>ECS ワークショップ ワークブック</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        page.Append("<header>\n<h1>ECS ワークショップ ワークブック</h1>\n");
        var failed = runs.Sum(r => r.Cells.Count(c => c.Outcome == CellOutcome.Failed));
        var cells = runs.Sum(r => r.Cells.Length);
        page.Append(CultureInfo.InvariantCulture, $"<p class=\"summary\">{generatedAt.ToOffset(TimeSpan.FromHours(9)):yyyy年M月d日 HH:mm}（日本時間）に実行: レッスン {runs.Count} 件、コードセル {cells} 件、");
        page.Append(failed == 0 ? "すべて成功しました。" : $"<span class=\"failed\">{failed} 件が失敗しました。</span>");
        page.Append($"（カーネル: {Encode(hostName)}）</p>\n</header>\n");

        page.Append("<nav id=\"toc\">\n<h2>目次</h2>\n<ol>\n");
        foreach (var run in runs)
        {
            var mark = run.Succeeded ? "<span class=\"ok\">成功</span>" : "<span class=\"failed\">失敗あり</span>";
            page.Append($"<li><a href=\"#{Anchor(run.Lesson.Name)}\">{Encode(run.Lesson.Title)}</a> {mark}</li>\n");
        }
        page.Append("</ol>\n</nav>\n<main>\n");

        foreach (var run in runs)
        {
            page.Append($"<section class=\"lesson\" id=\"{Anchor(run.Lesson.Name)}\">\n");
            page.Append($"<p class=\"source\">{Encode(run.Lesson.Name)}.ipynb</p>\n");
            var number = 0;
            var parsed = documents[run.Lesson.Name];
            var markdownNumber = 0;
            foreach (var cell in run.Executed.Cells)
            {
                if (cell is MarkdownCell)
                {
                    var document = parsed[markdownNumber++].Document;
                    page.Append("<div class=\"markdown\">\n").Append(RenderMarkdown(document, run.Lesson, lessons, headings)).Append("</div>\n");
                    continue;
                }
                var code = (CodeCell)cell;
                var cellRun = run.Cells.ElementAtOrDefault(number++);
                AppendCode(page, code, cellRun, Anchor(run.Lesson.Name), ids);
            }
            page.Append("<p class=\"back\"><a href=\"#toc\">目次へ戻る</a></p>\n</section>\n");
        }
        page.Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The id of a lesson's section.</summary>
    public static string Anchor(string lessonName) => "lesson-" + lessonName;

    private static void AppendCode(StringBuilder page, CodeCell code, CellRun? run, string lessonAnchor, PageIds ids)
    {
        var failed = run?.Outcome == CellOutcome.Failed;
        page.Append($"<div class=\"cell{(failed ? " failed-cell" : "")}\">\n");
        if (run is not null)
        {
            var outcome = failed ? "<span class=\"failed\">失敗</span>" : "<span class=\"ok\">成功</span>";
            page.Append(CultureInfo.InvariantCulture, $"<p class=\"cell-info\">セル {run.Number}/{run.Count} {outcome} {run.Duration.TotalSeconds:0.0} 秒</p>\n");
        }
        page.Append("<pre class=\"code\"><code class=\"language-csharp\">").Append(Encode(code.Source)).Append("</code></pre>\n");
        foreach (var output in code.Outputs) AppendOutput(page, output, lessonAnchor, ids);
        page.Append("</div>\n");
    }

    private static void AppendOutput(StringBuilder page, CellOutput output, string lessonAnchor, PageIds ids)
    {
        switch (output)
        {
            case StreamOutput stream:
                page.Append($"<pre class=\"output {(stream.Name == StreamOutput.StandardError ? "stderr" : "stdout")}\">").Append(Encode(stream.Text)).Append("</pre>\n");
                break;
            case ErrorOutput error:
                page.Append("<pre class=\"output error\">").Append(Encode(error.Text.Trim())).Append("</pre>\n");
                break;
            case DataOutput data:
                page.Append("<div class=\"output display\">").Append(RenderData(data, lessonAnchor, ids)).Append("</div>\n");
                break;
        }
    }

    /// <summary>The richest format of a displayed value that a page can show by itself.</summary>
    private static string RenderData(DataOutput data, string lessonAnchor, PageIds ids)
    {
        if (data["text/html"] is { } html) return html;
        if (data["image/svg+xml"] is { } svg) return svg;
        foreach (var image in new[] { "image/png", "image/jpeg", "image/gif" })
            if (data[image] is { } base64) return $"<img alt=\"\" src=\"data:{image};base64,{string.Concat(base64.Where(c => !char.IsWhiteSpace(c)))}\">";
        if (data["text/markdown"] is { } markdown)
        {
            var document = Markdig.Markdown.Parse(markdown, Markdown);
            HeadingIds.Assign(lessonAnchor, [document], ids);
            return ToHtml(document);
        }
        if (data["application/json"] is { } json) return $"<pre>{Encode(json)}</pre>";
        return $"<pre>{Encode(data["text/plain"] ?? "")}</pre>";
    }

    /// <summary>Markdown as HTML, with images the lesson points to inlined and links to other lessons kept inside the page.</summary>
    private static string RenderMarkdown(MarkdownDocument document, Lesson lesson, IReadOnlySet<string> lessons,
        IReadOnlyDictionary<string, HeadingIds> headings)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is not { Length: > 0 } url || url.Contains("://", StringComparison.Ordinal)) continue;
            if (url.StartsWith('#'))
            {
                if (headings[lesson.Name].IdFor(url[1..]) is { } id) link.Url = "#" + id;
                continue;
            }
            if (link.IsImage)
            {
                if (InlineImage(lesson.Folder, url) is { } inlined) link.Url = inlined;
            }
            else if (LessonLink().Match(url) is { Success: true } match)
            {
                var name = match.Groups["name"].Value;
                var fragment = match.Groups["fragment"].Success ? match.Groups["fragment"].Value.TrimStart('#') : "";
                link.Url = !lessons.Contains(name) ? url
                    : fragment.Length > 0 && headings[name].IdFor(fragment) is { } id ? "#" + id
                    : "#" + Anchor(name);
            }
        }
        return ToHtml(document);
    }

    private static string ToHtml(MarkdownDocument document)
    {
        var writer = new StringWriter();
        // Links to Japanese headings stay readable in the page source (browsers match both forms).
        var renderer = new HtmlRenderer(writer) { UseNonAsciiNoEscape = true };
        Markdown.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static string? InlineImage(string folder, string url)
    {
        var path = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(url.Split('#', '?')[0])));
        if (!File.Exists(path)) return null;
        var type = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".svg" => "image/svg+xml",
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".gif" => "image/gif",
            _ => null,
        };
        return type is null ? null : $"data:{type};base64,{Convert.ToBase64String(File.ReadAllBytes(path))}";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font-family: "Hiragino Sans", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif; line-height: 1.7; color: #1f2328; margin: 0; }
        header, nav, main { max-width: 60rem; margin: 0 auto; padding: 0 1.5rem; }
        header h1 { margin-bottom: 0.2rem; }
        .summary { color: #57606a; }
        nav ol { padding-left: 1.5rem; }
        section.lesson { border-top: 3px solid #d0d7de; margin-top: 2.5rem; padding-top: 0.5rem; }
        .source { color: #57606a; font-size: 0.85rem; margin: 0; }
        .cell { margin: 1rem 0; border-left: 4px solid #54aeff; padding-left: 0.8rem; }
        .cell.failed-cell { border-left-color: #cf222e; }
        .cell-info { font-size: 0.8rem; color: #57606a; margin: 0 0 0.2rem; }
        pre { background: #f6f8fa; padding: 0.7rem; overflow-x: auto; border-radius: 6px; font-size: 0.85rem; line-height: 1.45; }
        pre.code { background: #eef2f6; }
        pre.output { background: #fff; border: 1px solid #d0d7de; }
        pre.stderr { color: #9a6700; }
        pre.error { background: #ffebe9; border-color: #ff8182; color: #82071e; }
        .display { overflow-x: auto; }
        .markdown table { display: block; max-width: 100%; overflow-x: auto; }
        td, th, .markdown a, .markdown code { overflow-wrap: anywhere; }
        .ok { color: #1a7f37; font-weight: bold; }
        .failed { color: #cf222e; font-weight: bold; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.5rem; }
        img { max-width: 100%; }
        .back { font-size: 0.85rem; }

        """;
}
