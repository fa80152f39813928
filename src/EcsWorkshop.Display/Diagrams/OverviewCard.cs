using System.Text;
using EcsWorkshop.Display.Formatting;

namespace EcsWorkshop.Display.Diagrams;

/// <summary>The card of a <see cref="ClusterOverview"/>: the SVG inline in HTML, an indented tree in console text.</summary>
internal static class OverviewCard
{
    public static Card Build(ClusterOverview overview) =>
        new("diagram", "クラスターの構成図", overview.Cluster.Name, StatusBadge.For(overview.Cluster.Status),
        [
            new RenderedBlock($"<div class=\"ecsws-diagram\" style=\"{Theme.StyleFor("ecsws-diagram")}\">{ClusterDiagram.Render(overview)}</div>", Tree(overview)),
        ]);

    /// <summary>cluster → services → tasks → containers as indented lines.</summary>
    public static string Tree(ClusterOverview overview)
    {
        var text = new StringBuilder();
        var cluster = overview.Cluster;
        text.Append($"クラスター {cluster.Name}  {StatusBadge.For(cluster.Status).ToText()}\n");
        var columns = overview.Columns();
        if (columns.Length == 0) text.Append("  サービスもタスクもまだありません\n");
        foreach (var column in columns)
        {
            if (column.ServiceName is null) text.Append("  サービス外のタスク (RunTask)\n");
            else if (column.Service is { } service)
                text.Append($"  サービス {service.Name}  {StatusBadge.For(service.Status).ToText()}  希望 {service.DesiredCount} / 実行中 {service.RunningCount} / 保留中 {service.PendingCount}\n");
            else text.Append($"  サービス {column.ServiceName}\n");
            if (column.Tasks.Length == 0) text.Append("    タスクはありません\n");
            foreach (var task in column.Tasks)
            {
                text.Append($"    タスク {task.Id}  {StatusBadge.For(task.LastStatus).ToText()}");
                if (task.StopCode is not null) text.Append($"  停止コード {task.StopCode}");
                text.Append('\n');
                foreach (var container in task.Containers.OrderBy(c => c.Name, StringComparer.Ordinal))
                {
                    text.Append($"      コンテナ {container.Name}  {StatusBadge.For(container.LastStatus).ToText()}");
                    if (container.ExitCode is { } code) text.Append($"  終了コード {code}");
                    text.Append('\n');
                }
            }
        }
        return text.ToString();
    }
}
