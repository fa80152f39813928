using System.Collections.Immutable;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Formatting;

/// <summary>The cards of the AWS resources: clusters, task definitions, services, tasks, repositories, logs.</summary>
internal static class ResourceCards
{
    /// <summary>How many service events a card shows at most.</summary>
    public const int MaxEvents = 10;

    public static Card Cluster(ClusterView cluster) => new("cluster", "クラスター", cluster.Name, StatusBadge.For(cluster.Status),
    [
        new FieldsBlock(
        [
            new("ステータス", Cell.Status(cluster.Status)),
            new("ARN", Cell.Code(cluster.Arn)),
            new("実行中のタスク数", Cell.Number(cluster.RunningTasksCount)),
            new("保留中のタスク数", Cell.Number(cluster.PendingTasksCount)),
            new("アクティブなサービス数", Cell.Number(cluster.ActiveServicesCount)),
            new("コンテナインスタンス数", Cell.Number(cluster.RegisteredContainerInstancesCount)),
        ]),
    ]);

    public static Card TaskDefinition(TaskDefinitionView definition)
    {
        var fields = new List<Field>
        {
            new("ファミリー", Cell.Code(definition.Family)),
            new("リビジョン", Cell.Number(definition.Revision)),
        };
        if (definition.Status is not null) fields.Add(new("ステータス", Cell.Status(definition.Status)));
        if (definition.Arn is not null) fields.Add(new("ARN", Cell.Code(definition.Arn)));
        fields.Add(new("CPU", Cell.Text(Sizes.Cpu(definition.Cpu))));
        fields.Add(new("メモリ", Cell.Text(Sizes.Memory(definition.Memory))));
        fields.Add(new("ネットワークモード", Cell.Code(definition.NetworkMode ?? "(未指定: EC2 では bridge)")));
        fields.Add(new("要求する起動タイプ", Codes(definition.RequiresCompatibilities)));
        fields.Add(new("互換性 (compatibilities)", Codes(definition.Compatibilities)));
        fields.Add(new("タスク実行ロール", Cell.Code(definition.ExecutionRoleArn)));
        fields.Add(new("タスクロール", Cell.Code(definition.TaskRoleArn)));

        var rows = definition.Containers.Select(c => new TableRow(
        [
            Cell.Code(c.Name),
            Cell.Code(c.Image),
            Cell.Text(c.Essential ? "はい" : "いいえ"),
            Cell.List(c.Ports.Select(p => Cell.Code(p.ToString()))),
            Cell.Text(ContainerMemory(c)),
            Cell.Text(c.LogDriver is null ? null : c.LogGroup is null ? c.LogDriver : $"{c.LogDriver}: {c.LogGroup}"),
            Cell.Code(c.LogStreamPrefix),
        ]));
        return new("task-definition", "タスク定義", definition.FamilyRevision, definition.Status is null ? null : StatusBadge.For(definition.Status),
        [
            new FieldsBlock([.. fields]),
            new TableBlock("コンテナ", ["名前", "イメージ", "必須", "ポート", "メモリ", "ログ", "ストリームのプレフィックス"], [.. rows],
                "コンテナがありません"),
        ]);
    }

    public static Card Service(ServiceView service)
    {
        var fields = new List<Field>
        {
            new("ステータス", Cell.Status(service.Status)),
            new("クラスター", Cell.Code(service.Cluster)),
            new("タスク定義", Cell.Code(Sizes.ShortTaskDefinition(service.TaskDefinition))),
            new("起動タイプ", Cell.Code(service.LaunchType)),
            new("希望タスク数", Cell.Number(service.DesiredCount)),
            new("実行中", Cell.Number(service.RunningCount)),
            new("保留中", Cell.Number(service.PendingCount)),
            new("ECS Exec", Cell.Text(service.EnableExecuteCommand ? "有効" : "無効")),
        };
        if (service.CreatedAt is not null) fields.Add(new("作成日時", Cell.Time(service.CreatedAt)));
        if (service.Arn is not null) fields.Add(new("ARN", Cell.Code(service.Arn)));

        var deployments = service.Deployments.Select(d => new TableRow(
        [
            Cell.Code(d.Id),
            Cell.Status(DeploymentBadge(d.Status)),
            Cell.Code(Sizes.ShortTaskDefinition(d.TaskDefinition)),
            Cell.Number(d.DesiredCount),
            Cell.Number(d.RunningCount),
            Cell.Number(d.PendingCount),
            Cell.Number(d.FailedTasks),
            Cell.Status(d.RolloutState),
            Cell.Text(d.RolloutStateReason),
        ], Highlight: d.Status == "PRIMARY"));
        var events = service.Events.Take(MaxEvents).Select(e => new TableRow([Cell.Time(e.CreatedAt), Cell.Text(e.Message)]));
        var eventCaption = service.Events.Length > MaxEvents
            ? $"最新のイベント (新しい順、{MaxEvents} 件まで / 全 {JapaneseFormat.Number(service.Events.Length)} 件)"
            : "最新のイベント (新しい順)";
        var blocks = new List<Block>
        {
            new FieldsBlock([.. fields]),
            new TableBlock("デプロイ", ["ID", "ステータス", "タスク定義", "希望", "実行中", "保留中", "失敗", "ロールアウト", "理由"],
                [.. deployments], "デプロイはありません"),
            new TableBlock(eventCaption, ["日時", "メッセージ"], [.. events], "イベントはまだありません"),
        };
        foreach (var explanation in ErrorCatalogue.Default.ExplainService(service))
        {
            blocks.Add(new NoteBlock(NoteKind.Problem, "イベントの説明", Join(explanation.Title, explanation.Why)));
            blocks.Add(new NoteBlock(NoteKind.Fix, "直し方", explanation.Fix));
            if (WorkbookCards.PageLinks(explanation) is { } links) blocks.Add(links);
        }
        return new("service", "サービス", service.Name, StatusBadge.For(service.Status), [.. blocks]);
    }

    public static Card Task(TaskView task)
    {
        var fields = new List<Field>
        {
            new("最終ステータス", Cell.Status(task.LastStatus)),
            new("希望ステータス", Cell.Status(task.DesiredStatus)),
            new("タスク定義", Cell.Code(Sizes.ShortTaskDefinition(task.TaskDefinition))),
        };
        if (task.Group is not null) fields.Add(new("グループ", Cell.Code(task.Group)));
        if (task.LaunchType is not null) fields.Add(new("起動タイプ", Cell.Code(task.LaunchType)));
        if (task.CapacityProviderName is not null) fields.Add(new("キャパシティープロバイダー", Cell.Code(task.CapacityProviderName)));
        if (task.EnableExecuteCommand) fields.Add(new("ECS Exec", Cell.Text("有効")));
        if (task.Cpu is not null || task.Memory is not null)
            fields.Add(new("CPU / メモリ", Cell.Text($"{Sizes.Cpu(task.Cpu)} / {Sizes.Memory(task.Memory)}")));
        fields.Add(new("プライベート IP", Cell.Code(task.PrivateIpv4Address)));
        if (task.StopCode is not null) fields.Add(new("停止コード", Cell.Status(task.StopCode)));
        if (task.StoppedReason is not null) fields.Add(new("停止理由", Cell.Text(task.StoppedReason)));
        foreach (var (label, moment) in new[]
                 {
                     ("作成日時", task.CreatedAt), ("イメージ取得開始", task.PullStartedAt), ("イメージ取得完了", task.PullStoppedAt),
                     ("開始日時", task.StartedAt), ("停止開始", task.StoppingAt), ("停止日時", task.StoppedAt),
                 })
            if (moment is not null) fields.Add(new(label, Cell.Time(moment)));
        if (task.Arn is not null) fields.Add(new("ARN", Cell.Code(task.Arn)));

        var containers = task.Containers.Select(c => new TableRow(
        [
            Cell.Code(c.Name),
            Cell.Status(c.LastStatus),
            Cell.Number(c.ExitCode),
            Cell.Code(c.Image),
            Cell.Code(c.ImageDigest),
            Cell.Status(c.HealthStatus),
            Cell.Text(c.Reason),
        ]));
        var blocks = new List<Block>
        {
            new FieldsBlock([.. fields]),
            new TableBlock("コンテナ", ["名前", "最終ステータス", "終了コード", "イメージ", "イメージダイジェスト", "ヘルス", "理由"],
                [.. containers], "コンテナがありません"),
        };
        if (task.StopCode is not null && task.StopCode != "UserInitiated")
        {
            var explanation = ErrorCatalogue.Default.ExplainStoppedTask(task);
            var label = explanation.Container is { } container ? $"止まった理由 (コンテナ {container})" : "止まった理由";
            blocks.Add(new NoteBlock(NoteKind.Problem, label, Join(explanation.Title, explanation.Why)));
            blocks.Add(new NoteBlock(NoteKind.Fix, "確認すること", explanation.Fix));
            if (WorkbookCards.PageLinks(explanation) is { } links) blocks.Add(links);
        }
        return new("task", "タスク", task.Id, StatusBadge.For(task.LastStatus), [.. blocks]);
    }

    public static Card Repository(RepositoryView repository)
    {
        var fields = new List<Field> { new("URI", Cell.Code(repository.Uri)) };
        if (repository.Arn is not null) fields.Add(new("ARN", Cell.Code(repository.Arn)));
        if (repository.ImageTagMutability is not null)
            fields.Add(new("タグの付け替え", Cell.Text(repository.ImageTagMutability == "IMMUTABLE" ? "できない (IMMUTABLE)" : $"できる ({repository.ImageTagMutability})")));
        if (repository.CreatedAt is not null) fields.Add(new("作成日時", Cell.Time(repository.CreatedAt)));
        fields.Add(new("イメージ数", Cell.Number(repository.Images.Length)));

        var images = repository.Images
            .OrderByDescending(i => i.PushedAt ?? DateTimeOffset.MinValue)
            .Select(i => new TableRow(
            [
                i.Tags.IsDefaultOrEmpty ? Cell.Text("(タグなし)") : Cell.List(i.Tags.Select(t => Cell.Code(t))),
                Cell.Code(i.Digest),
                Cell.Text(i.SizeInBytes is { } size ? JapaneseFormat.Bytes(size) : null),
                Cell.Time(i.PushedAt),
            ]));
        return new("repository", "ECR リポジトリ", repository.Name, null,
        [
            new FieldsBlock([.. fields]),
            new TableBlock("イメージ (新しい順)", ["タグ", "ダイジェスト", "サイズ", "プッシュ日時"], [.. images], "イメージはまだありません"),
        ]);
    }

    public static Card LogLines(LogLinesView logs)
    {
        var fields = new List<Field> { new("ロググループ", Cell.Code(logs.LogGroup)) };
        if (logs.LogStream is not null) fields.Add(new("ログストリーム", Cell.Code(logs.LogStream)));
        fields.Add(new("行数", Cell.Number(logs.Lines.Length)));
        var severalStreams = logs.LogStream is null && logs.Lines.Any(l => l.LogStream is not null);
        var rows = logs.Lines.Select(l => new TableRow(severalStreams
            ? [Cell.Time(l.Timestamp), Cell.Code(l.LogStream), Cell.Code(l.Message)]
            : [Cell.Time(l.Timestamp), Cell.Code(l.Message)]));
        ImmutableArray<string> headers = severalStreams ? ["日時", "ストリーム", "メッセージ"] : ["日時", "メッセージ"];
        return new("logs", "ログ", logs.LogStream ?? logs.LogGroup, null,
        [
            new FieldsBlock([.. fields]),
            new TableBlock("ログイベント (古い順)", headers, [.. rows], "ログはまだありません"),
        ]);
    }

    /// <summary>A deployment's status: an older ACTIVE deployment is a warning (it is being replaced), not "good".</summary>
    internal static StatusBadge DeploymentBadge(string status) => status switch
    {
        "ACTIVE" => new StatusBadge(status, StatusKind.Warning, "旧デプロイ"),
        "INACTIVE" => new StatusBadge(status, StatusKind.Neutral, "入れ替え済み"),
        _ => StatusBadge.For(status),
    };

    private static Cell Codes(ImmutableArray<string> values) =>
        values.IsDefaultOrEmpty ? Cell.Text(null) : Cell.List(values.Select(v => Cell.Code(v)));

    private static string? ContainerMemory(ContainerDefinitionView container) => (container.Memory, container.MemoryReservation) switch
    {
        (null, null) => null,
        ({ } hard, null) => $"上限 {JapaneseFormat.Number(hard)} MiB",
        (null, { } soft) => $"予約 {JapaneseFormat.Number(soft)} MiB",
        ({ } hard, { } soft) => $"上限 {JapaneseFormat.Number(hard)} MiB / 予約 {JapaneseFormat.Number(soft)} MiB",
    };

    private static JapaneseText Join(JapaneseText first, JapaneseText second) =>
        new([.. first.Runs, new TextRun("。", false), .. second.Runs]);
}
