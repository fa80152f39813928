using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using EcsWorkshop.Checks;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Errors;
using EcsWorkshop.Images;
using Microsoft.DotNet.Interactive.Formatting;

namespace EcsWorkshop.Formatting;

/// <summary>
/// The <c>text/html</c> and <c>text/plain</c> formatters of the library's own results (self-checks, step errors,
/// cleanup reports, built images), drawn as the Display project's cards so they look like every other view.
/// Loading the assembly registers them.
/// </summary>
public static class LibraryFormatters
{
    /// <summary>(Re-)registers the formatters (after <see cref="Formatter.ResetToDefault"/>, call Display's too).</summary>
    public static void Register()
    {
        Add<CheckResult>(Check);
        Add<WorkshopStepException>(StepError);
        Add<CleanupReport>(Cleanup);
        Add<WorkshopImage>(Image);
        Add<TaskPage>(Page);
        Add<AwsCli.AwsCliRun>(CliRun);
        Add<Workshop>(Session);
    }

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "Registering formatters when a notebook references the assembly is the purpose of this library.")]
    internal static void RegisterOnLoad()
    {
        WorkshopFormatters.Register();
        Register();
    }

    internal static Card Check(CheckResult check)
    {
        var badge = check.Passed
            ? new StatusBadge("OK", StatusKind.Good, "すべて確認できました")
            : new StatusBadge("NG", StatusKind.Bad, $"{check.Problems.Length} 件足りません");
        var rows = check.Items.Select(i => new TableRow(
            [Cell.Text(i.Ok ? "✓" : "✗"), Cell.Rich(JapaneseText.From(i.What)), Cell.Rich(JapaneseText.From(i.Ok ? "" : i.Fix ?? ""))],
            Highlight: !i.Ok));
        var blocks = new List<Block> { new TableBlock("確認した項目", ["", "状態", "直し方"], [.. rows], "確認した項目はありません") };
        foreach (var problem in check.Problems.Where(p => p.Fix is not null))
            blocks.Add(new NoteBlock(NoteKind.Fix, "直し方", JapaneseText.From(problem.Fix!)));
        return new Card("check", "セルフチェック", check.Title, badge, [.. blocks]);
    }

    internal static Card StepError(WorkshopStepException error)
    {
        var card = WorkbookCards.Error(error.Explanation);
        return card with { KindLabel = $"{error.Step} でエラー" };
    }

    internal static Card Cleanup(CleanupReport report)
    {
        var fields = new List<Field>
        {
            new("セッション", Cell.Code(report.SessionId)),
            new("サービス", Names(report.Services)),
            new("タスク (単独)", Names(report.Tasks)),
            new("タスク定義", Names(report.TaskDefinitions)),
            new("クラスター", Names(report.Clusters)),
            new("ECR リポジトリ", Names(report.Repositories)),
            new("ロググループ", Names(report.LogGroups)),
            new("ロードバランサー", Names(report.LoadBalancers)),
            new("ターゲットグループ", Names(report.TargetGroups)),
            new("セキュリティグループ", Names(report.SecurityGroups)),
        };
        var blocks = new List<Block> { new FieldsBlock([.. fields]) };
        if (!report.Commands.IsEmpty) blocks.Add(new CommandBlock("AWS CLI で同じことをするには", string.Join("\n", report.Commands)));
        return new Card("cleanup", "後片付け", null, null, [.. blocks]);

        static Cell Names(IEnumerable<string> names) => names.Any() ? Cell.List(names.Select(n => Cell.Code(n))) : Cell.Text("なし");
    }

    internal static Card Session(Workshop workshop)
    {
        var simulator = workshop.Mode == WorkshopMode.Simulator;
        var fields = new List<Field>
        {
            new("モード", Cell.Text(workshop.InClassroom ? "教室のシミュレーター (主催者の PC、料金なし)"
                : simulator ? "シミュレーター (AWS アカウントなし、料金なし)" : "AWS (実際のアカウント、料金がかかります)")),
            new(simulator ? "シミュレーターのアドレス" : "アカウント", Cell.Code(simulator ? workshop.Endpoint?.ToString() : workshop.AccountId)),
            new("リージョン", Cell.Code(workshop.Region)),
        };
        if (workshop.Profile is not null) fields.Add(new("プロファイル", Cell.Code(workshop.Profile)));
        if (workshop.InClassroom) fields.Add(new("アカウント ID", Cell.Code(workshop.AccountId)));
        if (workshop.Lesson is not null) fields.Add(new("レッスン", Cell.Code(workshop.Lesson)));
        fields.Add(new("セッション", Cell.Code(workshop.SessionId)));
        var note = new NoteBlock(NoteKind.Info, "セッション", JapaneseText.From(
            $"作るリソースには `ecs-workshop:session={workshop.SessionId}` のタグを付けます。後片付け (`CleanupAsync`) が削除するのは、このセッションが作ったものだけです。"));
        var badge = simulator ? new StatusBadge("シミュレーター", StatusKind.Good, null) : new StatusBadge("AWS", StatusKind.Warning, "料金がかかります");
        return new Card("session", "ワークショップ", $"セッション {workshop.SessionId}", badge, [new FieldsBlock([.. fields]), note]);
    }

    internal static Card Image(WorkshopImage image)
    {
        var how = image.Kind switch
        {
            ImageBuildKind.Workshop => "ワークショップのビルダー (Docker なし)",
            ImageBuildKind.Docker => "docker build",
            _ => "dotnet publish -t:PublishContainer (プッシュ時)",
        };
        var fields = new List<Field>
        {
            new("名前", Cell.Code($"{image.Repository}:{image.Tag}")),
            new("ビルド方法", Cell.Text(how)),
            new("ダイジェスト", image.Digest is null && image.Kind == ImageBuildKind.Docker ? Cell.Text("(プッシュで決まります)") : Cell.Code(image.Digest)),
            new("サイズ (バイト)", Cell.Number(image.SizeInBytes)),
            new("ベースイメージ", Cell.Code(image.BaseImage)),
            new("イメージ ID", Cell.Code(image.ImageId)),
            new("ビルドコンテキスト", Cell.Code(image.ContextDirectory)),
        };
        var blocks = new List<Block> { new FieldsBlock([.. fields]) };
        if (image.BaseIsStandIn)
            blocks.Add(new NoteBlock(NoteKind.Info, "ベースイメージ", JapaneseText.From(
                string.Format(CultureInfo.InvariantCulture, "`{0}` はオフラインでは取得できないため、ラベル付きの代用品を使いました。", image.BaseImage))));
        if (image.BaseMadeLocally)
            blocks.Add(new NoteBlock(NoteKind.Info, "ベースイメージ", JapaneseText.From(string.Format(CultureInfo.InvariantCulture,
                "公開イメージ `{0}` を取得できなかったため、Debian の busybox-static から手元で作った `{1}` を使いました (ラベル `{2}`)。",
                Docker.LocalBaseImage.PublishedReference, image.BaseImage, Docker.LocalBaseImage.MadeLocallyLabel))));
        return new Card("image", "ビルドしたイメージ", image.Repository, null, [.. blocks]);
    }

    internal static Card Page(TaskPage page)
    {
        var fields = new List<Field>
        {
            new("タスク", Cell.Code(page.TaskId)),
            new("URL", page.Url is null ? Cell.Text("(なし)") : Cell.Code(page.Url.ToString())),
            new("HTTP ステータス", page.StatusCode is null ? Cell.Text("(なし)") : Cell.Number(page.StatusCode)),
        };
        var blocks = new List<Block> { new FieldsBlock([.. fields]) };
        if (page.Html is not null) blocks.Add(new OriginalBlock("返ってきた HTML", page.Html));
        var badge = page.Answered ? new StatusBadge("応答あり", StatusKind.Good, null) : new StatusBadge("ページなし", StatusKind.Neutral, null);
        return new Card("page", "タスクのページ", page.TaskId, badge, [.. blocks]);
    }

    internal static Card CliRun(AwsCli.AwsCliRun run)
    {
        var fields = new List<Field>
        {
            new("使った AWS CLI", Cell.Code(run.CliVersion)),
            new("終了コード", Cell.Number(run.ExitCode)),
        };
        if (!run.Tagged.IsEmpty)
            fields.Add(new("セッションのタグを付けたもの", Cell.List(run.Tagged.Select(a => Cell.Code(a)))));
        var blocks = new List<Block>
        {
            new FieldsBlock([.. fields]),
            new CommandBlock("実行したコマンド", string.Join(' ', run.Arguments.Skip(1).Prepend("aws").Select(AwsCliCommand.Quote))),
        };
        if (run.Output.Length > 0) blocks.Add(new OriginalBlock("出力 (標準出力)", run.Output.TrimEnd()));
        if (run.Error.Length > 0) blocks.Add(new OriginalBlock("標準エラー出力", run.Error.TrimEnd()));
        if (!run.Tagged.IsEmpty)
            blocks.Add(new NoteBlock(NoteKind.Info, "後片付けのためのタグ", JapaneseText.From(
                "AWS CLI で作ったものにも、ヘルパーがセッションのタグを付けました。最後のレッスンの後片付けで、ほかのリソースと一緒に削除されます。")));
        var badge = run.Succeeded ? new StatusBadge("成功", StatusKind.Good, null) : new StatusBadge("失敗", StatusKind.Bad, $"終了コード {run.ExitCode}");
        return new Card("aws-cli", "AWS CLI", run.CommandLine.Split('\n')[0], badge, [.. blocks]);
    }

    private static void Add<T>(Func<T, Card> card)
    {
        Formatter.Register<T>((value, writer) => CardHtml.Write(card(value), writer), HtmlFormatter.MimeType);
        Formatter.Register<T>((value, writer) => CardText.Write(card(value), writer), PlainTextFormatter.MimeType);
    }
}
