// 05-tasks.cs: notebooks/05-tasks.ipynb から `workshop export-apps` で生成したファイルです。
// 手で直さずに、ノートブックを直してから生成し直してください（dotnet run --project src/EcsWorkshop.Cli -- export-apps）。
// 実行: レッスンの順に、リポジトリのルートで次のように実行します（シミュレーターは動いているものを使い、なければアプリの中で起動します）。
//   dotnet run notebooks/apps/05-tasks.cs
#:project ../../src/EcsWorkshop/EcsWorkshop.csproj
#:property PublishAot=false

using EcsWorkshop;
using EcsWorkshop.Steps;
using EcsWorkshop.Checks;
using EcsWorkshop.Errors;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Facts.Simulator;

// ノートブックと同じく、レッスンのフォルダー (このファイルの 1 つ上) を作業フォルダーにします。セルの相対パスはそこから数えます。
Environment.CurrentDirectory = System.IO.Path.GetFullPath(System.IO.Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, ".."));

// # 05. タスクを動かす
//
// レッスン 04 で、タスクの設計図であるタスク定義を登録しました。このレッスンでは、そのタスク定義からタスクを直接起動します。タスクを起動し、止め、止まった理由とログを確かめるという、トラブルシューティングの基本の流れを身につけます。次のレッスン 06 では、ここで学んだタスクを、サービスが数を保って動かし続けるところを見ます。
//
// ## このレッスンのゴール
//
// - `run-task` でタスクを 1 つ動かす使い方と、サービスのタスクとの違いを説明できる
// - タスクの `lastStatus` と `desiredStatus` を追って、いまどの段階にいるかを読める
// - タスクを止めて、停止コード・停止理由・終了コード・ログから、何が起きたかを確かめられる
// - よくある間違い（イメージタグの打ち間違い、異常終了するコマンド）が、どの停止コードになるかを予想できる

// ## 前提
//
// レッスン 03 のクラスター `fargate-cluster` と、レッスン 04 のタスク定義 `sample-fargate:1` を使います。
//
// AWS モードでは、タスクが RUNNING になるまで数十秒以上かかることがあります（イメージの大きさなどによります）。ログが CloudWatch Logs に届くまで、少し待つこともあります。Fargate のタスクは、動いている間の料金がかかります。

// ── セル 1（セットアップ） ──
// ノートブックではこのセルが notebooks/setup.csx でヘルパーライブラリをビルドし、読み込みます。
// このアプリでは、ファイルの先頭の `#:project` が同じライブラリを参照し、`dotnet run` がいっしょにビルドします。

// ── セル 2 ──
var workshop = await Workshop.StartAsync("05-tasks");
display(await workshop.Checks.ClusterExistsAsync("fargate-cluster"));
display(await workshop.Checks.TaskDefinitionIsFargateReadyAsync("sample-fargate"));

// ## サービスのタスクと、単独のタスク
//
// タスクを起動する方法は 2 つあります。
//
// - **サービス** に任せる: タスクの必要数を保ち、止まれば入れ替えます。Web アプリのように、ずっと動いていてほしいもの向けです。次のレッスン 06 で扱います。
// - **`run-task`** で直接起動する: 起動したら、あとはタスク次第です。止まっても誰も入れ替えません。データの一括処理、データベースのマイグレーション、定期的なバッチ処理のように、仕事を終えたら止まってよいもの向けです。
//
// どちらで起動しても、タスクは同じライフサイクルをたどります。
//
// ![タスクのライフサイクル: PROVISIONING から RUNNING まで進み、止めるときは DEACTIVATING から STOPPED まで進む](../images/task-lifecycle.svg)
//
// - **`lastStatus`**: タスクがいまいる状態です。起動するときは `PROVISIONING`（ネットワークの準備）→ `PENDING`（イメージの取得）→ `ACTIVATING` → `RUNNING` と進みます。
// - **`desiredStatus`**（目的のステータス）: ECS が目指している状態で、`RUNNING` か `STOPPED` のどちらかです。止めるように頼むと、まず `desiredStatus` が `STOPPED` になり、`lastStatus` があとから `DEACTIVATING` → `STOPPING` → `DEPROVISIONING` → `STOPPED` と追いかけます。
//
// ## タスクを起動する
//
// AWS CLI では、次のように起動します。Fargate のタスクは `awsvpc` で動くので、サービスと同じくネットワーク構成を指定します。
//
// ```sh
// aws ecs run-task --cluster fargate-cluster --task-definition sample-fargate:1 --count 1 --launch-type FARGATE \
//   --network-configuration "awsvpcConfiguration={subnets=[subnet-abcd1234],securityGroups=[sg-abcd1234]}"
// ```

// ── セル 3 ──
var started = await workshop.RunTaskAsync("sample-fargate:1");
var standalone = started.Value[0];
display(started);

// ### 結果の見どころ
//
// - **最終ステータス** はまだ `PROVISIONING` で、**目的のステータス** は `RUNNING` です。ECS が起動に取りかかったところです。
// - **グループ** が `family:sample-fargate` です。`run-task` で起動したタスクには、タスク定義のファミリー名が付きます。レッスン 06 でサービスが起動するタスクには `service:fargate-service` が付くので、見分けられます。
//
// `RUNNING` になるまで待ちます。`aws ecs wait tasks-running` に当たります。通った状態が 1 行ずつ表示されます。

// ── セル 4 ──
display(await workshop.WaitForTaskAsync(standalone.Id));

// ### 結果の見どころ
//
// - **開始日時** が記録されました。**イメージ取得開始** と **イメージ取得完了** の間が、ECR からイメージを取ってくるのにかかった時間です。
// - コンテナ `web` の **イメージダイジェスト** は、レッスン 02 でプッシュしたイメージのダイジェストです。
//
// ## ログを見る
//
// タスク定義でログドライバー `awslogs` を指定したので、コンテナが標準出力と標準エラーに書いた行は CloudWatch Logs に届きます。ロググループは `/ecs/sample-fargate`、ログストリームは `ecs/web/タスクID`（プレフィックス / コンテナ名 / タスク ID）です。
//
// シミュレーターがタスクを Docker で動かしているときは、コンテナが本当に書いた行（`sample-web: httpd をポート 80 で起動します` など）が、書いた時刻とともに並びます。AWS でも同じです。シミュレーションのときは、コンテナが動かない代わりに、シミュレーターが `[ecs-workshop]` で始まる行（コンテナの起動、停止の合図、終了コード）を書き込みます。

// ── セル 5 ──
display(await workshop.TaskLogsAsync(standalone.Id));

// ## タスクを止める
//
// `aws ecs stop-task` でタスクを止めます。止める理由を `--reason` で書いておくと、タスクの停止理由として残り、あとから誰がなぜ止めたのかがわかります。

// ── セル 6 ──
display(await workshop.StopTaskAsync(standalone.Id, reason: "ワークショップの練習で停止"));

// ### 結果の見どころ
//
// - **目的のステータス** がすぐに `STOPPED` になりました。**最終ステータス** は、まだ `RUNNING` のままか、止まる途中の状態です。
// - ECS はコンテナに `SIGTERM` を送り、30 秒（`stopTimeout` の既定値）たっても終わらなければ `SIGKILL` で止めます。
//
// 止まるまで待って、理由を確かめます。

// ── セル 7 ──
var stoppedTask = await workshop.WaitForTaskAsync(standalone.Id, "STOPPED");
display(stoppedTask);

// ### 結果の見どころ
//
// - **停止コード** が `UserInitiated`（利用者が止めた）、**停止理由** が、さきほど書いた「ワークショップの練習で停止」です。
// - 止まったタスクは、少なくとも 1 時間は `describe-tasks` で見られます。`list-tasks` で探すときは `--desired-status STOPPED` を付けます。
//
// ログにも、停止の合図（`SIGTERM`）を受け取って終わったことが書かれています。Docker で動いているときは、サンプルアプリの `start.sh` が書いた `sample-web: 停止の合図 (SIGTERM) を受け取りました。終了します` の行です。

// ── セル 8 ──
display(await workshop.TaskLogsAsync(standalone.Id));

// 単独のタスクは、止まっても代わりが起動されません。クラスターで動いているタスクを一覧にすると、いま止めたタスクはなく、代わりのタスクもありません。

// ── セル 9 ──
var runningNow = await workshop.ListTasksAsync();
Console.WriteLine(runningNow.Value.Any(t => t.Id == standalone.Id)
    ? "止めたタスクがまだ動いています（想定と違います）。"
    : $"止めたタスクの代わりは起動されていません。動いているタスク: {runningNow.Value.Length} 個");
display(runningNow);

// ## 起動に失敗するタスク
//
// よくある失敗の 1 つは、タスク定義に書いたイメージが見つからないことです。イメージのタグを打ち間違えたリビジョンを、練習用のファミリー `sample-fargate-typo` として登録し、起動してみます。ECR には `v1` しかないのに、`v9` を指定します。

// ── セル 10 ──
var pushedImage = (await workshop.DescribeTaskDefinitionAsync("sample-fargate:1")).Value.Containers[0].Image;
var typoImage = pushedImage[..pushedImage.LastIndexOf(':')] + ":v9";
await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = "sample-fargate-typo", ContainerName = "web", Image = typoImage });
var typoTask = (await workshop.RunTaskAsync("sample-fargate-typo")).Value[0];
var typoStopped = await workshop.WaitForTaskAsync(typoTask.Id, "STOPPED");
display(typoStopped);

// ### 結果の見どころ
//
// - `RUNNING` にならずに止まりました。**停止コード** は `TaskFailedToStart`（起動に失敗）です。
// - **停止理由** は `CannotPullContainerError:` で始まり、`not found` で終わっています。ECR に `v9` というタグのイメージがないので、取得できなかったということです。
//
// 停止理由の意味と直し方を、日本語で確かめます。

// ── セル 11 ──
display(await workshop.ExplainStoppedTaskAsync(typoTask.Id));

// ## 異常終了するタスク
//
// もう 1 つのよくある失敗は、コンテナは起動したのに、アプリケーションがエラーで終わってしまうことです。タスク定義はそのままで、起動するときだけコンテナのコマンドを上書きして、その場面を作ります（`run-task` の `--overrides` の `containerOverrides` に当たります）。
//
// ```
// sh -c "echo 起動しました; sleep 3; echo 設定ファイルがありません; exit 1"
// ```
//
// `command` はイメージの `CMD` の代わりに実行されるコマンドで、AWS でも同じように働きます。Docker で動いているときは、コンテナが本当にこのコマンドを実行して終わります。シミュレーションのときは、シミュレーターがこの `echo`・`sleep`・`exit` を読んで、同じように振る舞います。AWS CLI では次のとおりです。
//
// ```sh
// aws ecs run-task --cluster fargate-cluster --task-definition sample-fargate:1 --launch-type FARGATE \
//   --network-configuration "awsvpcConfiguration={subnets=[subnet-abcd1234],securityGroups=[sg-abcd1234]}" \
//   --overrides '{"containerOverrides":[{"name":"web","command":["sh","-c","echo 起動しました; sleep 3; echo 設定ファイルがありません; exit 1"]}]}'
// ```

// ── セル 12 ──
var crashRun = await workshop.RunTaskAsync("sample-fargate:1",
    command: ["sh", "-c", "echo 起動しました; sleep 3; echo 設定ファイルがありません; exit 1"]);
var crashed = await workshop.WaitForTaskAsync(crashRun.Value[0].Id, "STOPPED");
display(crashed);

// ### 結果の見どころ
//
// - 今度は **開始日時** があります。タスクは一度 `RUNNING` になってから止まりました。
// - **停止コード** は `EssentialContainerExited`、**停止理由** は `Essential container in task exited` です。タスクの必須コンテナ（`essential: true`。コンテナが 1 つならそのコンテナ）が終了すると、タスク全体が止まります。
// - コンテナの **終了コード** が 1 です。`command` の最後の `exit 1` の値です。
//
// 止まる前にコンテナが書いた行は、ログに残っています。`設定ファイルがありません` の行が、アプリケーションが教えてくれた原因です。停止コード → 停止理由 → 終了コード → ログの順に見ると、「起動には成功したが、アプリケーションが終了コード 1 で終わった。原因はログにある」とわかります。

// ── セル 13 ──
display(await workshop.TaskLogsAsync(crashed.Value.Id));
display(await workshop.ExplainStoppedTaskAsync(crashed.Value.Id));

// ## 演習
//
// ### 演習 1: 停止コードを予想する
//
// ここまでに、タスクが止まる場面を 3 つ見ました。同じような間違いをしたとき、停止コードがどうなるかを予想してください。答えは、`TaskFailedToStart`、`EssentialContainerExited`、`UserInitiated` のどれかです。
//
// 1. `stopTask`: 動いているタスクを、自分で `aws ecs stop-task` で止めた
// 2. `typoTag`: タスク定義のイメージのタグを `v1` ではなく `v10` と書いてしまった
// 3. `batchDone`: バッチ処理のコンテナが、仕事を終えて終了コード 0 で正常終了した
//
// 3 つ目は、セルが実際にタスクを起動して確かめます（`sh -c "echo バッチ処理を始めます; sleep 3; echo バッチ処理が終わりました; exit 0"` に上書きします）。1 つ目と 2 つ目は、このレッスンで止めたタスクと比べます。書くのは 3 つの文字列だけです。
//
// ```csharp
// var stopTask = "停止コード";
// var typoTag = "停止コード";
// var batchDone = "停止コード";
// ```

// ── セル 14（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 1: 3 つの場面の停止コードを予想します。
var stopTask = "UserInitiated";
var typoTag = "TaskFailedToStart";
var batchDone = "EssentialContainerExited";

// ここから下は、実際の停止コードと比べる部分です（書き換えなくてかまいません）。
var batchRun = await workshop.RunTaskAsync("sample-fargate:1",
    command: ["sh", "-c", "echo バッチ処理を始めます; sleep 3; echo バッチ処理が終わりました; exit 0"]);
var batch = (await workshop.WaitForTaskAsync(batchRun.Value[0].Id, "STOPPED")).Value;
var actual = (StopTask: stoppedTask.Value.StopCode, TypoTag: typoStopped.Value.StopCode, BatchDone: batch.StopCode);

string Answered(string answer) => answer.Length == 0 ? "未回答" : answer;
display(workshop.Check("演習 1: 停止コードの予想",
    new CheckItem(stopTask == actual.StopTask, $"1. stop-task で止めた: 予想 {Answered(stopTask)} / 実際 {actual.StopTask}",
        "`stop-task`（API の `StopTask`）で止めたタスクは、利用者が止めたので `UserInitiated` です。停止理由には `--reason` に書いた文が残ります。"),
    new CheckItem(typoTag == actual.TypoTag, $"2. タグの打ち間違い: 予想 {Answered(typoTag)} / 実際 {actual.TypoTag}",
        "イメージを取得できないので、コンテナは一度も起動せず、タスクは `RUNNING` になりません。起動に失敗したので `TaskFailedToStart` で、停止理由は `CannotPullContainerError` で始まります。`EssentialContainerExited` は、起動したコンテナが終了したときの停止コードです。"),
    new CheckItem(batchDone == actual.BatchDone, $"3. 正常終了: 予想 {Answered(batchDone)} / 実際 {actual.BatchDone}（終了コード {batch.Containers[0].ExitCode?.ToString() ?? "なし"}）",
        "正常に終わっても、必須コンテナが終了したことに変わりはないので `EssentialContainerExited` です。成功か失敗かは、停止コードではなくコンテナの終了コード（0 なら成功）で見分けます。")));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 1: 3 つの場面の停止コードを予想します。
// var stopTask = "UserInitiated";
// var typoTag = "TaskFailedToStart";
// var batchDone = "EssentialContainerExited";
//
// // ここから下は、実際の停止コードと比べる部分です（書き換えなくてかまいません）。
// var batchRun = await workshop.RunTaskAsync("sample-fargate:1",
//     command: ["sh", "-c", "echo バッチ処理を始めます; sleep 3; echo バッチ処理が終わりました; exit 0"]);
// var batch = (await workshop.WaitForTaskAsync(batchRun.Value[0].Id, "STOPPED")).Value;
// var actual = (StopTask: stoppedTask.Value.StopCode, TypoTag: typoStopped.Value.StopCode, BatchDone: batch.StopCode);
//
// string Answered(string answer) => answer.Length == 0 ? "未回答" : answer;
// workshop.Check("演習 1: 停止コードの予想",
//     new CheckItem(stopTask == actual.StopTask, $"1. stop-task で止めた: 予想 {Answered(stopTask)} / 実際 {actual.StopTask}",
//         "`stop-task`（API の `StopTask`）で止めたタスクは、利用者が止めたので `UserInitiated` です。停止理由には `--reason` に書いた文が残ります。"),
//     new CheckItem(typoTag == actual.TypoTag, $"2. タグの打ち間違い: 予想 {Answered(typoTag)} / 実際 {actual.TypoTag}",
//         "イメージを取得できないので、コンテナは一度も起動せず、タスクは `RUNNING` になりません。起動に失敗したので `TaskFailedToStart` で、停止理由は `CannotPullContainerError` で始まります。`EssentialContainerExited` は、起動したコンテナが終了したときの停止コードです。"),
//     new CheckItem(batchDone == actual.BatchDone, $"3. 正常終了: 予想 {Answered(batchDone)} / 実際 {actual.BatchDone}（終了コード {batch.Containers[0].ExitCode?.ToString() ?? "なし"}）",
//         "正常に終わっても、必須コンテナが終了したことに変わりはないので `EssentialContainerExited` です。成功か失敗かは、停止コードではなくコンテナの終了コード（0 なら成功）で見分けます。"))
// ```
//
// 停止コードは「どこで止まったか」、終了コードは「アプリケーションがどう終わったか」を表します。バッチ処理の成否を確かめるときは、終了コードを見ます。
//
// </details>

// ## まとめ
//
// - `run-task` で起動したタスクは、止まっても入れ替えられません。仕事を終えたら止まってよい処理に使います。
// - `desiredStatus` は ECS の目標、`lastStatus` はいまの状態です。
// - タスクが止まったら、停止コード → 停止理由 → コンテナの終了コード → ログの順に見ると、何が起きたかがわかります。
// - 起動できなかったタスクは `TaskFailedToStart`、起動したコンテナが終わったタスクは（成功でも失敗でも）`EssentialContainerExited`、自分で止めたタスクは `UserInitiated` です。
//
// ## 次のレッスン
//
// 次は、タスクの数を保って動かし続けるサービスを作ります: [06. サービスを作る](06-service.ipynb)

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
