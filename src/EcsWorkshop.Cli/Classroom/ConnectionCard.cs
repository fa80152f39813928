using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Cli.Classroom;

/// <summary>
/// One learner's connection card, in Japanese, as printed on one A4 page (HTML) and as plain Markdown: the room's
/// address, the learner's account id and key pair, the two lines that point the lessons at the room, and how to point
/// the AWS CLI at it. It holds that learner's secret and no one else's.
/// </summary>
public sealed record ConnectionCard(Learner Learner, Uri Endpoint, bool EndpointGuessed, string Region = "ap-northeast-1")
{
    /// <summary>The AWS CLI profile the card has the learner configure.</summary>
    public const string CliProfile = "workshop";

    private ClassroomConnection Connection => ClassroomConnection.For(Learner, Endpoint);

    /// <summary>The two lines for bash and zsh (macOS, Linux, WSL).</summary>
    public IReadOnlyList<string> ShellLines => [.. Connection.Variables.Select(v => $"export {v.Key}={v.Value}")];

    /// <summary>The same two lines for PowerShell (Windows).</summary>
    public IReadOnlyList<string> PowerShellLines => [.. Connection.Variables.Select(v => $"$env:{v.Key}=\"{v.Value}\"")];

    /// <summary>The AWS CLI commands: a profile with the learner's keys, then a call to the room.</summary>
    public IReadOnlyList<string> CliLines =>
    [
        $"aws configure set aws_access_key_id {Learner.AccessKeyId} --profile {CliProfile}",
        $"aws configure set aws_secret_access_key {Learner.SecretAccessKey} --profile {CliProfile}",
        $"aws configure set region {Region} --profile {CliProfile}",
        $"aws ecs list-clusters --profile {CliProfile} --endpoint-url {Connection.EndpointText}",
    ];

    private string EndpointNote => EndpointGuessed
        ? "このアドレスは主催者の PC の名前から作った仮のものです。当日、主催者が正しいアドレスを知らせたら、次の 2 行と AWS CLI の `--endpoint-url` をそのアドレスに書き換えてください。"
        : "主催者の PCで動く、教室のシミュレーターのアドレスです。";

    /// <summary>The card as Markdown (plain text that reads well as it is).</summary>
    public string Markdown()
    {
        var text = new StringBuilder();
        text.Append("# ECS ワークショップ 接続カード: ").Append(Learner.Name).Append("\n\n");
        text.Append("このワークショップでは、主催者の PCで動く **教室のシミュレーター** に、一人ひとり自分のアカウントでつなぎます。")
            .Append("ここにあるのは **あなた専用** のアクセスキーです。ほかの人に見せないでください。教室のシミュレーター専用で、AWS では使えません。\n\n");
        text.Append("| 項目 | 値 |\n| --- | --- |\n");
        text.Append("| 教室のシミュレーターのアドレス (エンドポイント) | `").Append(Connection.EndpointText).Append("` |\n");
        text.Append("| アカウント ID | `").Append(Learner.AccountId).Append("` |\n");
        text.Append("| アクセスキー ID | `").Append(Learner.AccessKeyId).Append("` |\n");
        text.Append("| シークレットアクセスキー | `").Append(Learner.SecretAccessKey).Append("` |\n");
        text.Append("| リージョン | `").Append(Region).Append("` |\n\n");
        text.Append(EndpointNote).Append("\n\n");
        text.Append("## レッスンを教室のシミュレーターにつなぐ 2 行\n\n");
        text.Append("ターミナルで次の 2 行を実行してから、同じターミナルで VS Code (`code .`)、Jupyter、`dotnet run notebooks/apps/00-setup.cs` または `workshop run` を起動します。")
            .Append("レッスンの `Workshop.StartAsync()` が教室のシミュレーターにつなぎ、あなたのアカウント ID を表示します。\n\n");
        text.Append("macOS・Linux (bash、zsh):\n\n```\n").AppendJoin('\n', ShellLines).Append("\n```\n\n");
        text.Append("Windows (PowerShell):\n\n```\n").AppendJoin('\n', PowerShellLines).Append("\n```\n\n");
        text.Append("## AWS CLI を教室のシミュレーターに向ける\n\n");
        text.Append("`workshop` プロファイルにアクセスキーを設定し、コマンドには `--endpoint-url` を付けます")
            .Append(" (AWS CLI v2.13 以降なら、環境変数 `AWS_ENDPOINT_URL` にアドレスを設定して `--endpoint-url` を省けます)。")
            .Append("`aws configure --profile workshop` と打って、アクセスキー ID、シークレットアクセスキー、リージョンを順に入力しても同じです。\n\n");
        text.Append("```\n").AppendJoin('\n', CliLines).Append("\n```\n\n");
        text.Append("レッスンの進み具合 (開いているレッスンとセルフチェックの結果) は、この教室のシミュレーターにだけ送られ、主催者の画面に表示されます。\n");
        return text.ToString();
    }

    /// <summary>The card as one printable A4 page.</summary>
    public string Html() => HtmlPage(Learner.Name, [this]);

    /// <summary>Every card of a room in one file, one A4 page each, to print them all at once.</summary>
    public static string HtmlPage(string title, IReadOnlyList<ConnectionCard> cards)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>ECS ワークショップ 接続カード: ").Append(E(title)).Append("</title>\n<style>\n")
            .Append("@page { size: A4; margin: 14mm; }\n")
            .Append("body { font-family: 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', sans-serif; color: #16191f; font-size: 10.5pt; line-height: 1.5; margin: 0; }\n")
            .Append("section.card { page-break-after: always; break-after: page; max-width: 182mm; }\n")
            .Append("section.card:last-child { page-break-after: auto; break-after: auto; }\n")
            .Append("h1 { font-size: 16pt; margin: 0 0 4mm; border-bottom: 2px solid #232f3e; }\n")
            .Append("h2 { font-size: 12pt; margin: 5mm 0 2mm; }\n")
            .Append("table { border-collapse: collapse; width: 100%; }\n")
            .Append("th, td { border: 1px solid #aab7b8; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }\n")
            .Append("th { background: #f2f3f3; width: 38%; font-weight: normal; }\n")
            .Append("code, pre { font-family: 'Noto Sans Mono CJK JP', 'DejaVu Sans Mono', monospace; font-size: 9.5pt; word-break: break-all; }\n")
            .Append("pre { background: #f2f3f3; border: 1px solid #d5dbdb; padding: 2mm; white-space: pre-wrap; margin: 1mm 0 3mm; }\n")
            .Append(".note { font-size: 9.5pt; }\n.fill { display: inline-block; min-width: 70mm; border-bottom: 1px solid #16191f; }\n")
            .Append("</style>\n</head>\n<body>\n");
        foreach (var card in cards) card.WriteSection(html);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private void WriteSection(StringBuilder html)
    {
        var endpoint = Connection.EndpointText;
        html.Append("<section class=\"card\" data-learner=\"").Append(E(Learner.Name)).Append("\">\n");
        html.Append("<h1>ECS ワークショップ 接続カード: ").Append(E(Learner.Name)).Append("</h1>\n");
        html.Append("<p>このワークショップでは、主催者の PCで動く<strong>教室のシミュレーター</strong>に、一人ひとり自分のアカウントでつなぎます。")
            .Append("ここにあるのは<strong>あなた専用</strong>のアクセスキーです。ほかの人に見せないでください。教室のシミュレーター専用で、AWS では使えません。</p>\n");
        html.Append("<table>\n");
        Row(html, "教室のシミュレーターのアドレス (エンドポイント)", endpoint);
        Row(html, "アカウント ID", Learner.AccountId);
        Row(html, "アクセスキー ID", Learner.AccessKeyId);
        Row(html, "シークレットアクセスキー", Learner.SecretAccessKey);
        Row(html, "リージョン", Region);
        html.Append("</table>\n<p class=\"note\">").Append(CodeSpans(E(EndpointNote))).Append("</p>\n");
        if (EndpointGuessed) html.Append("<p class=\"note\">当日のアドレス: <span class=\"fill\">&nbsp;</span></p>\n");
        html.Append("<h2>レッスンを教室のシミュレーターにつなぐ 2 行</h2>\n");
        html.Append("<p>ターミナルで次の 2 行を実行してから、同じターミナルで VS Code (<code>code .</code>)、Jupyter、<code>dotnet run notebooks/apps/00-setup.cs</code> または <code>workshop run</code> を起動します。")
            .Append("レッスンの <code>Workshop.StartAsync()</code> が教室のシミュレーターにつなぎ、あなたのアカウント ID を表示します。</p>\n");
        html.Append("<p>macOS・Linux (bash、zsh):</p>\n<pre>").Append(E(string.Join('\n', ShellLines))).Append("</pre>\n");
        html.Append("<p>Windows (PowerShell):</p>\n<pre>").Append(E(string.Join('\n', PowerShellLines))).Append("</pre>\n");
        html.Append("<h2>AWS CLI を教室のシミュレーターに向ける</h2>\n");
        html.Append("<p><code>workshop</code> プロファイルにアクセスキーを設定し、コマンドには <code>--endpoint-url</code> を付けます")
            .Append(" (AWS CLI v2.13 以降なら、環境変数 <code>AWS_ENDPOINT_URL</code> にアドレスを設定して <code>--endpoint-url</code> を省けます)。")
            .Append("<code>aws configure --profile workshop</code> と打って、アクセスキー ID、シークレットアクセスキー、リージョンを順に入力しても同じです。</p>\n");
        html.Append("<pre>").Append(E(string.Join('\n', CliLines))).Append("</pre>\n");
        html.Append("<p class=\"note\">レッスンの進み具合 (開いているレッスンとセルフチェックの結果) は、この教室のシミュレーターにだけ送られ、主催者の画面に表示されます。</p>\n");
        html.Append("</section>\n");
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(E(name)).Append("</th><td><code>").Append(E(value)).Append("</code></td></tr>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Markdown's <c>`code`</c> spans (in text already HTML-encoded) as <c>&lt;code&gt;</c>.</summary>
    private static string CodeSpans(string encoded) => Regex.Replace(encoded, "`([^`]+)`", "<code>$1</code>");
}
