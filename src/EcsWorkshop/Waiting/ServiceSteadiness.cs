using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Waiting;

/// <summary>When a service counts as steady (as <c>aws ecs wait services-stable</c> judges), and its progress line.</summary>
internal static class ServiceSteadiness
{
    /// <summary>ACTIVE, one deployment, every desired task running and none pending.</summary>
    public static bool IsSteady(ServiceView view) =>
        view.Status == "ACTIVE" && view.Deployments.Length == 1 && view.RunningCount == view.DesiredCount && view.PendingCount == 0;

    /// <summary>The one-line Japanese summary a wait prints when it changes.</summary>
    public static string ProgressLine(ServiceView view) =>
        $"{view.Name}: 実行中 {view.RunningCount} / 希望 {view.DesiredCount} (起動中 {view.PendingCount})、デプロイ {view.Deployments.Length} 件"
        + (view.Deployments.FirstOrDefault(d => d.Status == "PRIMARY")?.RolloutState is { } state ? $"、ロールアウト {state}" : "");

    /// <summary>
    /// What the service's events say is wrong since it was last steady, as the title of its explanation
    /// (<c>　⚠ サービスがタスクを安定して起動できていません</c>), to follow the progress line; empty when nothing is.
    /// </summary>
    public static string Problem(ServiceView view) =>
        ErrorCatalogue.Default.ExplainService(view, limit: 1) is [var first] ? $"　⚠ {first.Title}" : "";
}
