using System.Globalization;
using System.Text;
using EcsWorkshop.Classroom.Activity;
using EcsWorkshop.Classroom.Resources;
using EcsWorkshop.Display.Formatting;
using static System.Net.WebUtility;

namespace EcsWorkshop.Classroom.Dashboard;

/// <summary>
/// The dashboard as HTML, in Japanese, for a projector: large high-contrast type, 30 learners fit a 1280×720 screen,
/// stuck learners first and marked. Everything is inline (no CDN, no external file); the page's script follows the
/// live stream and swaps the summary and the rows in place, without reloading.
/// </summary>
public static class DashboardPage
{
    /// <summary>The text of the 401 page (and JSON message) for a request without the host token.</summary>
    public const string UnauthorizedMessage =
        "このページは主催者用です。`workshop serve --classroom` が起動時に表示した「host token:」の値を付けて開いてください: " +
        "/_workshop/classroom?token=トークン (または HTTP ヘッダー Authorization: Bearer トークン)。";

    /// <summary>The whole page, with the view at its first moment already in it.</summary>
    public static string Render(ClassroomView view, string eventsPath)
    {
        var (summary, rows) = Parts(view);
        return $$"""
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>教室ダッシュボード — EcsWorkshop</title>
            <style>{{Style}}</style>
            </head>
            <body data-updates="0">
            <header><h1>教室ダッシュボード</h1><span id="live" class="live">接続中…</span><span id="updated" class="updated">{{Clock(view.At)}} 更新</span></header>
            <p id="summary" class="summary">{{summary}}</p>
            <table>
            <colgroup><col class="c-name"><col class="c-lesson"><col class="c-checks"><col class="c-res"><col class="c-error"><col class="c-state"></colgroup>
            <thead><tr><th>参加者</th><th>レッスン</th><th>セルフチェック</th><th>実行中のリソース</th><th>最後のエラー</th><th>状態</th></tr></thead>
            <tbody id="rows">{{rows}}</tbody>
            </table>
            <script>{{Script(eventsPath)}}</script>
            </body>
            </html>
            """;
    }

    /// <summary>The summary line's and the table body's HTML, as the live stream sends them.</summary>
    public static (string Summary, string Rows) Parts(ClassroomView view) => (Summary(view.Summary), Rows(view));

    /// <summary>The clock time of <paramref name="at"/> as the page shows it (UTC, HH:mm:ss).</summary>
    public static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static string Summary(ClassroomSummary summary)
    {
        var text = new StringBuilder();
        text.Append($"<span class=\"s-total\">参加者 <b>{summary.Learners}</b> 人</span>");
        text.Append($"<span class=\"s-stuck{(summary.Stuck > 0 ? " hot" : "")}\">つまずき <b>{summary.Stuck}</b> 人</span>");
        text.Append($"<span class=\"s-idle\">未開始 <b>{summary.NotStarted}</b> 人</span>");
        foreach (var lesson in summary.ByLesson)
            text.Append($"<span class=\"s-lesson\" title=\"{HtmlEncode(lesson.Title)} ({HtmlEncode(lesson.Lesson)})\"><span class=\"t\">{HtmlEncode(lesson.Title)}</span> <b>{lesson.Learners}</b> 人</span>");
        return text.ToString();
    }

    private static string Rows(ClassroomView view)
    {
        var html = new StringBuilder();
        foreach (var row in view.Rows)
        {
            html.Append(row.Stuck is null ? "<tr>" : "<tr class=\"stuck\">");
            html.Append($"<td class=\"name\" title=\"アカウント {row.AccountId}\"><b>{HtmlEncode(row.Name)}</b> <small>{row.AccountId}</small></td>");
            html.Append(row.Lesson is null
                ? "<td class=\"lesson none\">—</td>"
                : $"<td class=\"lesson\" title=\"{HtmlEncode(row.LessonTitle ?? row.Lesson)} ({HtmlEncode(row.Lesson)})\">{HtmlEncode(row.LessonTitle ?? row.Lesson)}</td>");
            html.Append($"<td class=\"checks\"><b>{row.ChecksPassed}</b> 件{Exercises(row.ExercisesPassed)}{LastCheck(row.LastCheck)}</td>");
            html.Append($"<td class=\"res\">{Resources(row.Resources)}</td>");
            html.Append($"<td class=\"error\">{Error(row.LastError, view.At)}</td>");
            html.Append($"<td class=\"state\">{State(row, view.At)}</td>");
            html.Append("</tr>");
        }
        return html.ToString();
    }

    private static string Exercises(int passed) =>
        passed == 0 ? "" : $" <small class=\"ex\" title=\"うち演習のセルフチェック {passed} 件\">(演習 {passed})</small>";

    private static string LastCheck(CheckResult? check) =>
        check is null ? "" : $" <small class=\"{(check.Passed ? "ok" : "ng")}\" title=\"{HtmlEncode(check.Lesson)} の最後のセルフチェック\">{(check.Passed ? "✓" : "✗")} {HtmlEncode(check.Check)}</small>";

    private static string Resources(RunningResources r)
    {
        if (r.IsEmpty) return "<span class=\"none\">なし</span>";
        var parts = new List<string>();
        if (r.RunningTasks > 0 || r.PendingTasks > 0) parts.Add($"タスク <b>{r.RunningTasks}</b>{(r.PendingTasks > 0 ? $" (PENDING {r.PendingTasks})" : "")}");
        if (r.Services > 0) parts.Add($"サービス <b>{r.Services}</b>");
        if (r.LoadBalancers > 0 || r.Listeners > 0) parts.Add($"ALB <b>{r.LoadBalancers}</b>・リスナー <b>{r.Listeners}</b>");
        if (r.Repositories > 0 || r.Images > 0) parts.Add($"リポジトリ <b>{r.Repositories}</b>・イメージ <b>{r.Images}</b>");
        var title = $"実行中のタスク {r.RunningTasks}、PENDING のタスク {r.PendingTasks}、サービス {r.Services}、ロードバランサー {r.LoadBalancers}、" +
                    $"リスナー {r.Listeners}、リポジトリ {r.Repositories}、イメージ {r.Images}";
        return $"<span title=\"{title}\">{string.Join(" / ", parts)}</span>";
    }

    private static string Error(LastErrorView? error, DateTimeOffset now)
    {
        if (error is null) return "<span class=\"none\">—</span>";
        var title = HtmlEncode($"{error.Service} {error.Operation}: {error.Code}: {error.Message}");
        return $"<span title=\"{title}\"><code class=\"code\">{HtmlEncode(error.Code)}</code> <span class=\"why\">{Text(error.Explanation)}</span> <small>{Ago(error.At, now)}</small></span>";
    }

    private static string State(LearnerRow row, DateTimeOffset now)
    {
        if (row.Stuck is { } stuck)
        {
            var why = stuck.Kind == StuckKind.RepeatedError && stuck.Streak is { } streak
                ? $"<small title=\"{HtmlEncode(streak.Operation)} で {HtmlEncode(streak.ErrorCode)}\">同じエラー {streak.Count} 回</small>"
                : $"<small>{Minutes(now - stuck.Since)} 分 動きなし</small>";
            return $"<span class=\"badge\">つまずき</span> {why}";
        }
        if (row.LastActivityAt is not { } last) return "<span class=\"none\">未開始</span>";
        return $"進行中 <small>{Ago(last, now)}</small>";
    }

    private static string Text(JapaneseText text)
    {
        var html = new StringBuilder();
        foreach (var run in text.Runs) html.Append(run.IsCode ? $"<code>{HtmlEncode(run.Text)}</code>" : HtmlEncode(run.Text));
        return html.ToString();
    }

    private static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var elapsed = now - at;
        if (elapsed < TimeSpan.FromMinutes(1)) return "たった今";
        if (elapsed < TimeSpan.FromHours(1)) return $"{Minutes(elapsed)} 分前";
        return $"{(int)elapsed.TotalHours} 時間前";
    }

    private static int Minutes(TimeSpan elapsed) => Math.Max(0, (int)elapsed.TotalMinutes);

    private const string Style = """
        :root { color-scheme: dark; }
        * { box-sizing: border-box; }
        html, body { margin: 0; background: #0b0b0b; color: #fff; }
        body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif;
               font-size: clamp(14px, 2.1vh, 30px); line-height: 1.3; padding: 0.25em 0.5em; }
        header { display: flex; align-items: baseline; gap: 1em; height: 1.7em; }
        h1 { font-size: 1.3em; margin: 0; }
        .live { color: #ffd54a; } .live.on { color: #7cff8a; }
        .updated { margin-left: auto; color: #ddd; }
        .summary { margin: 0.1em 0 0.25em; display: flex; flex-wrap: wrap; gap: 0.2em 1.1em; height: 1.4em; overflow: hidden; }
        .summary b { font-size: 1.1em; }
        .s-lesson .t { display: inline-block; max-width: 10em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; } .s-stuck.hot { color: #111; background: #ffd54a; padding: 0 0.4em; font-weight: bold; }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; }
        th { text-align: left; background: #263238; color: #fff; font-weight: bold; }
        th, td { padding: 0 0.35em; height: 1.3em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-bottom: 1px solid #333; }
        col.c-name { width: 13%; } col.c-lesson { width: 17%; } col.c-checks { width: 13%; } col.c-res { width: 18%; } col.c-error { width: 27%; } col.c-state { width: 12%; }
        tr.stuck td { background: #5a0000; }
        tr.stuck td.state { background: #ffd54a; color: #000; font-weight: bold; }
        .badge { font-weight: bold; }
        small { font-size: 0.8em; color: #ccc; } tr.stuck td.state small { color: #000; }
        .none { color: #999; }
        code { font-family: "Noto Sans Mono CJK JP", monospace; color: #ffb4a8; } .code { font-weight: bold; }
        .ok { color: #7cff8a; } .ng { color: #ff8a80; }
        """;

    private static string Script(string eventsPath) => $$"""
        (function () {
          var live = document.getElementById('live');
          var source = new EventSource('{{eventsPath}}' + location.search);
          source.onopen = function () { live.textContent = 'ライブ更新中'; live.className = 'live on'; };
          source.onmessage = function (e) {
            var d = JSON.parse(e.data);
            document.getElementById('summary').innerHTML = d.summary;
            document.getElementById('rows').innerHTML = d.rows;
            document.getElementById('updated').textContent = d.updated + ' 更新';
            document.body.dataset.updates = String(Number(document.body.dataset.updates) + 1);
          };
          source.onerror = function () { live.textContent = '接続が切れました。再接続しています…'; live.className = 'live'; };
        })();
        """;
}
