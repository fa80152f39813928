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
            "演習 1: Fargate で自分が用意するもの",
        ],
        "03-cluster" =>
        [
            "クラスター名: fargate-cluster",
            "ステータス: ACTIVE",
            "ARN: arn:aws:ecs:ap-northeast-1:123456789012:cluster/fargate-cluster",
            "同じ ARN のクラスターが返ってきました。新しいクラスターは作られていません。",
            "must match ^[a-zA-Z0-9\\-_]{1,255}$, but was my cluster!",
            "クラスター fargate-cluster の全体像",
            "演習 1: クラスター名の規則",
            ": 予想 エラー / 実際 InvalidParameterException",
            "クラスター practice-cluster",
        ],
        "04-task-definition" =>
        [
            "タスク定義 sample-fargate:1 を登録しました",
            "arn:aws:ecs:ap-northeast-1:123456789012:task-definition/sample-fargate:1",
            "No Fargate configuration exists for given values: 256 CPU, 4096 memory.",
            "\"awslogs-group\": \"/ecs/sample-fargate\"",
            "practice-fargate:1",
            // Exercise 2 runs the seed's step 4 with the real AWS CLI: revision 2, tagged for cleanup.
            "aws ecs register-task-definition --cli-input-json file://tasks/fargate-task.json",
            "リビジョンの予想: 2 / 実際: 2",
            "演習 2: fargate-task.json の登録",
            "タスク定義 sample-fargate は Fargate で動かせるか",
        ],
        "06-service" =>
        [
            // The seed's step 5, verbatim, run by the real AWS CLI against the simulator.
            "AWS CLI のコマンドが成功しました",
            "arn:aws:ecs:ap-northeast-1:123456789012:service/fargate-cluster/fargate-service",
            "サービス fargate-service は定常状態に達しました",
            "(service fargate-service) has reached a steady state.",
            "サービス fargate-service のタスクの必要数を 3 にしました",
            "(service fargate-service) has started 2 tasks",
            simulator.TasksRunOnDocker ? "✓ ページに、このタスクの ID" : "ページはありません (シミュレーションのランタイム)",
            // Lesson 04's exercise 2 registered revision 2, so APP_VERSION=2 is revision 3.
            "サービス fargate-service に sample-fargate:3 をデプロイしています",
            // The rollout to revision 2 stops the three old tasks. On the simulated clock they go in one event; with real
            // containers the new tasks become RUNNING at their own moments, so ECS may stop the old ones in several events.
            simulator.TasksRunOnDocker ? "(service fargate-service) has stopped " : "(service fargate-service) has stopped 3 running tasks",
            "Essential container in task exited",
            "は一覧になく、代わりのタスクが起動しています。",
            // The circuit breaker fails the deployment of a tag that does not exist and rolls back by itself.
            "デプロイサーキットブレーカー",
            "のデプロイは FAILED",
            "deployment failed: tasks failed to start.",
            "(service fargate-service) rolling back to deployment ecs-svc/",
            "演習 1: デプロイの計算",
            "実際に最初に起きたこと: (service fargate-service) has stopped 2 running tasks",
            "サービス fargate-service は定常状態か",
        ],
        "05-tasks" =>
        [
            "family:sample-fargate",
            "は RUNNING になりました",
            simulator.TasksRunOnDocker ? "sample-web: 停止の合図 (SIGTERM) を受け取りました。終了します" : "[ecs-workshop] Received SIGTERM: ワークショップの練習で停止",
            "UserInitiated",
            "止めたタスクの代わりは起動されていません。",
            "TaskFailedToStart",
            "EssentialContainerExited",
            "設定ファイルがありません",
            simulator.TasksRunOnDocker ? "CannotPullContainerError:" : "CannotPullContainerError: pull image manifest has been retried 5 time(s)",
            "演習 1: 停止コードの予想",
        ],
        "07-load-balancer" =>
        [
            "ロードバランサー web-alb を作成しました",
            "elbv2 create-target-group --name web-alb-targets --protocol HTTP --port 80",
            "を開きました (503)",
            "(service web-service) registered ",
            "を開きました (200)",
            "✓ 2 つのタスクが交代で答えました",
            "失敗: 0 件、答えたバージョン: 1 → 2",
            "(service web-service) has begun draining connections on ",
            "(service web-service) deregistered ",
            "Health checks failed with these codes: [404]",
            "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web-alb-targets/",
            "(service web-service) (port 80) is unhealthy in (target-group ",
            "失敗: 0 件、答えたバージョン: 2",
            "ターゲットグループ web-alb-targets のターゲットはすべて正常か",
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
            // The last activity (to 6) may still be InProgress when the cell lists them (it ends at the next scaling
            // tick, once ECS has the tasks); the one before it (to 4) has always ended by then.
            simulator.TasksRunOnDocker ? "Setting desired count to " : "Setting desired count to 6.",
            simulator.TasksRunOnDocker ? "Successfully set desired count to " : "Successfully set desired count to 4. Change successfully fulfilled by ecs.",
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
            "elbv2 delete-listener --listener-arn arn:aws:elasticloadbalancing:",
            "elbv2 delete-target-group --target-group-arn arn:aws:elasticloadbalancing:",
            "ec2 delete-security-group --group-id sg-",
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
