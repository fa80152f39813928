using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Tests.Support;

namespace EcsWorkshop.Display.Tests.Formatting;

public class ClusterFormattingTests
{
    [Fact]
    public void Cluster_html_is_a_Japanese_section_named_after_the_cluster()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.Cluster()));

        var section = html.QuerySelector("section.ecsws.ecsws-cluster")!;
        Assert.Equal("ja", section.GetAttribute("lang"));
        Assert.Equal("クラスター", section.QuerySelector("h4 .ecsws-kind")!.TextContent);
        Assert.Equal("fargate-cluster", section.QuerySelector("h4 .ecsws-name")!.TextContent);
        Assert.Contains("background:#ffffff", section.GetAttribute("style"));
    }

    [Fact]
    public void Cluster_html_lists_status_arn_and_counts_under_Japanese_labels()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.Cluster() with { RunningTasksCount = 1234 }));

        Assert.Equal(["ステータス", "ARN", "実行中のタスク数", "保留中のタスク数", "アクティブなサービス数", "コンテナインスタンス数"], html.Labels());
        Assert.Equal("arn:aws:ecs:ap-northeast-1:123456789012:cluster/fargate-cluster", html.Field("ARN").TextContent);
        Assert.Equal("1,234", html.Field("実行中のタスク数").TextContent);
        Assert.Equal("1", html.Field("保留中のタスク数").TextContent);
        Assert.Equal("1", html.Field("アクティブなサービス数").TextContent);
    }

    [Theory]
    [InlineData("ACTIVE", "ecsws-badge-good", "アクティブ")]
    [InlineData("PROVISIONING", "ecsws-badge-progress", "準備中")]
    [InlineData("FAILED", "ecsws-badge-bad", "失敗")]
    [InlineData("INACTIVE", "ecsws-badge-neutral", "非アクティブ")]
    public void Cluster_status_badge_is_coloured_by_meaning(string status, string badgeClass, string japanese)
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.Cluster(status: status)));

        var badge = html.Field("ステータス").QuerySelector(".ecsws-badge")!;
        Assert.Contains(badgeClass, badge.ClassList);
        Assert.Equal(status, badge.GetAttribute("data-status"));
        Assert.Equal(japanese, badge.QuerySelector(".ecsws-badge-ja")!.TextContent);
        Assert.NotEmpty(badge.GetAttribute("style")!);
    }

    [Fact]
    public void Cluster_text_has_a_title_line_and_labels_aligned_by_display_width()
    {
        var text = WorkshopFormatters.ToText(Samples.Cluster());
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("【クラスター】 fargate-cluster  ACTIVE (アクティブ)", lines[0]);
        Assert.Contains("  ステータス             : ACTIVE (アクティブ)", lines);
        Assert.Contains("  実行中のタスク数       : 2", lines);
        var colonColumns = lines.Skip(1).Select(l => TextWidth.Of(l[..l.IndexOf(" : ", StringComparison.Ordinal)])).Distinct();
        Assert.Single(colonColumns);
    }
}
