using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Tests.Support;

namespace EcsWorkshop.Display.Tests.Explanations;

public class ExplanationResourceTests
{
    public static TheoryData<ExplanationTopic> Topics() => [.. Enum.GetValues<ExplanationTopic>()];

    [Fact]
    public void Every_topic_has_an_embedded_note_and_every_note_a_topic()
    {
        var embedded = typeof(ExplanationNotes).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("EcsWorkshop.Display.Explanations.", StringComparison.Ordinal)).Order().ToList();
        var expected = Enum.GetValues<ExplanationTopic>().Select(ExplanationNotes.ResourceName).Order().ToList();

        Assert.Equal(expected, embedded);
        Assert.Equal(15, embedded.Count);
    }

    [Fact]
    public void Every_markdown_file_in_the_source_folder_is_embedded()
    {
        var files = Directory.GetFiles(RepositoryRoot.Combine("src/EcsWorkshop.Display/Explanations"), "*.md").Select(Path.GetFileName).Order();

        Assert.Equal(Enum.GetValues<ExplanationTopic>().Select(ExplanationNotes.FileName).Order(), files);
    }

    [Theory]
    [MemberData(nameof(Topics))]
    public void Every_note_has_a_Japanese_title_and_renders_to_html_and_text(ExplanationTopic topic)
    {
        var note = ExplanationNotes.Get(topic);

        Assert.Matches("[\u3040-\u30ff\u4e00-\u9fff]", note.Title);
        var html = Html.Parse(note.ToHtml());
        Assert.True(html.QuerySelectorAll("p, li, table").Length >= 2, topic.ToString());
        Assert.DoesNotContain("#", note.ToPlainText().Split('\n')[0]);
        Assert.DoesNotContain("```", note.ToPlainText());
        Assert.DoesNotContain("**", note.ToPlainText());
    }

    [Fact]
    public void File_names_are_the_topic_in_kebab_case()
    {
        Assert.Equal("task-definition.md", ExplanationNotes.FileName(ExplanationTopic.TaskDefinition));
        Assert.Equal("ecr-authentication.md", ExplanationNotes.FileName(ExplanationTopic.EcrAuthentication));
        Assert.Equal("awslogs.md", ExplanationNotes.FileName(ExplanationTopic.Awslogs));
    }

    [Fact]
    public void Markdown_tables_and_code_become_styled_html()
    {
        var html = Html.Parse(ExplanationNotes.Get(ExplanationTopic.TaskLifecycle).ToHtml());

        var table = html.QuerySelector("table")!;
        Assert.Contains("border-collapse", table.GetAttribute("style"));
        Assert.Equal(["lastStatus", "何をしているか"], table.QuerySelectorAll("th").Select(t => t.TextContent));
        Assert.Equal(8, table.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("background", html.QuerySelector("code")!.GetAttribute("style"));
    }

    [Fact]
    public void Raw_html_in_markdown_is_not_passed_through()
    {
        var html = Html.Parse(ExplanationNotes.RenderHtml("注意 <script>alert(1)</script> です"));

        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.Contains("<script>", html.TextContent);
    }

    [Fact]
    public void Plain_text_keeps_headings_lists_tables_and_code_on_their_own_lines()
    {
        var text = ExplanationNotes.Get(ExplanationTopic.EcrPush).ToPlainText();

        Assert.Contains("1. リポジトリを作る (aws ecr create-repository)。", text);
        Assert.Contains("\n- プッシュしたイメージは aws ecr describe-images や aws ecr list-images で確認できます。\n", text);

        var awslogs = ExplanationNotes.Get(ExplanationTopic.Awslogs).ToPlainText();
        Assert.Contains("\n    \"logConfiguration\": {\n", awslogs);

        var lifecycle = ExplanationNotes.Get(ExplanationTopic.TaskLifecycle).ToPlainText();
        Assert.Contains("\n  RUNNING | コンテナが動いています\n", lifecycle);
    }

    [Fact]
    public void Explanation_card_shows_the_title_and_the_rendered_note()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(ExplanationNotes.Get(ExplanationTopic.TaskRoles)));

        Assert.Equal("解説: タスクロールとタスク実行ロール", html.QuerySelector("h4 .ecsws-kind")!.TextContent);
        Assert.Contains("AmazonECSTaskExecutionRolePolicy", html.QuerySelector(".ecsws-markdown")!.TextContent);
        Assert.StartsWith("【解説: タスクロールとタスク実行ロール】\n", WorkshopFormatters.ToText(ExplanationNotes.Get(ExplanationTopic.TaskRoles)));
    }
}
