namespace EcsWorkshop.Display.Formatting;

/// <summary>What a status means for the learner, which decides its badge colour.</summary>
public enum StatusKind
{
    /// <summary>Working as wanted: ACTIVE, RUNNING, COMPLETED, HEALTHY.</summary>
    Good,

    /// <summary>On its way: PROVISIONING, PENDING, IN_PROGRESS, STOPPING …</summary>
    Progress,

    /// <summary>Needs a look but is not broken: DRAINING, an older deployment still running.</summary>
    Warning,

    /// <summary>Went wrong: FAILED, UNHEALTHY, a task that failed to start.</summary>
    Bad,

    /// <summary>Finished or gone: STOPPED, INACTIVE, UNKNOWN, or a value we do not know.</summary>
    Neutral,
}

/// <summary>A status value as a badge: its colour and the Japanese word shown beside the AWS value.</summary>
/// <param name="Value">The value exactly as AWS sends it (<c>RUNNING</c>).</param>
/// <param name="Kind">What it means, for the colour.</param>
/// <param name="Japanese">The Japanese word for it, or null for a value we have no word for.</param>
public sealed record StatusBadge(string Value, StatusKind Kind, string? Japanese)
{
    /// <summary>The CSS class of the badge's colour: <c>ecsws-badge-good</c> …</summary>
    public string CssClass => "ecsws-badge-" + Kind.ToString().ToLowerInvariant();

    /// <summary><c>RUNNING (実行中)</c>, or the bare value when there is no Japanese word.</summary>
    public string ToText() => Japanese is null ? Value : $"{Value} ({Japanese})";

    /// <summary>The badge for a status value (any AWS status, stop code or rollout state); unknown values are neutral.</summary>
    public static StatusBadge For(string status) =>
        Known.TryGetValue(status, out var known) ? new(status, known.Kind, known.Japanese) : new(status, StatusKind.Neutral, null);

    private static readonly Dictionary<string, (StatusKind Kind, string Japanese)> Known = new(StringComparer.Ordinal)
    {
        // Clusters, services, task definitions, repositories
        ["ACTIVE"] = (StatusKind.Good, "アクティブ"),
        ["INACTIVE"] = (StatusKind.Neutral, "非アクティブ"),
        ["DRAINING"] = (StatusKind.Warning, "ドレイン中"),
        ["PROVISIONING"] = (StatusKind.Progress, "準備中"),
        ["DEPROVISIONING"] = (StatusKind.Progress, "リソース解放中"),
        ["FAILED"] = (StatusKind.Bad, "失敗"),
        ["DELETE_IN_PROGRESS"] = (StatusKind.Warning, "削除中"),
        // Task lifecycle
        ["PENDING"] = (StatusKind.Progress, "保留中"),
        ["ACTIVATING"] = (StatusKind.Progress, "有効化中"),
        ["RUNNING"] = (StatusKind.Good, "実行中"),
        ["DEACTIVATING"] = (StatusKind.Progress, "無効化中"),
        ["STOPPING"] = (StatusKind.Progress, "停止処理中"),
        ["STOPPED"] = (StatusKind.Neutral, "停止"),
        ["DELETED"] = (StatusKind.Neutral, "削除済み"),
        // Health
        ["HEALTHY"] = (StatusKind.Good, "正常"),
        ["UNHEALTHY"] = (StatusKind.Bad, "異常"),
        ["UNKNOWN"] = (StatusKind.Neutral, "不明"),
        // Deployments
        ["PRIMARY"] = (StatusKind.Good, "最新"),
        ["IN_PROGRESS"] = (StatusKind.Progress, "進行中"),
        ["COMPLETED"] = (StatusKind.Good, "完了"),
        // Stop codes
        ["TaskFailedToStart"] = (StatusKind.Bad, "起動失敗"),
        ["EssentialContainerExited"] = (StatusKind.Bad, "必須コンテナが終了"),
        ["UserInitiated"] = (StatusKind.Neutral, "ユーザーが停止"),
        ["ServiceSchedulerInitiated"] = (StatusKind.Neutral, "サービススケジューラが停止"),
        ["SpotInterruption"] = (StatusKind.Warning, "スポット中断"),
        ["TerminationNotice"] = (StatusKind.Warning, "終了通知"),
    };
}
