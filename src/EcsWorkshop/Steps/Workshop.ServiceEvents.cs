using System.Collections.Immutable;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>
    /// Step: what the service's events say is wrong since it was last steady (<c>unable to place a task</c>, <c>deployment
    /// failed: tasks failed to start</c>, a circuit-breaker rollback, <c>is unhealthy in target-group</c> …), explained in
    /// Japanese with AWS's cause, fix and page; empty when nothing is wrong.
    /// </summary>
    public Task<StepResult<ImmutableArray<ErrorExplanation>>> ExplainServiceEventsAsync(string service, string cluster = DefaultCluster,
        CancellationToken cancellationToken = default) =>
        Step("サービスイベントの説明", async () =>
        {
            var view = Views.Of(await _ecs.FindServiceAsync(cluster, service, cancellationToken).ConfigureAwait(false));
            var explained = ErrorCatalogue.Default.ExplainService(view);
            return _results.Of($"サービス {service} のイベントの説明", explained,
                AwsCliCommand.For("ecs", "describe-services").With("cluster", cluster).With("services", service),
                explained.IsEmpty
                    ? "前回の定常状態のあとに、説明の要るイベントはありません。"
                    : "イベントは新しい順です。原因がタスクにあるときは `ListTasksAsync(stopped: true)` と `ExplainStoppedTaskAsync` で止まったタスクを確かめてください。",
                ExplanationTopic.Service);
        });
}
