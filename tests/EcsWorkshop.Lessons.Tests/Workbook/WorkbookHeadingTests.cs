using AngleSharp.Html.Parser;
using EcsWorkshop.Lessons.Notebooks;
using EcsWorkshop.Lessons.Running;
using EcsWorkshop.Lessons.Workbook;

namespace EcsWorkshop.Lessons.Tests.Workbook;

/// <summary>Every heading of the workbook page has its own anchor, made of its Japanese words, and links follow it.</summary>
public sealed class WorkbookHeadingTests
{
    private static LessonRun Run(string name, params NotebookCell[] cells)
    {
        var notebook = Notebook.Create(cells);
        return new LessonRun(new Lesson(Path.Combine(Path.GetTempPath(), name + ".ipynb"), notebook), notebook, []);
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Render(params LessonRun[] runs) =>
        new HtmlParser().ParseDocument(WorkbookHtml.Render(runs, DateTimeOffset.UnixEpoch, "in-process"));

    [Fact]
    public void Japanese_headings_get_ids_of_their_own_words_unique_across_the_page()
    {
        var page = Render(
            Run("00-setup", Notebook.Markdown("# 00. はじめに\n\n## このレッスンのゴール\n\n## 演習"), Notebook.Markdown("## 演習")),
            Run("01-image", Notebook.Markdown("# 01. イメージ\n\n## このレッスンのゴール\n\n### 「レイヤー」とは？")));

        var ids = page.QuerySelectorAll("main h1, main h2, main h3").Select(h => h.Id).ToList();

        Assert.Equal(
        [
            "lesson-00-setup--00-はじめに", "lesson-00-setup--このレッスンのゴール", "lesson-00-setup--演習", "lesson-00-setup--演習-2",
            "lesson-01-image--01-イメージ", "lesson-01-image--このレッスンのゴール", "lesson-01-image--レイヤーとは",
        ], ids);
        var all = page.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain("section", all);
    }

    [Fact]
    public void Links_to_a_heading_in_the_same_or_another_lesson_point_at_its_id_on_the_page()
    {
        var page = Render(
            Run("00-setup", Notebook.Markdown("# 00. はじめに\n\n[ゴールへ](#このレッスンのゴール) と [01 の演習](01-image.ipynb#演習) と [ない見出し](#どこにもない)\n\n## このレッスンのゴール")),
            Run("01-image", Notebook.Markdown("# 01. イメージ\n\n## 演習")));

        string? Href(string text) => page.QuerySelectorAll("a").Single(a => a.TextContent == text).GetAttribute("href");

        Assert.Equal("#lesson-00-setup--このレッスンのゴール", Href("ゴールへ"));
        Assert.Equal("#lesson-01-image--演習", Href("01 の演習"));
        Assert.Equal("#どこにもない", Href("ない見出し"));
        Assert.NotNull(page.GetElementById("lesson-01-image--演習"));
    }

    [Fact]
    public void A_heading_slug_keeps_letters_of_any_script_and_digits_and_turns_spaces_into_hyphens()
    {
        Assert.Equal("03-クラスターを作る", HeadingIds.Slug("03. クラスターを作る"));
        Assert.Equal("aws-モードでは", HeadingIds.Slug("AWS モードでは"));
        Assert.Equal("desiredcount-タスクの必要数", HeadingIds.Slug("`desiredCount` （タスクの必要数）"));
    }
}
