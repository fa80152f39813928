using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Errors;
using EcsWorkshop.Lookups;

namespace EcsWorkshop.Waiting;

/// <summary>The Japanese errors of a wait that did not end as hoped: explained by what ECS says about the tasks.</summary>
internal sealed class WaitFailures(EcsLookups ecs)
{
    private const string ServiceStep = "サービスの定常状態待ち";
    private const string TaskStep = "タスクの状態待ち";

    /// <summary>
    /// The service did not settle in time. What the service events say is wrong since its last steady state (a deployment
    /// configuration that leaves no room, a quota, a target group), explained; when the events only say that tasks fail
    /// to start, the latest stopped task's reason (its containers' too) says more; else what it looks like now.
    /// </summary>
    public async Task<WorkshopStepException> NotSteadyAsync(string cluster, string service, ServiceView view, TimeSpan limit, CancellationToken cancellationToken)
    {
        var events = ErrorCatalogue.Default.ExplainService(view);
        if (events is [{ CauseIsInStoppedTasks: false } first, ..])
            return new WorkshopStepException(ServiceStep, first);
        var stopped = await ecs.DescribeTasksAsync(cluster, await ecs.ListTaskArnsAsync(cluster, service, cancellationToken, DesiredStatuses.Stopped).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var latest = stopped.Where(t => t.StoppedReason is not null).OrderByDescending(t => t.StoppedAt ?? DateTimeOffset.MinValue).FirstOrDefault();
        if (latest is not null)
            return new WorkshopStepException(ServiceStep, ErrorCatalogue.Default.ExplainStoppedTask(latest));
        if (events is [var any, ..])
            return new WorkshopStepException(ServiceStep, any);
        var line = ServiceSteadiness.ProgressLine(view);
        return WorkshopStepException.Workshop(ServiceStep, "ServiceNotSteady", $"サービス {service} が時間内に定常状態に達しませんでした",
            $"{limit.TotalSeconds:0} 秒待ちましたが、{line} のままです。",
            "タスクの起動に時間がかかっているか、起動しては止まっている可能性があります。",
            "`DescribeServiceAsync` でイベントを、`ListTasksAsync(stopped: true)` で止まったタスクの理由を確認してください。",
            line);
    }

    /// <summary>
    /// The task stopped while the wait was for another status: the catalogue's explanation of why (its container's reason
    /// when that says more), titled for the wait, with AWS's cause, fix and page.
    /// </summary>
    public static WorkshopStepException StoppedInstead(TaskView view, string status)
    {
        var explained = ErrorCatalogue.Default.ExplainStoppedTask(view);
        var stopped = JapaneseText.From($"停止コード `{view.StopCode}`、停止理由「{view.StoppedReason}」で止まっています。");
        return new WorkshopStepException(TaskStep, explained with
        {
            Title = JapaneseText.Plain($"タスク {view.Id} は {status} にならずに止まりました: {explained.Title}"),
            WhatHappened = new JapaneseText([.. stopped.Runs, new TextRun(" ", false), .. explained.WhatHappened.Runs]),
        });
    }

    /// <summary>The task did not reach the status in time.</summary>
    public static WorkshopStepException TimedOut(TaskView view, string status, TimeSpan limit) =>
        WorkshopStepException.Workshop(TaskStep, "WaiterTimedOut", $"タスク {view.Id} は {limit.TotalSeconds:0} 秒のうちに {status} になりませんでした",
            $"いまの状態は `{view.LastStatus}` です。", "起動や停止に時間がかかっています。",
            "もう一度待つか、`ListTasksAsync` で様子を見てください。", $"Waiter timed out: {view.Id} is {view.LastStatus}");
}
