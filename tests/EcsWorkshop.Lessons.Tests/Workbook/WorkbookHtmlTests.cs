using System.Collections.Immutable;
using AngleSharp.Html.Parser;
using EcsWorkshop.Lessons.Notebooks;
using EcsWorkshop.Lessons.Running;
using EcsWorkshop.Lessons.Workbook;

namespace EcsWorkshop.Lessons.Tests.Workbook;

/// <summary>The HTML workbook stands on its own: contents, rendered Markdown, code, and every kind of output inlined.</summary>
public sealed class WorkbookHtmlTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecs-workshop-workbook-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private LessonRun Run(string name, params NotebookCell[] cells)
    {
        var notebook = Notebook.Create(cells);
        var lesson = new Lesson(Path.Combine(_folder, name + ".ipynb"), notebook);
        var codeCells = notebook.CodeCells.ToList();
        var runs = codeCells.Select((c, i) => new CellRun(lesson, i + 1, codeCells.Count, c, c.Error is null ? CellOutcome.Succeeded : CellOutcome.Failed, TimeSpan.FromSeconds(1.5)));
        return new LessonRun(lesson, notebook, [.. runs]);
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Render(params LessonRun[] runs) =>
        new HtmlParser().ParseDocument(WorkbookHtml.Render(runs, DateTimeOffset.UnixEpoch, "in-process"));

    private static DataOutput Data(string mimeType, string value) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(mimeType, value)]));

    [Fact]
    public void The_contents_link_every_lesson_section_by_its_Japanese_title()
    {
        var page = Render(Run("00-setup", Notebook.Markdown("# 00. はじめに")), Run("01-image", Notebook.Markdown("# 01. イメージを作る")));

        var links = page.QuerySelectorAll("nav#toc a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal([("#lesson-00-setup", "00. はじめに"), ("#lesson-01-image", "01. イメージを作る")], links);
        Assert.Equal("01. イメージを作る", page.GetElementById("lesson-01-image")?.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public void Markdown_is_rendered_with_images_inlined_and_lesson_links_kept_inside_the_page()
    {
        File.WriteAllText(Path.Combine(_folder, "flow.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        var page = Render(
            Run("00-setup", Notebook.Markdown("# 00. はじめに\n\n![流れ](flow.svg)\n\n[次へ](01-image.ipynb) と [まだない](02-later.ipynb)\n\n| 列 |\n| --- |\n| 値 |")),
            Run("01-image", Notebook.Markdown("# 01. イメージ")));

        Assert.StartsWith("data:image/svg+xml;base64,", page.QuerySelector("img[alt='流れ']")?.GetAttribute("src"));
        Assert.Equal("#lesson-01-image", page.QuerySelectorAll("a").Single(a => a.TextContent == "次へ").GetAttribute("href"));
        Assert.Equal("02-later.ipynb", page.QuerySelectorAll("a").Single(a => a.TextContent == "まだない").GetAttribute("href"));
        Assert.Equal("値", page.QuerySelector("table td")?.TextContent);
    }

    [Fact]
    public void Code_and_its_text_html_image_and_error_outputs_are_all_on_the_page()
    {
        var cell = Notebook.Code("display(x);") with
        {
            Outputs =
            [
                new StreamOutput(StreamOutput.StandardOutput, "標準出力 <そのまま>"),
                Data("text/html", "<table class=\"shown\"><tr><td>表</td></tr></table>"),
                Data("image/png", "iVBORw0KGgo="),
                Data("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart\"></svg>"),
                new ErrorOutput("System.Exception", "こわれました", ["System.Exception: こわれました"]),
            ],
        };

        var page = Render(Run("00-setup", Notebook.Markdown("# 00. はじめに"), cell));

        Assert.Equal("display(x);", page.QuerySelector("pre.code code")?.TextContent);
        Assert.Equal("標準出力 <そのまま>", page.QuerySelector("pre.stdout")?.TextContent);
        Assert.Equal("表", page.QuerySelector("table.shown td")?.TextContent);
        Assert.Equal("data:image/png;base64,iVBORw0KGgo=", page.QuerySelector(".display img")?.GetAttribute("src"));
        Assert.NotNull(page.QuerySelector("svg#chart"));
        Assert.Equal("System.Exception: こわれました", page.QuerySelector("pre.error")?.TextContent);
        Assert.Contains("失敗", page.QuerySelector(".failed-cell .cell-info")?.TextContent);
        Assert.Contains("1 件が失敗しました", page.QuerySelector(".summary")?.TextContent);
    }
}
