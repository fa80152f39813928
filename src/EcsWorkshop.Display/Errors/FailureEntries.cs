using static EcsWorkshop.Display.Explanations.ExplanationTopic;

namespace EcsWorkshop.Display.Errors;

/// <summary>
/// The <c>failures[].reason</c> values of calls that answer per item (DG/api_failures_messages.html): the entry's codes
/// are the API actions, its pattern the reason. Looked up with <see cref="ErrorCatalogue.ExplainFailure"/>.
/// </summary>
internal static class FailureEntries
{
    private const string Failures = "DG/api_failures_messages.html";
    private const string Launch = "RunTask|StartTask";

    private static ErrorEntry E(string id, string operations, string pattern, string title, string happened, string why, string fix,
        Explanations.ExplanationTopic? topic, string pages) =>
        Entry.Of(ErrorSource.Failure, id, operations, pattern, title, happened, why, fix, topic, pages);

    public static IEnumerable<ErrorEntry> All =>
    [
        E("failure-capacity-unavailable", Launch, @"Capacity is unavailable at this time",
            "いまは Fargate のキャパシティーがありません",
            "`RunTask` が、タスクを起動せずに失敗 (`failures`) を返しました。",
            "その時点で、ECS にこの Fargate タスクを起動するキャパシティーがありませんでした。勉強会のシミュレーター (`workshop serve --classroom`) では、部屋全体で使えるメモリ (ホストが決めた量) を参加者のタスクが使い切ったときに、このメッセージが返ります。",
            "少し待ってからもう一度起動してください。複数のアベイラビリティーゾーンのサブネットを指定する、`cpu`・`memory` を別の組み合わせにする、といった方法もあります。Step Functions なら `ECS.AmazonECSException` を再試行の対象にして、起動し直しを自動にできます。",
            LaunchTypes, "KC/ecs-fargate-runtask-capacity|" + Failures),
        E("failure-task-limit", Launch, @"reached the limit on the number of tasks you can run concurrently",
            "同時に動かせるタスクの数の上限に達しました",
            "`RunTask` が、タスクを起動せずに失敗 (`failures`) を返しました。",
            "アカウントのクォータ (同時に動かせるタスクの数) に達しています。勉強会のシミュレーター (`workshop serve --classroom`) では、参加者ごとの上限 (README の「クォータ」) に達したときにも、このメッセージが返ります。",
            "要らなくなったタスクを `aws ecs stop-task` で停止するか、サービスのタスクの必要数を減らしてから、もう一度起動してください。AWS では Service Quotas コンソールで Fargate のクォータを確かめ、引き上げをリクエストできます。",
            LaunchTypes, Failures),
        E("failure-resource", Launch, @"^RESOURCE:",
            "コンテナインスタンスのリソースが足りません (EC2)",
            "タスクを置けるコンテナインスタンスがなかったので、タスクは起動しませんでした (`RESOURCE:CPU`・`RESOURCE:MEMORY`・`RESOURCE:PORTS` など)。",
            "タスクが要求する CPU・メモリ・ポート・ENI・GPU を、どのインスタンスも空けていませんでした。",
            "クラスターにコンテナインスタンスを追加するか (GPU なら GPU インスタンス)、タスクの要求を減らしてください。Fargate で動かすなら `--launch-type FARGATE` を付けます。",
            LaunchTypes, Failures),
        E("failure-agent", Launch, @"^AGENT",
            "コンテナエージェントが切断されています (EC2)",
            "タスクを置こうとしたコンテナインスタンスのエージェントが切断されていたので、リクエストは拒否されました。",
            "インスタンスの ECS コンテナエージェントが ECS に接続していません。",
            "インスタンスのエージェントのログ (`/var/log/ecs/ecs-agent.log`) を確かめ、エージェントを再起動してください (`sudo systemctl restart ecs`)。",
            LaunchTypes, Failures + "|KC/ecs-agent-disconnected-linux2-ami"),
        E("failure-attribute", Launch, @"^ATTRIBUTE",
            "必要な属性を持つコンテナインスタンスがありません (EC2)",
            "タスクが必要とする属性を持つインスタンスがなかったので、タスクは起動しませんでした。",
            "タスク定義が必要とする属性 (たとえば `ecs.capability.task-eni`) を持つコンテナインスタンスがありません。",
            "タスク定義のパラメータとエージェントの設定を見直し、必要な属性を持つインスタンスを用意してください。",
            LaunchTypes, Failures),
        E("failure-location", Launch, @"^LOCATION",
            "インスタンスとサブネットのアベイラビリティーゾーンが違います (EC2)",
            "タスクは起動しませんでした。",
            "コンテナインスタンスが、`awsVpcConfiguration` のサブネットとは別のアベイラビリティーゾーンにあります。",
            "インスタンスと同じアベイラビリティーゾーンのサブネットを指定してください。",
            NetworkModes, Failures),
        E("failure-inactive", "StartTask", @"^INACTIVE",
            "コンテナインスタンスは登録解除されています (EC2)",
            "`StartTask` で指定したコンテナインスタンスは、すでに登録解除されていました。",
            "登録解除されたインスタンスにはタスクを置けません。",
            "`aws ecs list-container-instances` で ACTIVE なインスタンスを選んでください。",
            LaunchTypes, Failures),
        E("failure-task-not-valid", "GetTaskProtection|UpdateTaskProtection", @"^TASK_NOT_VALID",
            "このタスクは保護できません",
            "タスク保護の操作で、指定したタスクが対象になりませんでした。",
            "タスク保護を使えるのは、サービスが管理するタスクだけです。このタスクはサービスのタスクではありません。",
            "サービスのタスクを指定してください。クラスターとタスクの ARN (または ID) も確かめます。",
            Service, Failures),
        E("failure-deployment-blocked", "UpdateTaskProtection", @"^DEPLOYMENT_BLOCKED",
            "保護されたタスクがデプロイを止めています",
            "タスク保護の更新が失敗しました。",
            "保護されたタスクがあるために、サービスのデプロイが定常状態に達しません。",
            "保護を外す (`--no-protection-enabled`) か、保護の期限が切れるのを待ってください。",
            RollingUpdate, Failures),
        E("failure-stop-deployment", "StopServiceDeployment", @"ECS deployment failed",
            "サービスデプロイを停止できませんでした",
            "`StopServiceDeployment` が失敗を返しました。",
            "AWS のページはこの理由を「不正なアカウントが `StopServiceDeployment` API を実行した」とだけ説明しています。",
            "AWS はこの失敗の直し方を示していません。呼び出したアカウントと認証情報が正しいかを確かめ、続くなら AWS サポートに問い合わせてください。",
            RollingUpdate, Failures),
        E("failure-missing", "DescribeClusters|DescribeServices|DescribeTasks|GetTaskProtection|UpdateTaskProtection|DescribeContainerInstances|StartTask", @"^MISSING",
            "指定したリソースが見つかりません",
            "呼び出しは成功しましたが、指定したクラスター・サービス・タスク (またはコンテナインスタンス) が `failures` に `MISSING` として返りました。",
            "その名前・ARN・ID のリソースが、指定したクラスターとリージョンにありません (名前の書き間違い、別のクラスターやリージョン、削除済み)。",
            "クラスター名の綴り、クラスターとリージョン、サービスやタスクの ARN (または名前・ID) を確かめてください (`aws ecs list-clusters`、`list-services`、`list-tasks`)。",
            Cluster, Failures),
    ];
}
