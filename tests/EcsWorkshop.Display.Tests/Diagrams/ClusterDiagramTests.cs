using System.Xml.Linq;
using EcsWorkshop.Display.Diagrams;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Tests.Support;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Tests.Diagrams;

public class ClusterDiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Parse(ClusterOverview overview) => XElement.Parse(ClusterDiagram.Render(overview));

    private static IEnumerable<XElement> Groups(XElement svg, string cssClass) =>
        svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == cssClass);

    [Fact]
    public void The_diagram_is_a_standalone_svg_with_a_viewbox_and_an_accessible_name()
    {
        var svg = Parse(Samples.Overview());

        Assert.Equal(Svg + "svg", svg.Name);
        var viewBox = ((string)svg.Attribute("viewBox")!).Split(' ').Select(int.Parse).ToArray();
        Assert.Equal([0, 0], viewBox[..2]);
        Assert.True(viewBox[2] > 0 && viewBox[3] > 0);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("クラスター fargate-cluster の構成図: サービス 2、タスク 4", svg.Element(Svg + "title")!.Value);
        Assert.Contains("サービス web: タスク 01c0ffee00112233445566778899aabb は実行中", svg.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void There_is_a_box_per_task_placed_under_its_service()
    {
        var svg = Parse(Samples.Overview());

        Assert.Equal(4, Groups(svg, "task").Count());
        var web = Groups(svg, "service").Single(g => (string?)g.Attribute("data-name") == "web");
        Assert.Equal(["01c0ffee00112233445566778899aabb", "02c0ffee00112233445566778899aabb"],
            Groups(web, "task").Select(t => (string)t.Attribute("data-task-id")!));
        var standalone = Groups(svg, "standalone").Single();
        Assert.Equal("STOPPED", (string?)Groups(standalone, "task").Single().Attribute("data-status"));
    }

    [Fact]
    public void Services_come_in_name_order_with_their_counts_in_Japanese()
    {
        var svg = Parse(Samples.Overview());

        Assert.Equal(["api", "web"], Groups(svg, "service").Select(g => (string)g.Attribute("data-name")!));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("サービス web", texts);
        Assert.Contains("希望 2 / 実行中 1 / 保留中 1", texts);
        Assert.Contains("クラスター fargate-cluster", texts);
    }

    [Fact]
    public void Task_boxes_are_coloured_by_status()
    {
        var svg = Parse(Samples.Overview());

        string Fill(string id) => (string)Groups(svg, "task").Single(t => (string)t.Attribute("data-task-id")! == id).Element(Svg + "rect")!.Attribute("fill")!;
        Assert.Equal("#dafbe1", Fill(Samples.TaskId(1)));
        Assert.Equal("#ddf4ff", Fill(Samples.TaskId(2)));
        Assert.Equal("#ffebe9", Fill(Samples.TaskId(4)));
    }

    [Fact]
    public void A_task_stopped_by_the_user_is_grey_and_one_whose_container_failed_is_red()
    {
        var byUser = Samples.StoppedTask(5) with { StopCode = "UserInitiated", StoppedReason = "Task stopped by user" };
        var svg = Parse(Samples.Overview() with { Tasks = [byUser, Samples.StoppedTask(6)] });

        var tasks = Groups(svg, "task").ToList();
        Assert.Equal("#f6f8fa", (string?)tasks[0].Element(Svg + "rect")!.Attribute("fill"));
        Assert.Equal("#ffebe9", (string?)tasks[1].Element(Svg + "rect")!.Attribute("fill"));
        Assert.Equal("#cf222e", (string?)Groups(tasks[1], "container").Single().Element(Svg + "circle")!.Attribute("fill"));
    }

    [Fact]
    public void Containers_are_drawn_inside_their_task()
    {
        var task = Samples.Task(7, "RUNNING", "web",
            new TaskContainerView { Name = "web", LastStatus = "RUNNING" },
            new TaskContainerView { Name = "log-router", LastStatus = "STOPPED", ExitCode = 0 });
        var svg = Parse(Samples.Overview() with { Tasks = [task] });

        var containers = Groups(Groups(svg, "task").Single(), "container").ToList();
        Assert.Equal(["log-router", "web"], containers.Select(c => (string)c.Attribute("data-name")!));
        Assert.Contains("(終了コード 0)", containers[0].Value);
    }

    [Fact]
    public void The_same_state_always_gives_the_same_picture()
    {
        var overview = Samples.Overview();
        var shuffled = overview with { Services = [.. overview.Services.Reverse()], Tasks = [.. overview.Tasks.Reverse()] };

        Assert.Equal(ClusterDiagram.Render(overview), ClusterDiagram.Render(shuffled));
    }

    [Fact]
    public void Names_are_xml_encoded()
    {
        var overview = new ClusterOverview
        {
            Cluster = Samples.Cluster("<c&d>"),
            Services = [Samples.Service("<script>")],
            Tasks = [Samples.Task(1, "RUNNING", "<script>", new TaskContainerView { Name = "</text><script>x</script>", LastStatus = "RUNNING" })],
        };

        var svg = Parse(overview);

        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.Empty(svg.Descendants("script"));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "クラスター <c&d>");
        Assert.Equal("</text><script>x</script>", (string?)Groups(svg, "container").Single().Attribute("data-name"));
    }

    [Fact]
    public void An_empty_cluster_says_so()
    {
        var svg = Parse(new ClusterOverview { Cluster = Samples.Cluster() with { RunningTasksCount = 0, PendingTasksCount = 0, ActiveServicesCount = 0 } });

        Assert.Empty(Groups(svg, "task"));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "サービスもタスクもまだありません");
    }

    [Fact]
    public void Tasks_of_a_service_that_was_not_described_get_their_own_column()
    {
        var svg = Parse(new ClusterOverview { Cluster = Samples.Cluster(), Tasks = [Samples.Task(1, "RUNNING", "worker")] });

        Assert.Equal("worker", (string?)Groups(svg, "service").Single().Attribute("data-name"));
    }

    [Fact]
    public void The_html_formatter_inlines_the_svg()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.Overview()));

        var svg = html.QuerySelector("section.ecsws-diagram .ecsws-diagram svg")!;
        Assert.Equal(4, svg.QuerySelectorAll("g.task").Length);
        Assert.NotNull(svg.GetAttribute("viewBox"));
    }

    [Fact]
    public void The_text_formatter_draws_an_indented_tree()
    {
        var text = WorkshopFormatters.ToText(Samples.Overview());

        Assert.Contains(
            "    サービス web  ACTIVE (アクティブ)  希望 2 / 実行中 1 / 保留中 1\n" +
            "      タスク 01c0ffee00112233445566778899aabb  RUNNING (実行中)\n" +
            "        コンテナ web  RUNNING (実行中)\n", text);
        Assert.Contains("    サービス外のタスク (RunTask)\n      タスク 04c0ffee00112233445566778899aabb  STOPPED (停止)  停止コード EssentialContainerExited\n", text);
    }
}
