using System.Collections;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using Microsoft.DotNet.Interactive.Formatting;

namespace EcsWorkshop.Display.Formatting;

/// <summary>The cards of the workbook itself: step results, the Fargate size table, errors and explanations.</summary>
internal static class WorkbookCards
{
    public static Card Step(IStepResult step)
    {
        var blocks = new List<Block> { Rendered(step.Value) };
        if (!string.IsNullOrWhiteSpace(step.Note))
            blocks.Add(new NoteBlock(NoteKind.Look, "ここを見る", JapaneseText.From(step.Note)));
        if (step.Command is { } command)
        {
            var where = step.Target.IsSimulator ? "シミュレーター" : "AWS";
            blocks.Add(new CommandBlock($"AWS CLI で同じことをするには ({where})", command.ToDisplayCommand(step.Target)));
        }
        foreach (var topic in step.SeeAlso.IsDefault ? [] : step.SeeAlso) blocks.Add(Details(topic));
        return new Card("step", step.Title, null, null, [.. blocks]);
    }

    public static Card FargateSizes(FargateSizeTable table)
    {
        var request = table.Request;
        var blocks = new List<Block>();
        if (request is not null)
        {
            var verdict = request.IsValid
                ? new StatusBadge("OK", StatusKind.Good, "使える組み合わせ")
                : new StatusBadge("NG", StatusKind.Bad, "使えない組み合わせ");
            var fields = new List<Field>
            {
                new("指定した cpu", Cell.Code(request.Cpu)),
                new("指定した memory", Cell.Code(request.Memory)),
                new("判定", Cell.Status(verdict)),
            };
            if (request.CpuUnits is { } cpu && table.RowFor(cpu) is { } row)
                fields.Add(new($"cpu {JapaneseFormat.Number(cpu)} で使える memory (MiB)", Cell.List(row.MemoryMiB.Select(m =>
                    Cell.Chip(JapaneseFormat.Number(m), m == request.MemoryMiB ? "hit" : null)))));
            blocks.Add(new FieldsBlock([.. fields]));
            blocks.Add(new NoteBlock(request.IsValid ? NoteKind.Info : NoteKind.Problem, "理由", request.Reason));
            if (!request.Suggestion.IsEmpty) blocks.Add(new NoteBlock(NoteKind.Fix, "直し方", request.Suggestion));
        }
        var rows = table.Rows.Select(r => new TableRow(
        [
            Cell.Number(r.Cpu),
            Cell.Text(JapaneseFormat.Number(r.VCpu)),
            Cell.Text(r.MemoryMiBText),
            Cell.Text(r.MemoryGBText),
            Cell.Text(r.OperatingSystems),
            Cell.Text(r.MinimumLinuxPlatformVersion is { } v ? $"プラットフォーム {v} 以降" : null),
        ], Highlight: request?.CpuUnits == r.Cpu));
        blocks.Add(new TableBlock("Fargate で使える cpu と memory", ["cpu (ユニット)", "vCPU", "memory (MiB)", "memory (GB)", "OS", "条件"],
            [.. rows], "表が空です"));
        return new Card("fargate-sizes", "Fargate のタスクサイズ", null, null, [.. blocks]);
    }

    public static Card Error(ErrorExplanation error)
    {
        var blocks = new List<Block>
        {
            new HeadingBlock(error.Title),
            new NoteBlock(NoteKind.Problem, "何が起きたか", error.WhatHappened),
            new NoteBlock(NoteKind.Info, "なぜ", error.Why),
            new NoteBlock(NoteKind.Fix, "直し方", error.Fix),
        };
        if (error.SizeTable is { } sizes)
        {
            var card = FargateSizes(sizes);
            blocks.Add(new RenderedBlock(CardHtml.ToHtml(card), CardText.ToText(card)));
        }
        var original = error.Code.Length == 0 || error.Source is ErrorSource.ServiceEvent or ErrorSource.Failure ? error.Message : $"{error.Code}: {error.Message}";
        blocks.Add(new OriginalBlock(error.Source switch
        {
            ErrorSource.Task when error.Container is { } container => $"ECS が記録したコンテナ {container} の理由 (原文)",
            ErrorSource.Task => "ECS が記録した停止理由 (原文)",
            ErrorSource.ServiceEvent => "サービスイベント (原文)",
            ErrorSource.Failure => "failures に返った理由 (原文)",
            _ => "AWS からのメッセージ (原文)",
        }, original));
        if (PageLinks(error) is { } links) blocks.Add(links);
        if (error.Topic is { } topic) blocks.Add(Details(topic));
        var kind = error.Source switch
        {
            ErrorSource.Task => "タスクの停止",
            ErrorSource.ServiceEvent => "サービスイベント",
            ErrorSource.Failure => "失敗 (failures)",
            _ => "エラー",
        };
        return new Card("error", kind, error.Code.Length == 0 ? null : error.Code, null, [.. blocks]);
    }

    /// <summary>The AWS pages an explanation follows, linked in Japanese, or null when it names none.</summary>
    internal static LinksBlock? PageLinks(ErrorExplanation error) =>
        error.Pages.IsDefaultOrEmpty
            ? null
            : new LinksBlock("AWS のドキュメント", [.. error.Pages.Select(p => new PageLink(AwsPages.Label(p), AwsPages.Japanese(p)))]);

    public static Card Explanation(Explanation explanation) =>
        new("explanation", $"解説: {explanation.Title}", null, null,
        [
            new RenderedBlock(MarkdownHtml(explanation), explanation.ToPlainText()),
        ]);

    private static DetailsBlock Details(ExplanationTopic topic)
    {
        var explanation = ExplanationNotes.Get(topic);
        return new DetailsBlock($"解説: {explanation.Title}", explanation.ToHtml(), explanation.ToPlainText());
    }

    private static string MarkdownHtml(Explanation explanation) =>
        "<div class=\"ecsws-markdown\">" + explanation.ToHtml() + "</div>";

    /// <summary>
    /// A value in both formats through the registered formatters (ours for views, .NET Interactive's defaults for
    /// anything else); a sequence is shown item by item.
    /// </summary>
    private static RenderedBlock Rendered(object? value)
    {
        if (value is IEnumerable sequence and not string)
        {
            var items = sequence.Cast<object?>().ToList();
            if (items.Count == 0) return new RenderedBlock("<p>(0 件)</p>", "(0 件)");
            return new RenderedBlock(
                string.Concat(items.Select(i => Formatter.ToDisplayString(i, HtmlFormatter.MimeType))),
                string.Join("\n", items.Select(i => Formatter.ToDisplayString(i, PlainTextFormatter.MimeType).TrimEnd('\n'))));
        }
        return new RenderedBlock(Formatter.ToDisplayString(value, HtmlFormatter.MimeType), Formatter.ToDisplayString(value, PlainTextFormatter.MimeType));
    }
}
