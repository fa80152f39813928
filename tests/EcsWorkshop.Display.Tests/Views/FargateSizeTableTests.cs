using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Tests.Support;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Tests.Views;

public class FargateSizeTableTests
{
    private static readonly FargateSizeTable Table = FargateSizeTable.Standard;

    [Fact]
    public void Fargate_refuses_256_cpu_with_4096_memory_and_says_which_memory_fits()
    {
        var request = Table.WithRequest("256", "4096").Request!;

        Assert.False(request.IsValid);
        Assert.Equal("cpu 256 (0.25 vCPU) と memory 4,096 MiB の組み合わせは Fargate にありません。", request.Reason.ToString());
        Assert.Equal("memory を cpu 256 で使える値 (512, 1,024, 2,048 MiB) のどれかにします。メモリを 4,096 MiB のままにしたいなら、cpu を `512`、`1024`、`2048` のどれかにします。",
            request.Suggestion.ToString());
    }

    [Fact]
    public void Vcpu_and_gigabyte_spellings_are_understood()
    {
        var request = Table.WithRequest("1 vCPU", "2GB").Request!;

        Assert.True(request.IsValid);
        Assert.Equal(1024, request.CpuUnits);
        Assert.Equal(2048, request.MemoryMiB);
        Assert.True(request.Suggestion.IsEmpty);
    }

    [Fact]
    public void An_unknown_cpu_size_lists_the_cpu_sizes_there_are()
    {
        var request = Table.WithRequest("3072", "8192").Request!;

        Assert.False(request.IsValid);
        Assert.Equal("cpu は `256`、`512`、`1024`、`2048`、`4096`、`8192`、`16384` のどれかにします (1024 = 1 vCPU)。", request.Suggestion.ToString());
    }

    [Fact]
    public void Windows_cannot_use_the_quarter_vcpu_row()
    {
        Assert.False(Table.WithRequest("256", "512", windows: true).Request!.IsValid);
        Assert.True(Table.IsValid(1024, 2048, windows: true));
        Assert.False(Table.IsValid(8192, 16384, windows: true));
    }

    [Fact]
    public void Unreadable_values_are_refused_with_how_to_write_them()
    {
        var request = Table.WithRequest("lots", "512").Request!;

        Assert.False(request.IsValid);
        Assert.Contains("`256`", request.Suggestion.ToString());
    }

    [Fact]
    public void Html_highlights_the_requested_cpu_row_and_lists_its_memory_values()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Table.WithRequest("512", "5120")));

        var rows = html.Table("Fargate で使える cpu と memory").Rows();
        Assert.Equal(7, rows.Count);
        var highlighted = rows.Where(r => r[0].ParentElement!.GetAttribute("aria-current") == "true").ToList();
        Assert.Single(highlighted);
        Assert.Equal("512", highlighted[0][0].TextContent);
        Assert.Equal("1,024〜4,096 (1,024 刻み)", highlighted[0][2].TextContent);
        Assert.Equal(["1,024", "2,048", "3,072", "4,096"], html.Field("cpu 512 で使える memory (MiB)").QuerySelectorAll(".ecsws-chip").Select(c => c.TextContent));
        Assert.Contains("ecsws-badge-bad", html.Field("判定").QuerySelector(".ecsws-badge")!.ClassList);
        Assert.Equal("プラットフォーム 1.4.0 以降", rows[5][5].TextContent);
    }

    [Fact]
    public void A_valid_request_marks_the_chosen_memory_value()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Table.WithRequest("256", "1024")));

        var chosen = html.QuerySelectorAll(".ecsws-chip-hit").Single();
        Assert.Equal("1,024", chosen.TextContent);
        Assert.Contains("ecsws-badge-good", html.Field("判定").QuerySelector(".ecsws-badge")!.ClassList);
    }

    [Fact]
    public void Text_marks_the_requested_row_with_an_arrow()
    {
        var text = WorkshopFormatters.ToText(Table.WithRequest("256", "4096"));

        Assert.Contains("\n  >           256  0.25  512, 1,024, 2,048 ", text);
        Assert.Contains("  判定                          : NG (使えない組み合わせ)\n", text);
    }
}
