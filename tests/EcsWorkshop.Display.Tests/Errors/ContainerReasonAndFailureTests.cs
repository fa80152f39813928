using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Tests.Errors;

/// <summary>A stopped task is explained by its containers' reasons when the task's own says less; failures[] reasons are explained by API action.</summary>
public class ContainerReasonAndFailureTests
{
    private static readonly ErrorCatalogue Catalogue = ErrorCatalogue.Default;

    private static TaskView Stopped(string stopCode, string reason, params TaskContainerView[] containers) => new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        LastStatus = "STOPPED",
        DesiredStatus = "STOPPED",
        StopCode = stopCode,
        StoppedReason = reason,
        Containers = [.. containers],
    };

    [Fact]
    public void An_OOM_killed_container_explains_a_task_that_only_says_an_essential_container_exited()
    {
        var task = Stopped("EssentialContainerExited", "Essential container in task exited",
            new TaskContainerView { Name = "sidecar", LastStatus = "STOPPED", ExitCode = 0 },
            new TaskContainerView { Name = "app", LastStatus = "STOPPED", ExitCode = 137, Reason = "OutOfMemoryError: Container killed due to memory usage" });

        var explained = Catalogue.ExplainStoppedTask(task);

        Assert.Equal("stop-out-of-memory", explained.EntryId);
        Assert.Equal("app", explained.Container);
        Assert.Equal("EssentialContainerExited", explained.Code);
        Assert.Equal("OutOfMemoryError: Container killed due to memory usage", explained.Message);
    }

    [Fact]
    public void A_container_that_exited_with_a_reason_no_entry_knows_leaves_the_task_s_own_explanation()
    {
        var task = Stopped("EssentialContainerExited", "Essential container in task exited",
            new TaskContainerView { Name = "app", LastStatus = "STOPPED", ExitCode = 1, Reason = "something only the app knows" });

        Assert.Equal("stop-essential-exited", Catalogue.ExplainStoppedTask(task).EntryId);
        Assert.Null(Catalogue.ExplainStoppedTask(task).Container);
    }

    [Fact]
    public void A_specific_task_reason_wins_over_a_container_reason()
    {
        var task = Stopped("TaskFailedToStart", "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref web:v9: not found",
            new TaskContainerView { Name = "app", LastStatus = "STOPPED", Reason = "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref web:v9: not found" });

        Assert.Null(Catalogue.ExplainStoppedTask(task).Container);
        Assert.Equal("stop-image-pull", Catalogue.ExplainStoppedTask(task).EntryId);
    }

    [Fact]
    public void A_reason_found_by_its_text_wins_over_the_stop_code_s_catch_all()
    {
        Assert.Equal("stop-maintenance", Catalogue.ExplainStoppedTask("ServiceSchedulerInitiated", "ECS is performing maintenance on the underlying infrastructure hosting the task").EntryId);
        Assert.Equal("stop-out-of-memory", Catalogue.ExplainStoppedTask("SomeNewStopCode", "OutOfMemoryError: Container killed due to memory usage").EntryId);
    }

    [Fact]
    public void The_same_failure_reason_means_what_its_API_action_says()
    {
        Assert.Equal("failure-missing", Catalogue.ExplainFailure("DescribeClusters", "MISSING").EntryId);
        Assert.Equal("failure-resource", Catalogue.ExplainFailure("RunTask", "RESOURCE:MEMORY").EntryId);
        Assert.Equal("failure-agent", Catalogue.ExplainFailure("StartTask", "AGENT").EntryId);
    }

    [Fact]
    public void A_failure_is_shown_with_its_arn_reason_and_detail()
    {
        var explained = Catalogue.ExplainFailure("RunTask", "RESOURCE:CPU", "more cpu", "arn:aws:ecs:ap-northeast-1:123456789012:container-instance/c1");

        Assert.Equal("RESOURCE:CPU", explained.Code);
        Assert.Equal("arn:aws:ecs:ap-northeast-1:123456789012:container-instance/c1: RESOURCE:CPU more cpu", explained.Message);
        Assert.Equal(ErrorSource.Failure, explained.Source);
    }

    [Fact]
    public void An_unknown_failure_reason_falls_back_to_a_failures_explanation_that_keeps_the_reason()
    {
        var explained = Catalogue.ExplainFailure("RunTask", "SOMETHING_NEW");

        Assert.True(explained.IsFallback);
        Assert.Equal(ErrorSource.Failure, explained.Source);
        Assert.Equal("SOMETHING_NEW", explained.Message);
        Assert.Contains("`RunTask`", explained.Title.ToString());
    }
}
