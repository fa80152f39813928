namespace EcsWorkshop.Lessons.Tests.Support;

/// <summary>
/// What each lesson must print or display when it runs against <see cref="LessonSimulator"/>, besides running
/// without a failing cell, in a notebook kernel and as a file-based app alike (so nothing the setup cell prints).
/// A lesson author adds an entry here for a new lesson.
/// </summary>
public static class LessonExpectations
{
    public static IReadOnlyList<string> For(string lessonName, LessonSimulator simulator) => lessonName switch
    {
        "00-setup" =>
        [
            $"シミュレーターのアドレス: {simulator.Endpoint}/",
            "シミュレーターの状態: ok",
            $"状態を保存しているディレクトリ: {simulator.StateDirectory}",
            "時間の速さ: 現実の 20 倍",
            "AmazonEC2ContainerRegistry_V20150921",
            "シミュレーター (AWS アカウントなし、料金なし)",
            "演習 1: セッションのリージョン",
        ],
        "03-cluster" =>
        [
            "クラスター名: fargate-cluster",
            "ステータス: ACTIVE",
            "ARN: arn:aws:ecs:ap-northeast-1:123456789012:cluster/fargate-cluster",
            "同じ ARN のクラスターが返ってきました。新しいクラスターは作られていません。",
            "must match ^[a-zA-Z0-9\\-_]{1,255}$, but was my cluster!",
            "クラスター fargate-cluster の全体像",
            "クラスター practice-cluster",
        ],
        "04-task-definition" =>
        [
            "タスク定義 sample-fargate:1 を登録しました",
            "arn:aws:ecs:ap-northeast-1:123456789012:task-definition/sample-fargate:1",
            "No Fargate configuration exists for given values: 256 CPU, 4096 memory.",
            "\"awslogs-group\": \"/ecs/sample-fargate\"",
            "practice-fargate:1",
            "タスク定義 sample-fargate は Fargate で動かせるか",
        ],
        "06-service" =>
        [
            "サービス fargate-service を作成しました",
            "サービス fargate-service は安定しました",
            "(service fargate-service) has reached a steady state.",
            "サービス fargate-service の希望タスク数を 3 にしました",
            "(service fargate-service) has started 2 tasks",
            simulator.TasksRunOnDocker ? "✓ ページに、このタスクの ID" : "ページはありません (シミュレーションのランタイム)",
            "サービス fargate-service に sample-fargate:2 をデプロイしています",
            // The rollout to revision 2 stops the three old tasks. On the simulated clock they go in one event; with real
            // containers the new tasks become RUNNING at their own moments, so ECS may stop the old ones in several events.
            simulator.TasksRunOnDocker ? "(service fargate-service) has stopped " : "(service fargate-service) has stopped 3 running tasks",
            "Essential container in task exited",
            "は一覧になく、代わりのタスクが起動しています。",
            "演習 1: 希望タスク数",
            "サービス fargate-service は安定しているか",
        ],
        "05-tasks" =>
        [
            "family:sample-fargate",
            "は RUNNING になりました",
            simulator.TasksRunOnDocker ? "sample-web: 停止の合図 (SIGTERM) を受け取りました。終了します" : "[ecs-workshop] Received SIGTERM: ワークショップの練習で停止",
            "UserInitiated",
            "止めたタスクの代わりは起動されていません。",
            "TaskFailedToStart",
            simulator.TasksRunOnDocker ? "CannotPullContainerError:" : "CannotPullContainerError: pull image manifest has been retried 5 time(s)",
            "演習 1: バッチ処理のタスク",
        ],
        "08-auto-scaling" =>
        [
            "service/fargate-cluster/scaling-service: 最小タスク数 1 / 最大タスク数 6",
            "cpu-target-tracking: CPU 使用率のターゲット値 50% (アラーム 2 個)",
            "TargetTracking-service/fargate-cluster/scaling-service-AlarmHigh-",
            // The simulated runtime's load is a figure, so the scale-out is known: 1 → 2 → 4 → 6 and back to 1. With real
            // containers the CPU the requests cost decides, so only the real load and a scale-out are certain.
            simulator.TasksRunOnDocker ? "scaling-service: 実際の負荷をかけています" : "scaling-service: タスク 3 個分の負荷をかけました",
            simulator.TasksRunOnDocker ? "Setting desired count to " : "scaling-service: タスクの必要数が 6 になり、6 個のタスクが実行中です",
            simulator.TasksRunOnDocker ? "Successfully set desired count to " : "Successfully set desired count to 6. Change successfully fulfilled by ecs.",
            "monitor alarm TargetTracking-service/fargate-cluster/scaling-service-AlarmHigh-",
            "scaling-service: タスクの必要数が 1 になり、1 個のタスクが実行中です",
            "スケーリングのグラフ",
            "クラスター fargate-cluster で FARGATE と FARGATE_SPOT を使えるようにしました",
            "サービス spot-service を FARGATE (base 1, ウエイト 0) と FARGATE_SPOT (ウエイト 3) に分けます",
            "FARGATE 1 個、FARGATE_SPOT 3 個",
            "Your Spot Task was interrupted.",
            "Fargate Spot の中断でタスクが止まりました",
            ": FARGATE_SPOT",
            "演習 1: base とウエイト値の予想",
        ],
        "09-cleanup" =>
        [
            "ClusterContainsServicesException",
            "このセッションが作ったものを削除しました",
            "ecs delete-cluster --cluster fargate-cluster",
            "ecr delete-repository --repository-name sample-web --force",
            "このセッションが作ったものは削除されたか",
            "演習 1: クラスターの一覧",
        ],
        "01-container-image" =>
        [
            "イメージ sample-web:v1 をビルドしました",
            "✓ イメージのダイジェストは、マニフェストの SHA-256 です",
            "/www/cgi-bin/index.cgi",
            simulator.TasksRunOnDocker ? "DockerBuildFailed" : "Dockerfile を読めませんでした",
            simulator.TasksRunOnDocker ? "ビルド方法: Docker エンジン (docker build)" : "ビルド方法: ワークショップのビルダー (Docker なし)",
            "演習 1: 同じ内容からは同じイメージになるか",
        ],
        "02-ecr" =>
        [
            "リポジトリ sample-web を作成しました",
            "/sample-web:v1 にプッシュしました",
            "✓ ECR に記録されたダイジェストは、ビルドしたイメージのダイジェストと同じです",
            "ユーザー名: AWS",
            "エラーコード: RepositoryAlreadyExistsException",
            "エラーコード: RepositoryNotFoundException",
            "演習 1: 2 つのタグが 1 つのイメージを指しているか",
        ],
        _ => [],
    };
}
