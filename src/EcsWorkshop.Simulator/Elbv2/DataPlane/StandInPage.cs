using System.Net;
using EcsWorkshop.Simulator.Elbv2.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace EcsWorkshop.Simulator.Elbv2.DataPlane;

/// <summary>
/// What a listener answers for a target when the simulated runtime runs no container, clearly marked as the
/// simulator's stand-in: where the task's web server would answer 200, a page naming which task answered, its task
/// definition revision and APP_VERSION; where it would answer otherwise (a path its image lacks), that status with
/// a page like BusyBox httpd's; where nothing listens, the ALB's 502.
/// </summary>
public static class StandInPage
{
    /// <summary>The header that marks the answer as the stand-in (its value is the task id).</summary>
    public const string Header = "X-Workshop-Stand-In";

    /// <summary>Writes the stand-in's answer for <paramref name="target"/>.</summary>
    public static async Task WriteAsync(HttpContext http, TargetAddress.StandIn target, SimulatedAnswer answer)
    {
        http.Response.Headers[Header] = target.TaskId;
        http.Response.ContentType = "text/html; charset=utf-8";
        switch (answer.StatusCode)
        {
            case 200:
                await http.Response.WriteAsync(Html(target), http.RequestAborted).ConfigureAwait(false);
                return;
            case null:
                http.Response.StatusCode = StatusCodes.Status502BadGateway;
                await http.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>", http.RequestAborted).ConfigureAwait(false);
                return;
            case 302:
                http.Response.StatusCode = StatusCodes.Status302Found;
                http.Response.Headers.Location = http.Request.Path.ToUriComponent() + "/";
                await http.Response.WriteAsync("<HTML><HEAD><TITLE>302 Found</TITLE></HEAD><BODY><H1>302 Found</H1></BODY></HTML>\n", http.RequestAborted).ConfigureAwait(false);
                return;
            case var code:
                http.Response.StatusCode = code.Value;
                var title = $"{code.Value} {ReasonPhrases.GetReasonPhrase(code.Value)}";
                var detail = code.Value == 404 ? "The requested URL was not found\n" : "";
                await http.Response.WriteAsync($"<HTML><HEAD><TITLE>{title}</TITLE></HEAD>\n<BODY><H1>{title}</H1>\n{detail}</BODY></HTML>\n",
                    http.RequestAborted).ConfigureAwait(false);
                return;
        }
    }

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
