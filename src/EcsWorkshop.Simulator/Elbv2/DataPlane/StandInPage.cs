using System.Net;

namespace EcsWorkshop.Simulator.Elbv2.DataPlane;

/// <summary>
/// The page a listener answers for a healthy target when the simulated runtime runs no container: which task
/// answered, its task definition revision and APP_VERSION, clearly marked as the simulator's stand-in.
/// </summary>
public static class StandInPage
{
    /// <summary>The header that marks the answer as the stand-in (its value is the task id).</summary>
    public const string Header = "X-Workshop-Stand-In";

    public static string Html(TargetAddress.StandIn target) =>
        $"""
        <!doctype html>
        <html lang="ja"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(target.TaskDefinition)}</title></head>
        <body>
        <p><strong>シミュレーターの代理ページ</strong> (simulator stand-in): シミュレーションのランタイムではコンテナは動かないので、ロードバランサーが選んだタスクの代わりにシミュレーターが答えています。</p>
        <dl>
        <dt>task</dt><dd id="task">{WebUtility.HtmlEncode(target.TaskId)}</dd>
        <dt>task definition</dt><dd id="task-definition">{WebUtility.HtmlEncode(target.TaskDefinition)}</dd>
        <dt>APP_VERSION</dt><dd id="app-version">{WebUtility.HtmlEncode(target.AppVersion ?? "(not set)")}</dd>
        </dl>
        </body></html>
        """;
}
