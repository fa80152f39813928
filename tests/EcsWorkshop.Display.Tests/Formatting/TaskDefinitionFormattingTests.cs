using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Tests.Support;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Tests.Formatting;

public class TaskDefinitionFormattingTests
{
    [Fact]
    public void Task_definition_is_titled_family_colon_revision_with_its_status()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.TaskDefinition()));

        Assert.Equal("タスク定義", html.QuerySelector("h4 .ecsws-kind")!.TextContent);
        Assert.Equal("sample-fargate:3", html.QuerySelector("h4 .ecsws-name")!.TextContent);
        Assert.Contains("ecsws-badge-good", html.QuerySelector("h4 .ecsws-badge")!.ClassList);
    }

    [Fact]
    public void Task_size_shows_units_with_vcpu_and_mib_with_gb()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.TaskDefinition() with { Cpu = "1024", Memory = "3072" }));

        Assert.Equal("1,024 (1 vCPU)", html.Field("CPU").TextContent);
        Assert.Equal("3,072 MiB (3 GB)", html.Field("メモリ").TextContent);
        Assert.Equal("awsvpc", html.Field("ネットワークモード").TextContent);
        Assert.Equal(["EC2", "FARGATE"], html.Field("互換性 (compatibilities)").QuerySelectorAll("code").Select(c => c.TextContent));
        Assert.Equal("arn:aws:iam::123456789012:role/ecsTaskExecutionRole", html.Field("タスク実行ロール").TextContent);
        Assert.Equal("-", html.Field("タスクロール").TextContent);
    }

    [Fact]
    public void Containers_table_lists_name_image_ports_and_log_group()
    {
        var definition = Samples.TaskDefinition() with
        {
            Containers =
            [
                .. Samples.TaskDefinition().Containers,
                new ContainerDefinitionView { Name = "sidecar", Image = "busybox", Essential = false, Memory = 128, MemoryReservation = 64, Ports = [new(8080, 9090, "udp")] },
            ],
        };

        var table = Html.Parse(WorkshopFormatters.ToHtml(definition)).Table("コンテナ");

        Assert.Equal(["名前", "イメージ", "必須", "ポート", "メモリ", "ログ", "ストリームのプレフィックス"], table.Headers());
        var rows = table.Rows();
        Assert.Equal("web", rows[0][0].TextContent);
        Assert.Equal("123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/workshop/web:1", rows[0][1].TextContent);
        Assert.Equal("はい", rows[0][2].TextContent);
        Assert.Equal("80/tcp", rows[0][3].TextContent);
        Assert.Equal("awslogs: /ecs/sample-fargate", rows[0][5].TextContent);
        Assert.Equal("いいえ", rows[1][2].TextContent);
        Assert.Equal("9090→8080/udp", rows[1][3].TextContent);
        Assert.Equal("上限 128 MiB / 予約 64 MiB", rows[1][4].TextContent);
    }

    [Fact]
    public void Without_a_network_mode_the_card_says_bridge_is_the_EC2_default()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.TaskDefinition() with { NetworkMode = null }));

        Assert.Equal("(未指定: EC2 では bridge)", html.Field("ネットワークモード").TextContent);
    }

    [Fact]
    public void Task_definition_text_has_an_aligned_containers_table()
    {
        var text = WorkshopFormatters.ToText(Samples.TaskDefinition());
        var lines = text.Split('\n');

        Assert.Equal("【タスク定義】 sample-fargate:3  ACTIVE (アクティブ)", lines[0]);
        Assert.Contains("  CPU                      : 256 (0.25 vCPU)", lines);
        var header = Array.FindIndex(lines, l => l.Contains("名前") && l.Contains("イメージ"));
        Assert.Equal("  《コンテナ》", lines[header - 1]);
        var imageColumn = TextWidth.Of(lines[header][..lines[header].IndexOf("イメージ", StringComparison.Ordinal)]);
        Assert.Equal(imageColumn, TextWidth.Of(lines[header + 2][..lines[header + 2].IndexOf("123456789012.dkr", StringComparison.Ordinal)]));
    }
}
