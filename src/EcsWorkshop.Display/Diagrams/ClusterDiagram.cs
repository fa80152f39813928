using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Facts.Arns;

namespace EcsWorkshop.Display.Diagrams;

/// <summary>
/// Draws a <see cref="ClusterOverview"/> as a standalone SVG: the cluster box, a column per service with its
/// counts, a box per task coloured by its status, and a line per container. The layout depends only on the
/// data (services by name, tasks by id), so the same state always gives the same picture. All text is
/// XML-encoded.
/// </summary>
public static class ClusterDiagram
{
    private const int Margin = 12, Padding = 12, ColumnWidth = 270, ColumnGap = 14;
    private const int ClusterHeader = 58, ColumnHeader = 62, TaskHeader = 40, ContainerLine = 20, TaskGap = 10, LegendHeight = 30;
    private const int FontSize = 13, SmallFontSize = 11;

    /// <summary>The SVG document (an <c>&lt;svg&gt;</c> element with <c>xmlns</c> and <c>viewBox</c>).</summary>
    public static string Render(ClusterOverview overview)
    {
        var columns = overview.Columns();
        var id = "ecsws-diagram-" + StableId(overview);
        var columnHeights = columns.Select(ColumnHeight).ToList();
        var contentHeight = columns.Length == 0 ? 40 : columnHeights.Max();
        var innerWidth = Math.Max(columns.Length * (ColumnWidth + ColumnGap) - ColumnGap, 420);
        var clusterWidth = innerWidth + 2 * Padding;
        var clusterHeight = ClusterHeader + contentHeight + Padding;
        var width = clusterWidth + 2 * Margin;
        var height = clusterHeight + 2 * Margin + LegendHeight;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" ");
        svg.Append(CultureInfo.InvariantCulture,
            $"role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"system-ui, 'Hiragino Sans', 'Noto Sans JP', 'Yu Gothic UI', Meiryo, sans-serif\" font-size=\"{FontSize}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(Title(overview))}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{E(Description(overview, columns))}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");

        // The cluster
        var cluster = overview.Cluster;
        var clusterBadge = StatusBadge.For(cluster.Status);
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"cluster\" data-name=\"{E(cluster.Name)}\">");
        Box(svg, Margin, Margin, clusterWidth, clusterHeight, "#f6f8fa", "#57606a", rx: 10, strokeWidth: 1.5);
        Text(svg, Margin + Padding, Margin + 22, $"クラスター {TextWidth.Truncate(cluster.Name, 48)}", FontSize + 2, "#1f2328", bold: true);
        Badge(svg, clusterWidth + Margin - Padding, Margin + 8, clusterBadge);
        Text(svg, Margin + Padding, Margin + 44,
            $"サービス {JapaneseFormat.Number(cluster.ActiveServicesCount)}  ・  実行中のタスク {JapaneseFormat.Number(cluster.RunningTasksCount)}  ・  保留中のタスク {JapaneseFormat.Number(cluster.PendingTasksCount)}",
            SmallFontSize, "#57606a");
        svg.Append("</g>");

        if (columns.Length == 0)
            Text(svg, Margin + Padding, Margin + ClusterHeader + 22, "サービスもタスクもまだありません", FontSize, "#57606a");

        for (var i = 0; i < columns.Length; i++)
            Column(svg, columns[i], Margin + Padding + i * (ColumnWidth + ColumnGap), Margin + ClusterHeader, columnHeights[i]);

        Legend(svg, Margin, height - LegendHeight + 6);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static int ColumnHeight(OverviewColumn column) =>
        ColumnHeader + column.Tasks.Sum(t => TaskHeight(t) + TaskGap) + (column.Tasks.Length == 0 ? 28 : 0) + 4;

    private static int TaskHeight(TaskView task) => TaskHeader + Math.Max(task.Containers.Length, 0) * ContainerLine + 6;

    private static void Column(StringBuilder svg, OverviewColumn column, int x, int y, int height)
    {
        var service = column.Service;
        var isService = column.ServiceName is not null;
        svg.Append(CultureInfo.InvariantCulture,
            $"<g class=\"{(isService ? "service" : "standalone")}\" data-name=\"{E(column.ServiceName ?? "")}\">");
        Box(svg, x, y, ColumnWidth, height, "#ffffff", isService ? "#0969da" : "#8c959f", rx: 8, strokeWidth: 1.2,
            dashed: !isService || service is null);
        var title = isService ? $"サービス {TextWidth.Truncate(column.ServiceName!, 26)}" : "サービス外のタスク (RunTask)";
        Text(svg, x + 10, y + 20, title, FontSize, "#0b3d91", bold: true);
        if (service is not null)
        {
            Badge(svg, x + ColumnWidth - 10, y + 7, StatusBadge.For(service.Status));
            Text(svg, x + 10, y + 42,
                $"希望 {JapaneseFormat.Number(service.DesiredCount)} / 実行中 {JapaneseFormat.Number(service.RunningCount)} / 保留中 {JapaneseFormat.Number(service.PendingCount)}",
                SmallFontSize, "#1f2328");
            Text(svg, x + 10, y + 56, $"タスク定義 {TextWidth.Truncate(ShortDefinition(service.TaskDefinition), 30)}", SmallFontSize, "#57606a");
        }
        else
        {
            Text(svg, x + 10, y + 42, $"タスク {JapaneseFormat.Number(column.Tasks.Length)}", SmallFontSize, "#1f2328");
        }

        var top = y + ColumnHeader;
        if (column.Tasks.Length == 0) Text(svg, x + 10, top + 16, "タスクはありません", SmallFontSize, "#57606a");
        foreach (var task in column.Tasks)
        {
            Task(svg, task, x + 10, top, ColumnWidth - 20);
            top += TaskHeight(task) + TaskGap;
        }
        svg.Append("</g>");
    }

    private static void Task(StringBuilder svg, TaskView task, int x, int y, int width)
    {
        var badge = StatusBadge.For(task.LastStatus);
        var (fill, stroke, _) = Colours(task.StopCode is "TaskFailedToStart" or "EssentialContainerExited" ? StatusKind.Bad : badge.Kind);
        svg.Append(CultureInfo.InvariantCulture,
            $"<g class=\"task\" data-task-id=\"{E(task.Id)}\" data-status=\"{E(task.LastStatus)}\">");
        Box(svg, x, y, width, TaskHeight(task), fill, stroke, rx: 6, strokeWidth: 1.2);
        Text(svg, x + 8, y + 17, $"タスク {TextWidth.Truncate(task.Id, 12)}", FontSize - 1, "#1f2328", bold: true, monospace: true);
        Badge(svg, x + width - 6, y + 4, badge);
        var detail = task.StopCode is null
            ? $"希望: {task.DesiredStatus}"
            : $"停止コード: {task.StopCode}";
        Text(svg, x + 8, y + 33, TextWidth.Truncate(detail, 40), SmallFontSize - 1, "#57606a");
        var line = y + TaskHeader;
        foreach (var container in task.Containers.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var containerBadge = StatusBadge.For(container.LastStatus);
            var (_, dot, _) = Colours(container.ExitCode is > 0 ? StatusKind.Bad : containerBadge.Kind);
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"container\" data-name=\"{E(container.Name)}\" data-status=\"{E(container.LastStatus)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x + 14}\" cy=\"{line + 9}\" r=\"5\" fill=\"{dot}\"/>");
            var exit = container.ExitCode is { } code ? $" (終了コード {code.ToString(CultureInfo.InvariantCulture)})" : "";
            Text(svg, x + 24, line + 13,
                $"{TextWidth.Truncate(container.Name, 18)}  {containerBadge.Japanese ?? container.LastStatus}{exit}", SmallFontSize, "#1f2328");
            svg.Append("</g>");
            line += ContainerLine;
        }
        svg.Append("</g>");
    }

    private static void Legend(StringBuilder svg, int x, int y)
    {
        svg.Append("<g class=\"legend\">");
        (StatusKind Kind, string Label)[] items =
            [(StatusKind.Good, "実行中・正常"), (StatusKind.Progress, "起動中・停止処理中"), (StatusKind.Warning, "注意"), (StatusKind.Bad, "失敗"), (StatusKind.Neutral, "停止・非アクティブ")];
        var left = x;
        foreach (var (kind, label) in items)
        {
            var (fill, stroke, _) = Colours(kind);
            Box(svg, left, y, 14, 14, fill, stroke, rx: 3, strokeWidth: 1);
            Text(svg, left + 19, y + 12, label, SmallFontSize, "#424a53");
            left += 32 + (int)Math.Ceiling(EstimateWidth(label, SmallFontSize));
        }
        svg.Append("</g>");
    }

    private static void Badge(StringBuilder svg, int right, int y, StatusBadge badge)
    {
        var (fill, stroke, text) = Colours(badge.Kind);
        var label = badge.Japanese is null ? badge.Value : $"{badge.Value} {badge.Japanese}";
        var width = 14 + EstimateWidth(label, SmallFontSize, bold: true);
        var x = right - width;
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect class=\"badge\" x=\"{x:0.#}\" y=\"{y}\" width=\"{width:0.#}\" height=\"18\" rx=\"9\" fill=\"{fill}\" stroke=\"{stroke}\"/>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{x + 6:0.#}\" y=\"{y + 13}\" font-size=\"{SmallFontSize}\" fill=\"{text}\" font-weight=\"600\">{E(label)}</text>");
    }

    private static void Box(StringBuilder svg, double x, double y, double width, double height, string fill, string stroke,
        int rx, double strokeWidth, bool dashed = false) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{width:0.#}\" height=\"{height:0.#}\" rx=\"{rx}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{strokeWidth:0.#}\"{(dashed ? " stroke-dasharray=\"5 3\"" : "")}/>");

    private static void Text(StringBuilder svg, int x, int y, string text, int size, string fill, bool bold = false, bool monospace = false) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" fill=\"{fill}\"{(bold ? " font-weight=\"600\"" : "")}{(monospace ? " font-family=\"ui-monospace, Menlo, Consolas, monospace\"" : "")}>{E(text)}</text>");

    private static (string Fill, string Stroke, string Text) Colours(StatusKind kind) => kind switch
    {
        StatusKind.Good => ("#dafbe1", "#1a7f37", "#116329"),
        StatusKind.Progress => ("#ddf4ff", "#0969da", "#0a3069"),
        StatusKind.Warning => ("#fff8c5", "#9a6700", "#6c4400"),
        StatusKind.Bad => ("#ffebe9", "#cf222e", "#a40e26"),
        _ => ("#f6f8fa", "#6e7781", "#424a53"),
    };

    /// <summary>About how wide a text is drawn: wide (CJK) characters one em, Latin letters about 0.62 em (0.7 bold).</summary>
    private static double EstimateWidth(string text, int size, bool bold = false) =>
        text.EnumerateRunes().Sum(r => TextWidth.Of(r) == 2 ? size : size * (bold ? 0.7 : 0.62));

    private static string Title(ClusterOverview overview)
    {
        var columns = overview.Columns();
        return $"クラスター {overview.Cluster.Name} の構成図: サービス {columns.Count(c => c.ServiceName is not null)}、タスク {overview.Tasks.Length}";
    }

    private static string Description(ClusterOverview overview, IReadOnlyList<OverviewColumn> columns)
    {
        var parts = new List<string>();
        foreach (var column in columns)
        {
            var name = column.ServiceName is null ? "サービス外のタスク" : $"サービス {column.ServiceName}";
            var tasks = column.Tasks.Select(t => $"タスク {t.Id} は{StatusBadge.For(t.LastStatus).Japanese ?? t.LastStatus}");
            parts.Add(column.Tasks.Length == 0 ? $"{name}: タスクなし" : $"{name}: {string.Join("、", tasks)}");
        }
        return parts.Count == 0 ? $"クラスター {overview.Cluster.Name} にはサービスもタスクもありません。" : string.Join("。", parts) + "。";
    }

    private static string ShortDefinition(string? reference) => reference is null ? "-" : Arn.NameOf(reference);

    private static string StableId(ClusterOverview overview)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(overview.Cluster.Arn + "|" + overview.Cluster.Name));
        return Convert.ToHexStringLower(hash)[..10];
    }

    private static string E(string text) => HtmlWriter.Encode(text);
}
