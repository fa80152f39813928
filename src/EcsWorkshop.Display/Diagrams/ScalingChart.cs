using System.Globalization;
using System.Net;
using System.Text;

namespace EcsWorkshop.Display.Diagrams;

/// <summary>
/// The chart of a <see cref="ScalingTimeline"/> as SVG: the desired count and the running count as steps over time
/// (left axis, tasks), the CPU utilization as a line (right axis, percent) with the target value dashed.
/// </summary>
public static class ScalingChart
{
    private const int Width = 660, Height = 320, Left = 48, Right = 56, Top = 56, Bottom = 44;
    private const string DesiredColour = "#d13212", RunningColour = "#1d8102", CpuColour = "#0073bb";

    /// <summary>The chart; an empty timeline gives a chart that says so.</summary>
    public static string Render(ScalingTimeline timeline)
    {
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" ")
            .Append("font-family=\"'Noto Sans CJK JP', 'Hiragino Sans', 'Meiryo', sans-serif\" font-size=\"12\" role=\"img\">")
            .Append($"<title>{Escape($"サービス {timeline.Service} のタスクの必要数・実行中のタスク数・CPU 使用率の推移")}</title>");
        svg.Append($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>");
        svg.Append($"<text x=\"{Left}\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{Escape($"サービス {timeline.Service} のスケーリング")}</text>");
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var samples = timeline.Samples;
        var end = samples.Length == 0 ? 1 : Math.Max(1, timeline.ScalingClock(samples[^1]).TotalMinutes);
        var highest = timeline.HighestCount;
        double X(ScalingSample s) => Left + plotWidth * timeline.ScalingClock(s).TotalMinutes / end;
        double CountY(int count) => Top + plotHeight * (1 - (double)count / highest);
        double PercentY(double percent) => Top + plotHeight * (1 - Math.Min(100, Math.Max(0, percent)) / 100);

        // Axes and gridlines: tasks on the left, percent on the right, minutes along the bottom.
        for (var count = 0; count <= highest; count++)
        {
            var y = F(CountY(count));
            svg.Append($"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Left + plotWidth}\" y2=\"{y}\" stroke=\"#e9ebed\"/>");
            svg.Append($"<text x=\"{Left - 6}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\">{count}</text>");
        }
        foreach (var percent in new[] { 0, 50, 100 })
            svg.Append($"<text x=\"{Left + plotWidth + 6}\" y=\"{F(PercentY(percent))}\" dominant-baseline=\"middle\" fill=\"{CpuColour}\">{percent}%</text>");
        svg.Append($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"#879596\"/>");
        svg.Append($"<text x=\"{Left}\" y=\"{Height - 8}\">0 分</text>");
        svg.Append($"<text x=\"{Left + plotWidth}\" y=\"{Height - 8}\" text-anchor=\"end\">{Escape(Minutes(end))}</text>");
        svg.Append($"<text x=\"{Left + plotWidth / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Escape(ClockLabel(timeline))}</text>");
        svg.Append($"<text x=\"12\" y=\"{Top + plotHeight / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {Top + plotHeight / 2})\">タスク数</text>");

        if (timeline.MaxCapacity is { } max) Bound(svg, CountY(max), plotWidth, $"最大 {max}");
        if (timeline.MinCapacity is { } min) Bound(svg, CountY(min), plotWidth, $"最小 {min}");
        if (timeline.TargetValue is { } target)
        {
            var y = F(PercentY(target));
            svg.Append($"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Left + plotWidth}\" y2=\"{y}\" stroke=\"{CpuColour}\" stroke-dasharray=\"6 4\" stroke-opacity=\"0.6\"/>");
        }
        if (samples.Length == 0)
            svg.Append($"<text x=\"{Left + plotWidth / 2}\" y=\"{Top + plotHeight / 2}\" text-anchor=\"middle\">まだ観測がありません</text>");
        else
        {
            svg.Append(Steps(samples, X, s => CountY(s.RunningCount), RunningColour, "4"));
            svg.Append(Steps(samples, X, s => CountY(s.DesiredCount), DesiredColour, "2"));
            var cpu = samples.Where(s => s.CpuPercent is not null).ToList();
            if (cpu.Count > 0)
                svg.Append($"<polyline fill=\"none\" stroke=\"{CpuColour}\" stroke-width=\"1.5\" points=\"{string.Join(' ', cpu.Select(s => $"{F(X(s))},{F(PercentY(s.CpuPercent!.Value))}"))}\"/>");
        }

        // Legend.
        var legend = new List<(string Colour, string Label)> { (DesiredColour, "タスクの必要数"), (RunningColour, "実行中のタスク") };
        if (samples.Any(s => s.CpuPercent is not null)) legend.Add((CpuColour, "CPU 使用率（平均）"));
        if (timeline.TargetValue is { } t) legend.Add((CpuColour, $"ターゲット値 {t.ToString("0.#", CultureInfo.InvariantCulture)}%（破線）"));
        // The legend goes on its own line under the title; a character is counted as 11 px wide (Japanese text is about 1 em).
        var x = (double)Left;
        foreach (var (colour, label) in legend)
        {
            svg.Append($"<rect x=\"{F(x)}\" y=\"34\" width=\"12\" height=\"4\" fill=\"{colour}\"/>");
            svg.Append($"<text x=\"{F(x + 16)}\" y=\"40\" font-size=\"11\">{Escape(label)}</text>");
            x += 16 + label.Length * 11 + 10;
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The observations as a table of lines, for console text.</summary>
    public static string Table(ScalingTimeline timeline)
    {
        var text = new StringBuilder();
        text.Append($"サービス {timeline.Service} のスケーリング ({ClockLabel(timeline)})\n");
        if (timeline.Samples.Length == 0) return text.Append("  まだ観測がありません\n").ToString();
        int? lastDesired = null, lastRunning = null;
        foreach (var sample in timeline.Samples)
        {
            if (sample.DesiredCount == lastDesired && sample.RunningCount == lastRunning && !ReferenceEquals(sample, timeline.Samples[^1])) continue;
            var cpu = sample.CpuPercent is { } c ? $"  CPU {c.ToString("0", CultureInfo.InvariantCulture)}%" : "";
            text.Append($"  {Minutes(timeline.ScalingClock(sample).TotalMinutes),8}  必要数 {sample.DesiredCount}  実行中 {sample.RunningCount}{cpu}\n");
            (lastDesired, lastRunning) = (sample.DesiredCount, sample.RunningCount);
        }
        return text.ToString();
    }

    private static string ClockLabel(ScalingTimeline timeline) => timeline.ClockSpeed == 1
        ? "経過時間（分）"
        : $"経過時間（分、シミュレーターの時計: 現実の {timeline.ClockSpeed.ToString("0.#", CultureInfo.InvariantCulture)} 倍）";

    private static void Bound(StringBuilder svg, double y, int plotWidth, string label)
    {
        svg.Append($"<line x1=\"{Left}\" y1=\"{F(y)}\" x2=\"{Left + plotWidth}\" y2=\"{F(y)}\" stroke=\"#879596\" stroke-dasharray=\"2 3\"/>");
        svg.Append($"<text x=\"{Left + 4}\" y=\"{F(y - 3)}\" font-size=\"10\" fill=\"#545b64\">{Escape(label)}</text>");
    }

    private static string Steps(IReadOnlyList<ScalingSample> samples, Func<ScalingSample, double> x, Func<ScalingSample, double> y, string colour, string width)
    {
        var points = new List<string>();
        for (var i = 0; i < samples.Count; i++)
        {
            if (i > 0) points.Add($"{F(x(samples[i]))},{F(y(samples[i - 1]))}");
            points.Add($"{F(x(samples[i]))},{F(y(samples[i]))}");
        }
        return $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\" stroke-linejoin=\"round\" points=\"{string.Join(' ', points)}\"/>";
    }

    private static string Minutes(double minutes) => $"{minutes.ToString("0.#", CultureInfo.InvariantCulture)} 分";

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
