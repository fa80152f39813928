using System.Xml.Linq;
using EcsWorkshop.Display.Diagrams;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Tests.Diagrams;

public class TrafficChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static TrafficSample Answer(double seconds, string version, string task = "t1") =>
        new(TimeSpan.FromSeconds(seconds), 200, version, task);

    private static TrafficView Rollout() => new()
    {
        Url = "http://127.0.0.1:8080/",
        Samples =
        [
            Answer(0.1, "1"), Answer(0.6, "1", "t2"),
            Answer(1.1, "1"), Answer(1.5, "2", "t3"),
            new TrafficSample(TimeSpan.FromSeconds(1.9), 502, null, null),
            Answer(2.2, "2", "t3"), Answer(2.7, "2", "t4"),
        ],
    };

    [Fact]
    public void Answers_are_counted_per_second_and_version_and_a_non_2xx_answer_is_a_failure()
    {
        var seconds = Rollout().Seconds;

        Assert.Equal(3, seconds.Length);
        Assert.Equal(2, seconds[0].ByVersion["1"]);
        Assert.Equal(1, seconds[1].ByVersion["1"]);
        Assert.Equal(1, seconds[1].ByVersion["2"]);
        Assert.Equal(1, seconds[1].Failures);
        Assert.Equal(2, seconds[2].ByVersion["2"]);
        Assert.Equal(1, Rollout().Failures);
        Assert.Equal(new[] { "1", "2" }, Rollout().Versions.ToArray());
        Assert.Equal(4, Rollout().Tasks);
    }

    [Fact]
    public void The_chart_is_an_svg_with_one_bar_per_version_and_second_and_a_red_bar_for_failures()
    {
        var svg = XElement.Parse(TrafficChart.Render(Rollout()));

        var bars = svg.Elements(Svg + "rect").Where(r => r.Element(Svg + "title") is not null).ToList();
        Assert.Equal(5, bars.Count);
        Assert.Contains(bars, b => b.Element(Svg + "title")!.Value == "1 秒: 失敗 1 件" && (string?)b.Attribute("fill") == "#cf222e");
        Assert.Contains("失敗 1 件", svg.Element(Svg + "title")!.Value);
        Assert.Contains("1 → 2", svg.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void The_traffic_card_says_how_many_requests_failed_in_html_and_in_text()
    {
        var html = WorkshopFormatters.ToHtml(Rollout());
        var text = WorkshopFormatters.ToText(Rollout());

        Assert.Contains("<svg", html);
        Assert.Contains("失敗 1 件", html);
        Assert.Contains("   1 秒  v1 #  v2 #  失敗 x", text);
    }
}
