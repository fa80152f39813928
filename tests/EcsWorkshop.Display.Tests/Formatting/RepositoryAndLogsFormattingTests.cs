using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Tests.Support;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Tests.Formatting;

public class RepositoryAndLogsFormattingTests
{
    private static RepositoryView Repository(params ImageView[] images) => new()
    {
        Name = "workshop/web",
        Uri = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/workshop/web",
        ImageTagMutability = "IMMUTABLE",
        CreatedAt = Samples.Moment,
        Images = [.. images],
    };

    [Fact]
    public void Repository_shows_its_uri_and_images_newest_first_with_sizes()
    {
        var older = new ImageView { Tags = ["1"], Digest = "sha256:" + new string('1', 64), SizeInBytes = 3_500_000, PushedAt = Samples.Moment };
        var newer = new ImageView { Tags = ["2", "latest"], Digest = "sha256:" + new string('2', 64), SizeInBytes = 800, PushedAt = Samples.Moment.AddHours(1) };

        var html = Html.Parse(WorkshopFormatters.ToHtml(Repository(older, newer)));

        Assert.Equal("ECR リポジトリ", html.QuerySelector("h4 .ecsws-kind")!.TextContent);
        Assert.Equal("123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/workshop/web", html.Field("URI").TextContent);
        Assert.Equal("できない (IMMUTABLE)", html.Field("タグの付け替え").TextContent);
        var rows = html.Table("イメージ").Rows();
        Assert.Equal(["2", "latest"], rows[0][0].QuerySelectorAll("code").Select(c => c.TextContent));
        Assert.Equal("800 B", rows[0][2].TextContent);
        Assert.Equal("2026/11/29 14:05:06", rows[0][3].TextContent);
        Assert.Equal("3.34 MiB", rows[1][2].TextContent);
    }

    [Fact]
    public void An_untagged_image_and_an_empty_repository_say_so_in_Japanese()
    {
        var untagged = Html.Parse(WorkshopFormatters.ToHtml(Repository(new ImageView { Digest = "sha256:" + new string('3', 64) })));
        var empty = Html.Parse(WorkshopFormatters.ToHtml(Repository()));

        Assert.Equal("(タグなし)", untagged.Table("イメージ").Rows()[0][0].TextContent);
        Assert.Contains(empty.QuerySelectorAll("p.ecsws-empty"), p => p.TextContent == "イメージはまだありません");
    }

    [Fact]
    public void Log_lines_from_one_stream_show_time_and_message()
    {
        var logs = new LogLinesView
        {
            LogGroup = "/ecs/web",
            LogStream = "ecs/web/01c0ffee00112233445566778899aabb",
            Lines = [new(Samples.Moment, "Listening on :80"), new(Samples.Moment.AddSeconds(2), "GET / 200")],
        };

        var html = Html.Parse(WorkshopFormatters.ToHtml(logs));

        Assert.Equal("/ecs/web", html.Field("ロググループ").TextContent);
        var table = html.Table("ログイベント");
        Assert.Equal(["日時", "メッセージ"], table.Headers());
        Assert.Equal("2026/11/29 13:05:08", table.Rows()[1][0].TextContent);
        Assert.Equal("GET / 200", table.Rows()[1][1].TextContent);
    }

    [Fact]
    public void Log_lines_from_several_streams_name_the_stream_of_each_line()
    {
        var logs = new LogLinesView
        {
            LogGroup = "/ecs/web",
            Lines = [new(Samples.Moment, "a", "ecs/web/1"), new(Samples.Moment, "b", "ecs/web/2")],
        };

        var text = WorkshopFormatters.ToText(logs);

        Assert.Contains("日時                 ストリーム  メッセージ", text);
        Assert.Contains("2026/11/29 13:05:06  ecs/web/2   b", text);
    }
}
