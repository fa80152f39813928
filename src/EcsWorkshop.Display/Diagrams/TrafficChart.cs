using System.Globalization;
using System.Text;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Diagrams;

/// <summary>
/// Draws a <see cref="TrafficView"/> as an SVG bar chart: one stacked bar per second, a colour per
/// <c>APP_VERSION</c> that answered, failures in red on top. The picture depends only on the samples.
/// </summary>
public static class TrafficChart
{
    private const int Left = 48, Right = 16, Top = 36, Bottom = 44, PlotHeight = 180, LegendGap = 22;

    /// <summary>The colours versions get, in the order they first answered; failures are always red.</summary>
    private static readonly string[] Palette = ["#0969da", "#1a7f37", "#8250df", "#bf8700", "#0a7ea4"];
    private const string FailureColour = "#cf222e";

    public static string Render(TrafficView traffic)
    {
        var seconds = traffic.Seconds;
        var versions = traffic.Versions;
        var count = Math.Max(seconds.Length, 1);
        var barWidth = Math.Clamp(720 / count, 3, 24);
        var plotWidth = Math.Max(barWidth * count, 360);
        var width = Left + plotWidth + Right;
        var height = Top + PlotHeight + Bottom + LegendGap;
        var max = Math.Max(1, seconds.Select(s => s.ByVersion.Values.Sum() + s.Failures).DefaultIfEmpty(1).Max());
        var scale = (double)PlotHeight / max;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" ");
        svg.Append("font-family=\"system-ui, 'Hiragino Sans', 'Noto Sans JP', 'Yu Gothic UI', Meiryo, sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(Title(traffic))}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"20\" font-size=\"14\" font-weight=\"bold\" fill=\"#1f2328\">{E("1 秒ごとの応答数 (APP_VERSION 別)")}</text>");

        // Axes and the scale
        var baseline = Top + PlotHeight;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{baseline}\" stroke=\"#57606a\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{baseline}\" x2=\"{Left + plotWidth}\" y2=\"{baseline}\" stroke=\"#57606a\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\" fill=\"#57606a\">{max}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{baseline + 4}\" text-anchor=\"end\" fill=\"#57606a\">0</text>");
        var step = Math.Max(1, (int)Math.Ceiling(count / 10.0));
        for (var i = 0; i < seconds.Length; i += step)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + i * barWidth + barWidth / 2}\" y=\"{baseline + 16}\" text-anchor=\"middle\" fill=\"#57606a\">{seconds[i].Second}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + plotWidth / 2}\" y=\"{baseline + 32}\" text-anchor=\"middle\" fill=\"#57606a\">{E("経過時間 (秒)")}</text>");

        // Bars
        foreach (var second in seconds)
        {
            var x = Left + second.Second * barWidth;
            double y = baseline;
            foreach (var (version, answers) in second.ByVersion.OrderBy(v => versions.IndexOf(v.Key)))
                Bar(svg, x, barWidth, ref y, answers * scale, ColourOf(versions, version), $"{second.Second} 秒: APP_VERSION {version} が {answers} 件");
            if (second.Failures > 0) Bar(svg, x, barWidth, ref y, second.Failures * scale, FailureColour, $"{second.Second} 秒: 失敗 {second.Failures} 件");
        }

        // Legend
        var legendX = Left;
        var legendY = height - 12;
        foreach (var version in versions)
            legendX = Legend(svg, legendX, legendY, ColourOf(versions, version), $"APP_VERSION {version}");
        Legend(svg, legendX, legendY, FailureColour, $"失敗 ({traffic.Failures} 件)");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The chart as console text: one line per second with the answers per version.</summary>
    public static string Text(TrafficView traffic)
    {
        var text = new StringBuilder();
        text.Append(Title(traffic)).Append('\n');
        foreach (var second in traffic.Seconds)
        {
            text.Append(CultureInfo.InvariantCulture, $"{second.Second,4} 秒  ");
            text.Append(string.Join("  ", second.ByVersion.Select(v => $"v{v.Key} {new string('#', v.Value)}")));
            if (second.Failures > 0) text.Append(CultureInfo.InvariantCulture, $"  失敗 {new string('x', second.Failures)}");
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Title(TrafficView traffic) =>
        $"{traffic.Url} へのリクエスト {traffic.Total} 件 (失敗 {traffic.Failures} 件)、答えたバージョン: {string.Join(" → ", traffic.Versions)}";

    private static string ColourOf(System.Collections.Immutable.ImmutableArray<string> versions, string version) =>
        Palette[Math.Max(0, versions.IndexOf(version)) % Palette.Length];

    private static void Bar(StringBuilder svg, int x, int width, ref double y, double height, string colour, string title)
    {
        y -= height;
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{x + 1}\" y=\"{y:0.##}\" width=\"{Math.Max(width - 2, 1)}\" height=\"{height:0.##}\" fill=\"{colour}\"><title>{E(title)}</title></rect>");
    }

    private static int Legend(StringBuilder svg, int x, int y, string colour, string label)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y - 10}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 16}\" y=\"{y}\" fill=\"#1f2328\">{E(label)}</text>");
        return x + 16 + TextWidth.Of(label) * 7 + 18;
    }

    private static string E(string text) => System.Security.SecurityElement.Escape(text) ?? "";
}
