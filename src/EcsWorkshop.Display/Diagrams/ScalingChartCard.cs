using EcsWorkshop.Display.Formatting;

namespace EcsWorkshop.Display.Diagrams;

/// <summary>The card of a <see cref="ScalingTimeline"/>: the SVG chart inline in HTML, a table of changes in console text.</summary>
internal static class ScalingChartCard
{
    public static Card Build(ScalingTimeline timeline) =>
        new("diagram", "スケーリングのグラフ", timeline.Service, null,
        [
            new RenderedBlock($"<div class=\"ecsws-diagram\" style=\"{Theme.StyleFor("ecsws-diagram")}\">{ScalingChart.Render(timeline)}</div>", ScalingChart.Table(timeline)),
        ]);
}
