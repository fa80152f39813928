using System.Collections.Immutable;
using System.Text.RegularExpressions;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Errors;

/// <summary>
/// Every AWS error the lessons can hit, explained in Japanese. Looked up by (error code, message) strings only —
/// it knows no exception type — because one code (<c>ClientException</c>, <c>InvalidParameterException</c>)
/// covers many situations that only the message tells apart. Entries with a message pattern are tried before
/// entries that match on the code alone; an error no entry covers gets a generic explanation that still shows
/// the code and the original message.
/// </summary>
public sealed class ErrorCatalogue
{
    private readonly ImmutableArray<ErrorEntry> byPattern;
    private readonly ImmutableArray<ErrorEntry> byCode;

    /// <summary>A catalogue of the given entries, tried in the order given (patterns first).</summary>
    public ErrorCatalogue(IEnumerable<ErrorEntry> entries)
    {
        Entries = [.. entries];
        var duplicate = Entries.GroupBy(e => e.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Two error entries are named {duplicate.Key}.", nameof(entries));
        byPattern = [.. Entries.Where(e => e.Message is not null)];
        byCode = [.. Entries.Where(e => e.Message is null)];
    }

    /// <summary>The catalogue for ECS, ECR, CloudWatch Logs, the registry, credentials and task stop reasons.</summary>
    public static ErrorCatalogue Default { get; } = new(
    [
        .. EcsErrorEntries.All,
        .. EcrErrorEntries.All,
        .. LogsErrorEntries.All,
        .. RegistryErrorEntries.All,
        .. AwsErrorEntries.All,
        .. LoadBalancingErrorEntries.All,
        .. AutoScalingErrorEntries.All,
        .. TaskStopEntries.All,
        .. ServiceEventEntries.All,
        .. FailureEntries.All,
    ]);

    /// <summary>Every entry.</summary>
    public ImmutableArray<ErrorEntry> Entries { get; }

    /// <summary>The entry for an error, or null when only the fallback applies.</summary>
    public ErrorEntry? Find(string code, string? message) => FindWithMatch(code, message ?? "").Entry;

    /// <summary>
    /// The simulator's error ids (<c>ecs.fargate-size</c>, as its <c>EcsErrors</c>, <c>EcrErrors</c>, <c>RegistryErrors</c>,
    /// <c>LogsErrors</c>, <c>AwsErrors</c> and <c>StopReasons</c> name them) this catalogue explains, each with its entry's id.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SimulatorErrorEntries => SimulatorErrorIds.EntryOf;

    /// <summary>The entry that explains the simulator's error <paramref name="errorId"/>, or null when none is keyed on it.</summary>
    public ErrorEntry? ForSimulatorError(string errorId) =>
        SimulatorErrorIds.EntryOf.TryGetValue(errorId, out var entryId) ? Entries.FirstOrDefault(e => e.Id == entryId) : null;

    /// <summary>The Japanese explanation of the error <paramref name="code"/> with <paramref name="message"/>.</summary>
    public ErrorExplanation Explain(string code, string? message)
    {
        var text = message ?? "";
        var (entry, match) = FindWithMatch(code, text);
        return entry is null || match is null ? Fallback(code, text) : Build(entry, match, code, text);
    }

    /// <summary>
    /// Why a task stopped, from its <c>stopCode</c> and <c>stoppedReason</c> (or a container's <c>reason</c>). An entry
    /// whose pattern the reason matches wins (first those listed for the stop code, then any stop-reason pattern, since
    /// AWS writes the same text under several codes and sometimes without its category prefix); then the stop code's
    /// own entry; then a generic explanation.
    /// </summary>
    public ErrorExplanation ExplainStoppedTask(string? stopCode, string? stoppedReason)
    {
        var reason = stoppedReason ?? "";
        var code = stopCode ?? "";
        if (code.Length > 0)
            foreach (var entry in byPattern.Where(e => e.Source == ErrorSource.Task))
                if (entry.TryMatch(code, reason) is { } match) return Build(entry, match, code, reason);
        if (MatchReason(reason) is ({ } any, { } anyMatch)) return Build(any, anyMatch, code.Length > 0 ? code : any.Codes[0], reason);
        if (code.Length > 0)
            foreach (var entry in byCode.Where(e => e.Source == ErrorSource.Task))
                if (entry.TryMatch(code, reason) is { } match) return Build(entry, match, code, reason);
        return Fallback(code, reason) with
        {
            Source = ErrorSource.Task,
            Title = JapaneseText.Plain("タスクが止まりました"),
            WhatHappened = JapaneseText.Plain("この停止理由の説明はまだ用意していません。下の停止理由 (原文) がそのまま手がかりになります。"),
            Why = JapaneseText.From("`stoppedReason` とコンテナごとの `reason`・`exitCode` に、止まった理由が書かれています。"),
            Fix = JapaneseText.From("サービスのイベント (`aws ecs describe-services`) と、コンテナのログ (`aws logs tail`) も合わせて確認してください。"),
            Pages = AwsPages.All("DG/stopped-task-error-codes.html|KC/ecs-task-stopped"),
        };
    }

    /// <summary>
    /// Why a task stopped, reading its containers too: when the task's reason only says that a container stopped
    /// (<c>Essential container in task exited</c>) or only its stop code is known, a container's <c>reason</c> that an
    /// entry explains (AWS writes <c>OutOfMemoryError: Container killed due to memory usage</c> there) is the answer.
    /// </summary>
    public ErrorExplanation ExplainStoppedTask(TaskView task)
    {
        var explained = ExplainStoppedTask(task.StopCode, task.StoppedReason);
        var entry = explained.EntryId is null ? null : Entries.First(e => e.Id == explained.EntryId);
        if (entry is not null && entry.Message is not null && !entry.DefersToContainerReason) return explained;
        foreach (var container in task.Containers.OrderBy(c => c.ExitCode is null or 0 ? 1 : 0))
            if (ExplainContainerReason(container.Reason) is { } byContainer)
                return byContainer with { Container = container.Name, Code = task.StopCode ?? byContainer.Code };
        return explained;
    }

    /// <summary>A container's <c>reason</c> explained, or null when no stop-reason entry knows it.</summary>
    public ErrorExplanation? ExplainContainerReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || MatchReason(reason) is not ({ } entry, { } match) ? null : Build(entry, match, entry.Codes[0], reason);

    /// <summary>
    /// A service event message (or a deployment's <c>rolloutStateReason</c>) explained, or null when it is news that needs
    /// no explaining (<c>has reached a steady state</c>, <c>has started 1 tasks</c>) or no entry knows it.
    /// </summary>
    public ErrorExplanation? ExplainServiceEvent(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return null;
        foreach (var entry in byPattern.Where(e => e.Source == ErrorSource.ServiceEvent))
            if (entry.Message!.Match(message) is { Success: true } match) return Build(entry, match, ServiceEventEntries.Code, message);
        return null;
    }

    /// <summary>
    /// The service events that need explaining, newest first as <c>describe-services</c> lists them, one per entry (the
    /// newest message of each), at most <paramref name="limit"/>.
    /// </summary>
    public ImmutableArray<ErrorExplanation> ExplainServiceEvents(IEnumerable<string> messagesNewestFirst, int limit = 3) =>
    [
        .. messagesNewestFirst.Select(ExplainServiceEvent).OfType<ErrorExplanation>()
            .DistinctBy(e => e.EntryId).Take(limit),
    ];

    /// <summary>
    /// What is wrong with a service, from its events and its failed deployments' rollout reasons, explained (newest first,
    /// one per kind): only what happened since the service last reached a steady state, so an old trouble is not shown again.
    /// </summary>
    public ImmutableArray<ErrorExplanation> ExplainService(ServiceView service, int limit = 3)
    {
        var recent = service.Events.TakeWhile(e => !e.Message.Contains("has reached a steady state", StringComparison.Ordinal)).Select(e => e.Message);
        var rollouts = service.Deployments.Where(d => d.RolloutState == "FAILED").Select(d => d.RolloutStateReason).OfType<string>();
        return ExplainServiceEvents(recent.Concat(rollouts), limit);
    }

    /// <summary>
    /// A <c>failures[]</c> item explained: the API action that answered it (<c>RunTask</c>), its <c>reason</c>
    /// (<c>MISSING</c>, <c>RESOURCE:MEMORY</c>, <c>Capacity is unavailable at this time…</c>) and its <c>detail</c>.
    /// </summary>
    public ErrorExplanation ExplainFailure(string operation, string? reason, string? detail = null, string? arn = null)
    {
        var text = reason ?? "";
        var original = string.Join(" ", new[] { arn is null ? null : $"{arn}:", text, detail }.Where(p => !string.IsNullOrEmpty(p)));
        foreach (var entry in byPattern.Where(e => e.Source == ErrorSource.Failure))
            if (entry.TryMatch(operation, text) is { } match) return Build(entry, match, text, original);
        return Fallback(text, original) with
        {
            Source = ErrorSource.Failure,
            Title = JapaneseText.From("`{operation}` が失敗を返しました", new Dictionary<string, string> { ["operation"] = operation }),
            WhatHappened = JapaneseText.From("呼び出しそのものは成功しましたが、`failures` に失敗した項目と理由 (`reason`) が入っていました。"),
            Why = JapaneseText.Plain("この理由の説明はまだ用意していません。下の原文がそのまま手がかりになります。"),
            Fix = JapaneseText.From("`reason` と `detail` を手がかりに、指定したクラスター・リソース・リージョンを見直してください。"),
            Pages = AwsPages.All("DG/api_failures_messages.html"),
        };
    }

    private (ErrorEntry? Entry, Match? Match) MatchReason(string reason)
    {
        foreach (var entry in byPattern.Where(e => e.Source == ErrorSource.Task))
            if (entry.Message!.Match(reason) is { Success: true } match) return (entry, match);
        return (null, null);
    }

    /// <summary>
    /// Whether two error codes name the same error: the part after a <c>#</c> namespace and before a <c>:</c>
    /// suffix, without a trailing <c>Exception</c>, compared case-insensitively
    /// (<c>ThrottlingException</c> = <c>Throttling</c>).
    /// </summary>
    public static bool SameCode(string a, string b) =>
        string.Equals(NormaliseCode(a), NormaliseCode(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>The bare error code: <c>com.amazon…#ClusterNotFoundException:http://…</c> → <c>ClusterNotFound</c>.</summary>
    public static string NormaliseCode(string code)
    {
        var bare = code.Trim();
        var hash = bare.LastIndexOf('#');
        if (hash >= 0) bare = bare[(hash + 1)..];
        var colon = bare.IndexOf(':');
        if (colon >= 0) bare = bare[..colon];
        return bare.EndsWith("Exception", StringComparison.Ordinal) && bare.Length > "Exception".Length
            ? bare[..^"Exception".Length]
            : bare;
    }

    private (ErrorEntry? Entry, Match? Match) FindWithMatch(string code, string message)
    {
        foreach (var entry in byPattern)
            if (entry.TryMatch(code, message) is { } match) return (entry, match);
        foreach (var entry in byCode)
            if (entry.TryMatch(code, message) is { } match) return (entry, match);
        return (null, null);
    }

    private static ErrorExplanation Build(ErrorEntry entry, Match match, string code, string message)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Group group in match.Groups)
            if (group.Success && !int.TryParse(group.Name, out _)) values[group.Name] = group.Value;
        return new ErrorExplanation
        {
            Code = code,
            Message = message,
            EntryId = entry.Id,
            Source = entry.Source,
            Title = JapaneseText.From(entry.Title, values),
            WhatHappened = JapaneseText.From(entry.WhatHappened, values),
            Why = JapaneseText.From(entry.Why, values),
            Fix = JapaneseText.From(entry.Fix, values),
            Topic = entry.Topic,
            Pages = entry.Pages,
            CauseIsInStoppedTasks = entry.CauseIsInStoppedTasks,
            SizeTable = entry.SizeTable?.Invoke(match),
        };
    }

    private static ErrorExplanation Fallback(string code, string message)
    {
        var values = new Dictionary<string, string> { ["code"] = code };
        var broad = BroadCodes.FirstOrDefault(b => SameCode(b.Code, code));
        return new ErrorExplanation
        {
            Code = code,
            Message = message,
            Title = JapaneseText.From("AWS がエラー `{code}` を返しました", values),
            WhatHappened = JapaneseText.From(broad.Meaning ?? "この組み合わせの説明はまだ用意していません。下の元のメッセージがそのまま手がかりになります。", values),
            Why = JapaneseText.From("元のメッセージ (英語) に、AWS が受け付けなかった理由が書かれています。"),
            Fix = JapaneseText.From("メッセージに出てくるパラメータ名を手がかりに、リクエストの値を見直してください。同じ操作を AWS CLI で実行すると、どの値が原因か切り分けやすくなります。"),
        };
    }

    private static readonly (string Code, string? Meaning)[] BroadCodes =
    [
        ("ClientException", "`ClientException` は、リクエストの内容が ECS の決まりに合わないときの総称のエラーです。"),
        ("InvalidParameterException", "`InvalidParameterException` は、パラメータの値が使えないときの総称のエラーです。"),
        ("ValidationException", "`ValidationException` は、パラメータの形式 (長さや使える文字) が決まりに合わないときのエラーです。"),
    ];
}

/// <summary>Shorthand for writing catalogue entries.</summary>
internal static class Entry
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Singleline;

    /// <summary>An entry for the <c>|</c>-separated <paramref name="codes"/> and an optional message pattern.</summary>
    public static ErrorEntry Of(
        ErrorSource source, string id, string codes, string? pattern,
        string title, string happened, string why, string fix, Explanations.ExplanationTopic? topic = null, string? pages = null) =>
        new()
        {
            Pages = AwsPages.All(pages),
            Id = id,
            Source = source,
            Codes = [.. codes.Split('|')],
            Message = pattern is null ? null : new Regex(pattern, Options, TimeSpan.FromSeconds(1)),
            Title = title,
            WhatHappened = happened,
            Why = why,
            Fix = fix,
            Topic = topic,
        };
}
