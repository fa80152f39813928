using static EcsWorkshop.Display.Explanations.ExplanationTopic;

namespace EcsWorkshop.Display.Errors;

/// <summary>
/// Why a task stopped: its <c>stopCode</c> (as the "code") and <c>stoppedReason</c> (as the message). Looked up
/// with <see cref="ErrorCatalogue.ExplainStoppedTask"/>.
/// </summary>
internal static class TaskStopEntries
{
    private const string FailedToStart = "TaskFailedToStart";

    private static ErrorEntry E(string id, string codes, string? pattern, string title, string happened, string why, string fix,
        Explanations.ExplanationTopic? topic = null) =>
        Entry.Of(ErrorSource.Task, id, codes, pattern, title, happened, why, fix, topic);

    public static IEnumerable<ErrorEntry> All =>
    [
        E("stop-image-pull", FailedToStart, @"CannotPullContainerError",
            "コンテナイメージを取得できませんでした",
            "タスクの起動中に、コンテナのイメージをプル (ダウンロード) できませんでした。",
            "イメージ名やタグが間違っている、まだプッシュしていない、またはタスクから ECR に届かない (パブリック IP も NAT もない) 、タスク実行ロールに ECR の権限がない、などが原因です。",
            "`aws ecr list-images` でイメージとタグがあるか確かめ、タスク定義の `image` を正しい `リポジトリURI:タグ` にして新しいリビジョンを登録してください。",
            EcrPush),
        E("stop-log-group-missing", FailedToStart, @"ResourceInitializationError:.*log group does not exist",
            "ロググループがないのでタスクを起動できませんでした",
            "awslogs のログストリームを作れず、タスクが起動前に止まりました。",
            "タスク定義の `awslogs-group` に書いたロググループが存在しません。awslogs ドライバーはロググループを自動では作りません。",
            "`aws logs create-log-group --log-group-name グループ名` で作ってからタスクを起動し直すか、`logConfiguration.options` に `\"awslogs-create-group\": \"true\"` を加えてください (タスク実行ロールに `logs:CreateLogGroup` の権限が要ります)。",
            Awslogs),
        E("stop-registry-auth", FailedToStart, @"ResourceInitializationError: unable to pull secrets or registry auth",
            "ECR の認証情報を取得できませんでした",
            "タスクの起動中に、ECR やシークレットの取得に必要な AWS の API に届きませんでした。",
            "タスクのサブネットからインターネットにも VPC エンドポイントにも出られない (パブリックサブネットで `assignPublicIp` が `DISABLED`、プライベートサブネットに NAT がない) か、タスク実行ロールの権限が足りません。",
            "パブリックサブネットなら `assignPublicIp=ENABLED` にし、プライベートサブネットなら NAT ゲートウェイか ECR・S3・Logs の VPC エンドポイントを用意してください。",
            NetworkModes),
        E("stop-resource-initialization", FailedToStart, @"ResourceInitializationError",
            "タスクの準備に失敗しました",
            "コンテナを起動する前の準備 (ネットワーク、ログ、シークレットなど) に失敗しました。",
            "多くの場合、タスク実行ロールの権限不足か、タスクのネットワークから AWS の API に届かないことが原因です。",
            "`stoppedReason` の後半に失敗した処理が書かれているので、それに合わせてロールの権限やネットワーク設定を見直してください。",
            TaskRoles),
        E("stop-failed-to-start", FailedToStart, null,
            "タスクが起動できませんでした",
            "タスクが RUNNING になる前に止まりました。",
            "イメージの取得、ログの準備、ネットワークの準備など、起動前の段階で失敗しています。",
            "`stoppedReason` と、コンテナごとの `reason` を確認してください。",
            TaskLifecycle),
        E("stop-essential-exited", "EssentialContainerExited", @"Essential container in task exited",
            "必須コンテナが終了しました",
            "必須 (`essential`) のコンテナが終了したので、タスク全体が止まりました。",
            "必須コンテナが止まると、ECS は同じタスクの他のコンテナも止めます。コンテナのプロセスがエラーで終わったか、すぐ終わるコマンドだった可能性があります。",
            "コンテナの終了コード (`exitCode`) とログ (`aws logs tail ロググループ名`) を確認してください。サービスのタスクなら、ECS が自動で新しいタスクを起動します。",
            TaskLifecycle),
        E("stop-essential-exited-any", "EssentialContainerExited", null,
            "必須コンテナが終了しました",
            "必須 (`essential`) のコンテナが終了したので、タスク全体が止まりました。",
            "必須コンテナが止まると、ECS は同じタスクの他のコンテナも止めます。",
            "コンテナの終了コード (`exitCode`) とログを確認してください。",
            TaskLifecycle),
        E("stop-user", "UserInitiated", null,
            "ユーザーがタスクを止めました",
            "`StopTask` (`aws ecs stop-task`) などで、利用者がタスクを止めました。",
            "エラーではありません。`stoppedReason` には StopTask の `--reason` の内容が入ります。",
            "もう一度動かすなら `aws ecs run-task` で起動してください。サービスのタスクなら ECS が自動で補充します。",
            TaskLifecycle),
        E("stop-elb-health", "ServiceSchedulerInitiated", @"Task failed ELB health checks",
            "ロードバランサーのヘルスチェックに失敗しました",
            "ターゲットグループのヘルスチェックに合格しなかったため、サービスがタスクを止めて入れ替えました。",
            "アプリが起動しきる前にチェックされた、ヘルスチェックのパスやポートが違う、セキュリティグループがロードバランサーからの通信を通さない、などが考えられます。",
            "ヘルスチェックのパスとポートを確かめ、必要ならサービスの `--health-check-grace-period-seconds` を長くしてください。",
            Service),
        E("stop-scheduler", "ServiceSchedulerInitiated", null,
            "サービスがタスクを止めました",
            "サービスのスケジューラーがタスクを止めました。",
            "希望タスク数を減らした、新しいデプロイで古いタスクを入れ替えた、などの理由です。エラーとは限りません。",
            "サービスのイベント (`aws ecs describe-services` の `events`) で理由を確認してください。",
            RollingUpdate),
        E("stop-spot", "SpotInterruption|TerminationNotice", null,
            "基盤の中断でタスクが止まりました",
            "Fargate Spot の中断や、基盤のメンテナンスでタスクが止まりました。",
            "Spot のキャパシティーは AWS の都合で回収されることがあります。",
            "サービスなら自動で補充されます。中断されては困るタスクは Spot ではなく通常の `FARGATE` で動かしてください。",
            LaunchTypes),
    ];
}
