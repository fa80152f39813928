using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Tests.Support;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Tests.Formatting;

public class ServiceFormattingTests
{
    [Fact]
    public void Service_shows_desired_running_and_pending_counts_under_Japanese_labels()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.Service(desired: 3, running: 2, pending: 1)));

        Assert.Equal("3", html.Field("タスクの必要数").TextContent);
        Assert.Equal("2", html.Field("実行中").TextContent);
        Assert.Equal("1", html.Field("保留中").TextContent);
        Assert.Equal("fargate-cluster", html.Field("クラスター").TextContent);
        Assert.Equal("sample-fargate:3", html.Field("タスク定義").TextContent);
        Assert.Equal("FARGATE", html.Field("起動タイプ").TextContent);
    }

    [Fact]
    public void Service_creation_time_is_shown_in_Japan_time()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.Service()));

        var time = html.Field("作成日時").QuerySelector("time")!;
        Assert.Equal("2026/11/29 13:05:06", time.TextContent);
        Assert.Equal("2026-11-29T13:05:06+09:00", time.GetAttribute("datetime"));
    }

    [Fact]
    public void Deployments_table_marks_the_primary_deployment_and_colours_rollout_states()
    {
        var table = Html.Parse(WorkshopFormatters.ToHtml(Samples.Service())).Table("デプロイ");

        Assert.Equal(["ID", "ステータス", "タスク定義", "必要数", "実行中", "保留中", "失敗", "ロールアウト", "理由"], table.Headers());
        var rows = table.Rows();
        Assert.Equal("true", rows[0][0].ParentElement!.GetAttribute("aria-current"));
        Assert.Contains("ecsws-badge-good", rows[0][1].QuerySelector(".ecsws-badge")!.ClassList);
        Assert.Contains("ecsws-badge-progress", rows[0][7].QuerySelector(".ecsws-badge")!.ClassList);
        Assert.Equal("IN_PROGRESS 進行中", rows[0][7].TextContent);
        Assert.Contains("ecsws-badge-warning", rows[1][1].QuerySelector(".ecsws-badge")!.ClassList);
        Assert.Null(rows[1][0].ParentElement!.GetAttribute("aria-current"));
        Assert.Contains("ecsws-num", rows[0][3].ClassList);
    }

    [Fact]
    public void Events_are_listed_newest_first_and_capped_at_ten()
    {
        var events = Enumerable.Range(0, 15)
            .Select(i => new ServiceEventView(Samples.Moment.AddMinutes(-i), $"(service web) event {i}."))
            .ToArray();
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.Service() with { Events = [.. events] }));

        var table = html.Table("最新のイベント");
        Assert.Equal(10, table.Rows().Count);
        Assert.Equal("(service web) event 0.", table.Rows()[0][1].TextContent);
        Assert.Contains("全 15 件", table.QuerySelector("caption")!.TextContent);
    }

    [Fact]
    public void A_service_without_events_says_so()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.Service() with { Events = [] }));

        Assert.Contains(html.QuerySelectorAll("p.ecsws-empty"), p => p.TextContent == "イベントはまだありません");
    }

    [Fact]
    public void Service_text_lists_counts_and_deployments()
    {
        var text = WorkshopFormatters.ToText(Samples.Service(desired: 3, running: 2, pending: 1));

        Assert.StartsWith("【サービス】 web  ACTIVE (アクティブ)\n", text);
        Assert.Contains("  タスクの必要数 : 3\n", text);
        Assert.Contains("  実行中         : 2\n", text);
        Assert.Contains("  保留中         : 1\n", text);
        Assert.Contains("  >ecs-svc/1234567890123456789  PRIMARY (最新)", text);
    }
}
