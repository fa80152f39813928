using System.Globalization;
using System.Xml.Linq;
using EcsWorkshop.Display.Diagrams;
using EcsWorkshop.Display.Formatting;

namespace EcsWorkshop.Display.Tests.Diagrams;

public class ScalingChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ScalingTimeline ScaleOutAndIn() => new()
    {
        Service = "scaling-service",
        MinCapacity = 1,
        MaxCapacity = 6,
        TargetValue = 50,
        ClockSpeed = 20,
        Samples =
        [
            new(TimeSpan.FromSeconds(0), 1, 1, 100),
            new(TimeSpan.FromSeconds(9), 2, 1, 100),
            new(TimeSpan.FromSeconds(12), 4, 2, 100),
            new(TimeSpan.FromSeconds(15), 6, 6, 50),
            new(TimeSpan.FromSeconds(60), 1, 1, 0),
        ],
    };

    private static IEnumerable<string[]> PointsOf(XElement polyline) =>
        ((string)polyline.Attribute("points")!).Split(' ').Select(p => p.Split(','));

    [Fact]
    public void The_chart_is_an_svg_with_a_japanese_title_and_both_counts_as_steps_and_the_cpu_as_a_line()
    {
        var svg = XElement.Parse(ScalingChart.Render(ScaleOutAndIn()));

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("サービス scaling-service のタスクの必要数・実行中のタスク数・CPU 使用率の推移", svg.Element(Svg + "title")!.Value);
        var lines = svg.Elements(Svg + "polyline").ToList();
        Assert.Equal(3, lines.Count);
        // A step line has two points per change after the first: five samples give nine points.
        Assert.Equal(9, PointsOf(lines[0]).Count());
        Assert.Equal(9, PointsOf(lines[1]).Count());
        Assert.Equal(5, PointsOf(lines[2]).Count());
    }

    [Fact]
    public void Time_runs_on_the_scaling_clock_so_sixty_seconds_at_speed_twenty_end_at_twenty_minutes()
    {
        var svg = XElement.Parse(ScalingChart.Render(ScaleOutAndIn()));

        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "20 分");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.Contains("現実の 20 倍", StringComparison.Ordinal));
    }

    [Fact]
    public void A_higher_desired_count_is_drawn_higher_and_the_maximum_is_marked()
    {
        var svg = XElement.Parse(ScalingChart.Render(ScaleOutAndIn()));

        var desired = PointsOf(svg.Elements(Svg + "polyline").ElementAt(1)).Select(p => double.Parse(p[1], CultureInfo.InvariantCulture)).ToList();
        Assert.True(desired[^3] < desired[0], "6 tasks should be drawn above 1 task (smaller y)");
        Assert.Equal(desired[0], desired[^1]);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "最大 6");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "ターゲット値 50%（破線）");
    }

    [Fact]
    public void Without_a_known_metric_there_is_no_cpu_line_and_no_cpu_legend()
    {
        var timeline = ScaleOutAndIn() with { Samples = [.. ScaleOutAndIn().Samples.Select(s => s with { CpuPercent = null })] };

        var svg = XElement.Parse(ScalingChart.Render(timeline));

        Assert.Equal(2, svg.Elements(Svg + "polyline").Count());
        Assert.DoesNotContain(svg.Descendants(Svg + "text"), t => t.Value == "CPU 使用率（平均）");
    }

    [Fact]
    public void An_empty_timeline_says_nothing_was_observed_yet()
    {
        var timeline = new ScalingTimeline { Service = "idle" };

        Assert.Contains("まだ観測がありません", ScalingChart.Render(timeline));
        Assert.Contains("まだ観測がありません", ScalingChart.Table(timeline));
    }

    [Fact]
    public void The_console_text_lists_each_change_of_the_counts_once()
    {
        var text = WorkshopFormatters.ToText(ScaleOutAndIn());

        Assert.Contains("スケーリングのグラフ", text);
        Assert.Contains("必要数 6  実行中 6  CPU 50%", text);
        Assert.Contains("20 分  必要数 1  実行中 1  CPU 0%", text);
    }
}
