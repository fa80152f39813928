using EcsWorkshop.Display.Views;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Tests.Support;

namespace EcsWorkshop.Display.Tests.Errors;

public class ErrorExplanationFormattingTests
{
    private static ErrorExplanation FargateSize() => ErrorCatalogue.Default.Explain("ClientException",
        "No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS documentation for the valid values.");

    [Fact]
    public void Error_html_shows_title_what_happened_why_and_fix()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(FargateSize()));

        var section = html.QuerySelector("section.ecsws-error")!;
        Assert.Equal("エラー", section.QuerySelector("h4 .ecsws-kind")!.TextContent);
        Assert.Equal("ClientException", section.QuerySelector("h4 .ecsws-name")!.TextContent);
        Assert.Equal("Fargate にない CPU とメモリの組み合わせです", section.QuerySelector("h5")!.TextContent);
        Assert.Equal(["何が起きたか", "なぜ", "直し方"],
            section.QuerySelectorAll(":scope > .ecsws-note .ecsws-note-label").Select(l => l.TextContent));
        Assert.NotNull(section.QuerySelector(":scope > .ecsws-note-problem"));
        Assert.NotNull(section.QuerySelector(":scope > .ecsws-note-fix"));
    }

    [Fact]
    public void Fargate_size_error_shows_the_size_table_with_valid_memory_for_that_cpu()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(FargateSize()));

        var table = html.QuerySelector("section.ecsws-error section.ecsws-fargate-sizes")!;
        Assert.Equal(["512", "1,024", "2,048"], table.Field("cpu 256 で使える memory (MiB)").QuerySelectorAll(".ecsws-chip").Select(c => c.TextContent));
        Assert.Equal("256", table.QuerySelector("tr[aria-current=true] td")!.TextContent);
    }

    [Fact]
    public void Error_html_keeps_the_original_code_and_message()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(FargateSize()));

        var original = html.QuerySelector("section.ecsws-error > figure pre.ecsws-original")!;
        Assert.Equal("ClientException: No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS documentation for the valid values.",
            original.TextContent);
        Assert.Equal("en", original.GetAttribute("lang"));
    }

    [Fact]
    public void Error_html_folds_the_topic_explanation()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(FargateSize()));

        Assert.Equal("解説: Fargate のタスクサイズ", html.QuerySelector("section.ecsws-error > details > summary")!.TextContent);
    }

    [Fact]
    public void Fallback_html_still_shows_the_code_and_original_message()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(ErrorCatalogue.Default.Explain("NewException", "A new problem.")));

        Assert.Equal("NewException", html.QuerySelector("h4 .ecsws-name")!.TextContent);
        Assert.Equal("NewException: A new problem.", html.QuerySelector("pre.ecsws-original")!.TextContent);
        Assert.Empty(html.QuerySelectorAll("details"));
    }

    [Fact]
    public void Stopped_task_explanations_are_titled_as_a_task_stop()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(ErrorCatalogue.Default.ExplainStoppedTask("EssentialContainerExited", "Essential container in task exited")));

        Assert.Equal("タスクの停止", html.QuerySelector("h4 .ecsws-kind")!.TextContent);
        Assert.Contains("ECS が記録した停止理由", html.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public void Error_text_reads_top_to_bottom_in_a_console()
    {
        var text = WorkshopFormatters.ToText(ErrorCatalogue.Default.Explain("ClusterNotFoundException", "Cluster not found."));
        var lines = text.Split('\n');

        Assert.Equal("【エラー】 ClusterNotFoundException", lines[0]);
        Assert.Equal("  《クラスターが見つかりません》", lines[1]);
        Assert.StartsWith("  [何が起きたか] ", lines[2]);
        Assert.StartsWith("  [なぜ] ", lines[3]);
        Assert.StartsWith("  [直し方] `aws ecs list-clusters` で名前を確認し", lines[4]);
        Assert.Contains("  [AWS からのメッセージ (原文)]", lines);
        Assert.Contains("    ClusterNotFoundException: Cluster not found.", lines);
        Assert.Contains("  《解説: クラスター》", lines);
    }

    [Fact]
    public void An_explanation_links_AWS_s_pages_in_Japanese_in_html_and_as_addresses_in_text()
    {
        var explanation = ErrorCatalogue.Default.ExplainStoppedTask(null, "OutOfMemoryError: Container killed due to memory usage");
        var html = Html.Parse(WorkshopFormatters.ToHtml(explanation));
        var text = WorkshopFormatters.ToText(explanation);

        var links = html.QuerySelectorAll("a.ecsws-link").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(
        [
            ("Amazon ECS デベロッパーガイド: out-of-memory", "https://docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/out-of-memory.html"),
            ("AWS re:Post ナレッジセンター: ecs-resolve-outofmemory-errors", "https://repost.aws/ja/knowledge-center/ecs-resolve-outofmemory-errors"),
        ], links);
        Assert.Contains("  [AWS のドキュメント]", text.Split('\n'));
        Assert.Contains("    Amazon ECS デベロッパーガイド: out-of-memory: https://docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/out-of-memory.html", text.Split('\n'));
    }

    [Fact]
    public void A_service_event_explanation_is_titled_as_a_service_event_and_keeps_the_event_as_it_came()
    {
        const string message = "service (web) deployment failed: tasks failed to start.";
        var html = Html.Parse(WorkshopFormatters.ToHtml(ErrorCatalogue.Default.ExplainServiceEvent(message)!));

        Assert.Equal("サービスイベント", html.QuerySelector("h4 .ecsws-kind")!.TextContent);
        Assert.Equal(message, html.QuerySelector("pre.ecsws-original")!.TextContent);
    }

    [Fact]
    public void A_task_card_explains_the_container_reason_that_says_more_than_the_task_s()
    {
        var task = new TaskView
        {
            Id = "0123456789abcdef0123456789abcdef",
            LastStatus = "STOPPED",
            DesiredStatus = "STOPPED",
            StopCode = "EssentialContainerExited",
            StoppedReason = "Essential container in task exited",
            Containers = [new TaskContainerView { Name = "app", LastStatus = "STOPPED", ExitCode = 137, Reason = "OutOfMemoryError: Container killed due to memory usage" }],
        };

        var html = Html.Parse(WorkshopFormatters.ToHtml(task));

        Assert.Contains(html.QuerySelectorAll(".ecsws-note-label"), l => l.TextContent == "止まった理由 (コンテナ app)");
        Assert.Contains("メモリ不足でコンテナが強制終了されました", html.TextContent);
        Assert.NotNull(html.QuerySelector("a[href='https://docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/out-of-memory.html']"));
    }
}
