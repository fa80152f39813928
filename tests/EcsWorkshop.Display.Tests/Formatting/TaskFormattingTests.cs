using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Tests.Support;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Tests.Formatting;

public class TaskFormattingTests
{
    [Fact]
    public void Task_is_titled_by_its_id_with_its_last_status()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.Task(1, "PENDING")));

        Assert.Equal("01c0ffee00112233445566778899aabb", html.QuerySelector("h4 .ecsws-name")!.TextContent);
        var badge = html.Field("最終ステータス").QuerySelector(".ecsws-badge")!;
        Assert.Contains("ecsws-badge-progress", badge.ClassList);
        Assert.Equal("PENDING 保留中", badge.TextContent);
        Assert.Equal("RUNNING 実行中", html.Field("目的のステータス").TextContent);
        Assert.Equal("10.0.1.23", html.Field("プライベート IP").TextContent);
        Assert.Equal("sample-fargate:3", html.Field("タスク定義").TextContent);
    }

    [Fact]
    public void A_stopped_task_shows_stop_code_reason_and_the_catalogue_explanation()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.StoppedTask()));

        Assert.Contains("ecsws-badge-bad", html.Field("停止コード").QuerySelector(".ecsws-badge")!.ClassList);
        Assert.Equal("Essential container in task exited", html.Field("停止理由").TextContent);
        Assert.Equal("2026/11/29 13:07:06", html.Field("停止日時").TextContent);
        var notes = html.QuerySelectorAll(".ecsws-note").Select(n => n.TextContent).ToList();
        Assert.Contains(notes, n => n.StartsWith("止まった理由必須コンテナが終了しました", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("exitCode", StringComparison.Ordinal));
    }

    [Fact]
    public void A_task_stopped_by_the_user_has_no_problem_note()
    {
        var task = Samples.StoppedTask() with { StopCode = "UserInitiated", StoppedReason = "Task stopped by user" };

        var html = Html.Parse(WorkshopFormatters.ToHtml(task));

        Assert.Empty(html.QuerySelectorAll(".ecsws-note-problem"));
        Assert.Contains("ecsws-badge-neutral", html.Field("停止コード").QuerySelector(".ecsws-badge")!.ClassList);
    }

    [Fact]
    public void Containers_table_shows_status_exit_code_digest_and_reason()
    {
        var digest = "sha256:" + new string('c', 64);
        var task = Samples.Task(5, "STOPPED", null,
            new TaskContainerView { Name = "web", LastStatus = "STOPPED", ExitCode = 137, Image = "nginx:1.27", ImageDigest = digest, HealthStatus = "UNHEALTHY", Reason = "OutOfMemoryError: Container killed due to memory usage" });

        var rows = Html.Parse(WorkshopFormatters.ToHtml(task)).Table("コンテナ").Rows();

        Assert.Equal("web", rows[0][0].TextContent);
        Assert.Contains("ecsws-badge-neutral", rows[0][1].QuerySelector(".ecsws-badge")!.ClassList);
        Assert.Equal("137", rows[0][2].TextContent);
        Assert.Equal(digest, rows[0][4].TextContent);
        Assert.Contains("ecsws-badge-bad", rows[0][5].QuerySelector(".ecsws-badge")!.ClassList);
        Assert.Equal("OutOfMemoryError: Container killed due to memory usage", rows[0][6].TextContent);
    }

    [Fact]
    public void Task_timestamps_are_in_Japan_time_in_text_too()
    {
        var text = WorkshopFormatters.ToText(Samples.StoppedTask());

        Assert.Contains("  作成日時         : 2026/11/29 13:05:06\n", text);
        Assert.Contains("  停止日時         : 2026/11/29 13:07:06\n", text);
        Assert.Contains("  停止コード       : EssentialContainerExited (必須コンテナが終了)\n", text);
    }

    [Fact]
    public void Task_id_is_the_last_part_of_its_arn()
    {
        Assert.Equal("0123456789abcdef0123456789abcdef", TaskView.IdFromArn("arn:aws:ecs:ap-northeast-1:123456789012:task/fargate-cluster/0123456789abcdef0123456789abcdef"));
        Assert.Equal("web", (Samples.Task() with { Group = "service:web" }).ServiceName);
        Assert.Null((Samples.Task() with { Group = "family:web" }).ServiceName);
    }
}
