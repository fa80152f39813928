// 06-service.cs: notebooks/06-service.ipynb から `workshop export-apps` で生成したファイルです。
// 手で直さずに、ノートブックを直してから生成し直してください（dotnet run --project src/EcsWorkshop.Cli -- export-apps）。
// 実行: レッスンの順に、リポジトリのルートで次のように実行します（シミュレーターは動いているものを使い、なければアプリの中で起動します）。
//   dotnet run notebooks/apps/06-service.cs
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

// # 06. サービスを作る
//
// タスク定義ができたので、いよいよコンテナを動かします。このレッスンでは **サービス** を作り、ECS が決めた数のタスクを起動して保ち続けるところを見ます。
//
// ## このレッスンのゴール
//
// - サービスが「希望タスク数」を保つ仕組みを説明できる
// - ネットワーク構成（サブネットとセキュリティグループ）を指定して、Fargate のサービスを作れる
// - スケール、新しいリビジョンへのローリングアップデート、落ちたタスクの入れ替えを、サービスのイベントで追える
// - ECS Exec が何のための機能で、使うには何が必要かを知る

// ## 前提
//
// レッスン 03 のクラスター `fargate-cluster` と、レッスン 04 のタスク定義 `sample-fargate` を使います。まずセットアップをして、どちらもそろっているかを確かめます。✗ が出たら、表示される直し方に従うか、前のレッスンを実行してから戻ってきてください。

// ── セル 1（セットアップ） ──
// ノートブックではこのセルが notebooks/setup.csx でヘルパーライブラリをビルドし、読み込みます。
// このアプリでは、ファイルの先頭の `#:project` が同じライブラリを参照し、`dotnet run` がいっしょにビルドします。

// ── セル 2 ──
var workshop = await Workshop.StartAsync();
display(await workshop.Checks.ClusterExistsAsync("fargate-cluster"));
display(await workshop.Checks.TaskDefinitionIsFargateReadyAsync("sample-fargate"));

// ## サービスとは
//
// タスクは、起動すれば動き、止まればそれきりです。アプリケーションを動かし続けるには、止まったタスクの代わりを誰かが起動しなければなりません。その役目を持つのが **サービス** です。
//
// ![サービススケジューラーは希望タスク数と実行中のタスク数を比べ、足りなければ起動し、多すぎれば止める](../images/service-scheduler.svg)
//
// サービスには **希望タスク数**（`desiredCount`）を指定します。ECS の **サービススケジューラー** は、実行中のタスクの数をいつも希望タスク数と比べていて、
//
// - 足りなければ、タスク定義から新しいタスクを起動し、
// - 多すぎれば、余ったタスクを止めます。
//
// タスクが落ちても、スケジューラーが気づいて代わりを起動します。サービスがしたことは **イベント** として記録され、あとから読めます。
//
// ## ネットワーク構成
//
// Fargate のタスクはネットワークモード `awsvpc` で動き、タスクごとに VPC の中のネットワークインターフェイス（ENI）とプライベート IP アドレスを持ちます。そのため、サービスを作るときに次の 2 つを指定します。
//
// - **サブネット**: タスクを置く VPC のサブネット。複数指定すると、タスクがアベイラビリティーゾーンに分散されます。
// - **セキュリティグループ**: タスクへの通信を許可するファイアウォールの設定。Web アプリなら、ポート 80 への受信を許可します。
//
// AWS モードでは、ヘルパーライブラリはデフォルト VPC のサブネットとデフォルトのセキュリティグループを使い、タスクがインターネットからイメージを取得できるようにパブリック IP を付けます。シミュレーターモードでは、元のハンズオンと同じ `subnet-abcd1234` と `sg-abcd1234` を使います（シミュレーターは VPC を持たないので、値の形だけを確かめます）。
//
// ## ECS Exec
//
// **ECS Exec** は、動いているコンテナの中でコマンドを実行する機能です（`aws ecs execute-command --interactive --command "/bin/sh"`）。調査のためにコンテナの中をのぞきたいとき、サーバーに SSH でログインする代わりに使います。
//
// 使うには、次のものがそろっている必要があります。
//
// - サービス（または `run-task`）で `enableExecuteCommand` を有効にする。あとから有効にしたときは、新しいデプロイで起動したタスクから使えます。
// - タスクロールに、Systems Manager のチャネルを開く権限（`ssmmessages:CreateControlChannel` など 4 つ）がある。
// - 手元に AWS CLI と Session Manager プラグインがある。Fargate ならプラットフォームバージョン 1.4.0 以上。
//
// このレッスンでは、サービスを作るときに ECS Exec を有効にし、設定が有効になったことを確かめるところまでを行います（`aws ecs execute-command` には AWS の Session Manager プラグインが要るので、シミュレーターには使えません）。
//
// ## サービスを作る
//
// ハンズオンのコマンドは次のとおりです。
//
// ```sh
// aws ecs create-service --cluster fargate-cluster --service-name fargate-service \
//   --task-definition sample-fargate:1 --desired-count 1 --launch-type "FARGATE" \
//   --network-configuration "awsvpcConfiguration={subnets=[subnet-abcd1234],securityGroups=[sg-abcd1234]}" \
//   --enable-execute-command
// ```
//
// 同じことをヘルパーライブラリで行います。

// ── セル 3 ──
var service = await workshop.CreateServiceAsync("fargate-cluster", "fargate-service", "sample-fargate:1",
    desiredCount: 1, enableExecuteCommand: true);
display(service);

// ### 結果の見どころ
//
// - **希望タスク数** は 1 ですが、**実行中** はまだ 0 です。サービスを作った時点では、タスクはまだ起動していません。
// - **デプロイ** に `PRIMARY` の行が 1 つあり、ロールアウトが `IN_PROGRESS` です。デプロイは「このタスク定義で、この数のタスクを動かす」という 1 回分の展開です。
// - **ECS Exec** が `有効` になっています。
// - 結果の下にある AWS CLI のコマンドは、ハンズオンのコマンドと同じ形です。
//
// ## 安定するまで待つ
//
// スケジューラーがタスクを起動し、タスクが `RUNNING` になるまで待ちます。`aws ecs wait services-stable` と同じく、デプロイが 1 つだけになり、実行中のタスク数が希望タスク数に追いつくのを待ちます。変化があるたびに 1 行ずつ表示されます。

// ── セル 4 ──
display(await workshop.WaitForSteadyStateAsync("fargate-service"));

// ### 結果の見どころ
//
// - **実行中** が 1 になり、ロールアウトが `COMPLETED` になりました。
// - **イベント** は新しい順に並んでいます。下から読むと、`has started 1 tasks`（タスクを 1 つ起動した）、`deployment completed`（デプロイが完了した）、`has reached a steady state`（安定した）の順に起きたことがわかります。
//
// サービスが起動したタスクを見てみましょう。

// ── セル 5 ──
display(await workshop.ListTasksAsync("fargate-service"));

// ### 結果の見どころ
//
// - **グループ** が `service:fargate-service` です。サービスが起動したタスクには、このグループが付きます。
// - **プライベート IP** は、`awsvpc` でタスクに割り当てられたアドレスです。
// - **ECS Exec** が `有効` です。サービスの設定がタスクに引き継がれています。
// - コンテナ `web` の **イメージ** は、レッスン 02 でプッシュした ECR のイメージで、**ダイジェスト** も記録されています。タグ `v1` があとで別のイメージを指すようになっても、このタスクはこのダイジェストのイメージで動き続けます。
//
// クラスターの全体像も描いてみます。レッスン 03 では空だった図に、サービスとタスクが加わります。

// ## タスクのページを開く
//
// シミュレーターがタスクを Docker で動かしているときは、タスクのコンテナが本当に動いています。タスク定義のポートマッピング（`containerPort` 80）は、この手元のマシンの `http://127.0.0.1:ポート番号` に公開されます。どのタスクがどの URL かは、シミュレーターの `/_workshop/endpoints` が教えてくれます。
//
// AWS では、タスクはプライベート IP アドレスを持ち、ロードバランサーやパブリック IP アドレスを通してページを開きます。ここでは、その代わりに手元の URL を使います。サービスのタスクを 1 つ選んで、ページを開き、返ってきた HTML を表示します。

// ── セル 6 ──
var firstTask = (await workshop.ListTasksAsync("fargate-service")).Value[0];
var page = await workshop.OpenTaskPageAsync(firstTask.Id);
display(page);
Console.WriteLine(page.Value.Answered
    ? (page.Value.Html!.Contains(firstTask.Id) ? $"✓ ページに、このタスクの ID ({firstTask.Id}) が出ています" : "ページは開けましたが、タスク ID が見つかりません")
    : "このシミュレーターではタスクのコンテナが動いていないので、ページはありません (シミュレーションのランタイム)");

// ### 結果の見どころ
//
// - Docker で動いているときは、**HTTP ステータス** が 200 で、サンプルアプリの HTML が返ってきています。`タスク ID` の欄が、上で選んだタスクの ID と同じです。コンテナの中の CGI が、タスクメタデータエンドポイント v4（`ECS_CONTAINER_METADATA_URI_V4`）からタスクの ARN を読んで、ページに書いています。Fargate でも、同じ環境変数と同じ仕組みで読めます。
// - `APP_VERSION` は、まだ環境変数がないので既定の `1` です。このあとリビジョン 2 で変えます。
// - シミュレーション（`--runtime simulated`）のときは、コンテナが動いていないので、ページはありません。

// ── セル 7 ──
display(await workshop.ClusterPictureAsync("fargate-cluster"));

// ## スケールする
//
// アクセスが増えたときは、希望タスク数を増やします。AWS CLI では `aws ecs update-service --desired-count 3` です。

// ── セル 8 ──
display(await workshop.ScaleAsync("fargate-service", 3));

// 希望タスク数はすぐに 3 になりますが、実行中のタスク数はスケジューラーが新しいタスクを起動するにつれて追いつきます。安定するまで待ちます。

// ── セル 9 ──
display(await workshop.WaitForSteadyStateAsync("fargate-service"));

// ### 結果の見どころ
//
// - **実行中** が 3 になりました。
// - イベントに `has started 2 tasks` が加わっています。足りない 2 つを起動したということです。
//
// ## 新しいリビジョンをデプロイする（ローリングアップデート）
//
// アプリケーションの設定を変えるときは、タスク定義の新しいリビジョンを登録し、サービスをそのリビジョンに切り替えます。ここでは、コンテナに環境変数 `APP_VERSION=2` を加えたリビジョン 2 を作ります。イメージはリビジョン 1 と同じものを使うので、リビジョン 1 から取り出します。

// ── セル 10 ──
var imageUri = (await workshop.DescribeTaskDefinitionAsync("sample-fargate:1")).Value.Containers[0].Image;
var webApp = new FargateTaskDefinition { Family = "sample-fargate", ContainerName = "web", Image = imageUri };
var revision2 = await workshop.RegisterTaskDefinitionAsync(webApp.WithEnvironment("APP_VERSION", "2"));
display(revision2);

// サービスを新しいリビジョンに切り替えると、ECS は **ローリングアップデート** で古いタスクを新しいタスクに入れ替えます。
//
// ![ローリングアップデート: 新しいデプロイ (PRIMARY) のタスクが動いてから、古いデプロイ (ACTIVE) のタスクが止まる](../images/rolling-update.svg)
//
// 入れ替えの進め方は、サービスのデプロイ設定の 2 つの値で決まります。
//
// - **最小ヘルシー率**（`minimumHealthyPercent`、既定 100%）: 入れ替えの間も、希望タスク数のこの割合以上のタスクを動かしておきます。100% なら、1 つも減らさずに入れ替えます。
// - **最大率**（`maximumPercent`、既定 200%）: 入れ替えの間に、希望タスク数のこの割合まではタスクを増やしてよい、という上限です。
//
// 既定値では、新しいタスクを先に起動し、それが健全になってから古いタスクを止めます。そのため、入れ替えの間もサービスは止まりません。

// ── セル 11 ──
display(await workshop.DeployAsync("fargate-service", "sample-fargate:2"));

// ### 結果の見どころ
//
// - **デプロイ** が 2 行になりました。新しいリビジョン 2 の `PRIMARY` と、古いリビジョン 1 の `ACTIVE` です。
// - `PRIMARY` の実行中はまだ 0 で、`ACTIVE` の 3 つのタスクが動き続けています。
//
// 入れ替えが終わるまで待ちます。途中の行で、2 つのデプロイのタスクの数が入れ替わっていく様子がわかります。

// ── セル 12 ──
display(await workshop.WaitForSteadyStateAsync("fargate-service"));

// ## タスクが落ちると
//
// 本番では、アプリケーションの不具合でコンテナが異常終了することがあります。そのときサービスがどうするかを見てみましょう。
//
// コンテナのコマンド（タスク定義の `command`）を、「起動して 60 秒たつと終了コード 1 で終わる」ものに差し替えたリビジョン 3 を登録してデプロイします。不具合のある新バージョンを出してしまった、という場面です。
//
// ```json
// "command": ["sh", "-c", "echo 起動しました; sleep 60; echo 設定ファイルがありません; exit 1"]
// ```
//
// `command` はイメージの `CMD` の代わりに実行されるコマンドで、AWS でも同じように働きます。Docker で動いているときは、コンテナが本当にこのコマンドを実行して終わります。シミュレーションのときは、シミュレーターがこの `echo`・`sleep`・`exit` を読んで、同じように振る舞います。

// ── セル 13 ──
var revision3 = await workshop.RegisterTaskDefinitionAsync(webApp
    .WithEnvironment("APP_VERSION", "3")
    .WithCommand("sh", "-c", "echo 起動しました; sleep 60; echo 設定ファイルがありません; exit 1"));
await workshop.DeployAsync("fargate-service", revision3.Value.FamilyRevision);
display(await workshop.WaitForSteadyStateAsync("fargate-service"));

// リビジョン 3 のタスクは、起動した直後は問題なく動いているので、デプロイは完了します。サービスのタスクを 1 つ選んで、止まるまで待ってみます。

// ── セル 14 ──
var serviceTasks = await workshop.ListTasksAsync("fargate-service");
var crashing = serviceTasks.Value[0];
display(await workshop.WaitForTaskAsync(crashing.Id, "STOPPED"));

// ### 結果の見どころ
//
// - **停止コード** が `EssentialContainerExited`、**停止理由** が `Essential container in task exited` です。タスクの必須コンテナが終了したので、タスク全体が止まりました。
// - コンテナの **終了コード** が 1 です。`command` の最後の `exit 1` の値です。
//
// なぜ止まったのかは、ヘルパーライブラリに日本語で説明させることもできます。

// ── セル 15 ──
display(await workshop.ExplainStoppedTaskAsync(crashing.Id));

// 止まったタスクの代わりは、スケジューラーが起動しています。サービスのタスクを見ると、止まったタスクの ID はなく、新しい ID のタスクが加わっています。

// ── セル 16 ──
var afterCrash = await workshop.ListTasksAsync("fargate-service");
Console.WriteLine(afterCrash.Value.Any(t => t.Id == crashing.Id)
    ? $"止まったタスク {crashing.Id} がまだ一覧にあります。"
    : $"止まったタスク {crashing.Id} は一覧になく、代わりのタスクが起動しています。");
display(afterCrash);

// イベントにも、スケジューラーが代わりを起動したことが記録されています。

// ── セル 17 ──
display(await workshop.DescribeServiceAsync("fargate-service"));

// ### 結果の見どころ
//
// - イベントに、落ちたタスクの代わりを起動した記録（`has started … tasks`）があります。
// - リビジョン 3 の 3 つのタスクはほぼ同じ時刻に起動したので、ほぼ同じ時刻に落ちます。見るタイミングによっては、**実行中** が希望タスク数より少なく、**保留中** のタスクがあります。同じ不具合を持つタスクは、同じように落ちるということです。
// - このままでは、リビジョン 3 のタスクは起動しては 60 秒後に落ち、また起動されることを繰り返します。サービスは希望タスク数を保とうとしますが、不具合そのものは直せません。
//
// 不具合のないリビジョン 2 に戻します（ロールバック）。やることは、リビジョンを指定してデプロイし直すだけです。

// ── セル 18 ──
await workshop.DeployAsync("fargate-service", "sample-fargate:2");
display(await workshop.WaitForSteadyStateAsync("fargate-service"));

// 本番では、デプロイが失敗し続けたときに自動で前のリビジョンに戻す **デプロイサーキットブレーカー** も使えます（`deploymentCircuitBreaker` の `enable` と `rollback`）。起動に失敗するタスクが一定数を超えると、デプロイを `FAILED` にしてロールバックします。
//
// ## 演習
//
// 夜になってアクセスが減りました。サービスのタスクを 2 つに減らして、安定するまで待ってください。下のセルの空いているところに、スケールと安定待ちの 2 行を書きます。

// ── セル 19（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 1: fargate-service のタスクを 2 つにして、安定するまで待ちます。
await workshop.ScaleAsync("fargate-service", 2);
await workshop.WaitForSteadyStateAsync("fargate-service");

var practiceService = (await workshop.DescribeServiceAsync("fargate-service")).Value;
display(CheckResult.Of("演習 1: 希望タスク数",
    new CheckItem(practiceService.DesiredCount == 2, $"希望タスク数は {practiceService.DesiredCount} です", "`ScaleAsync(\"fargate-service\", 2)` で 2 にします")));
display(await workshop.Checks.ServiceIsSteadyAsync("fargate-service"));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 1: fargate-service のタスクを 2 つにして、安定するまで待ちます。
// await workshop.ScaleAsync("fargate-service", 2);
// await workshop.WaitForSteadyStateAsync("fargate-service");
//
// var practiceService = (await workshop.DescribeServiceAsync("fargate-service")).Value;
// display(CheckResult.Of("演習 1: 希望タスク数",
//     new CheckItem(practiceService.DesiredCount == 2, $"希望タスク数は {practiceService.DesiredCount} です", "`ScaleAsync(\"fargate-service\", 2)` で 2 にします")));
// await workshop.Checks.ServiceIsSteadyAsync("fargate-service")
// ```
//
// AWS CLI なら `aws ecs update-service --cluster fargate-cluster --service fargate-service --desired-count 2` のあと、`aws ecs wait services-stable --cluster fargate-cluster --services fargate-service` です。減らすときは、スケジューラーが余ったタスクを止めます。
//
// </details>

// ## まとめ
//
// - サービスは希望タスク数を保ちます。足りなければ起動し、落ちたタスクは入れ替えます。
// - スケールは希望タスク数を変えるだけ、デプロイはリビジョンを変えるだけです。入れ替えはローリングアップデートで、サービスを止めずに進みます。
// - 何が起きたかは、サービスのイベントと、止まったタスクの停止コード・停止理由・終了コードでわかります。
//
// ## 次のレッスン
//
// ロードバランサーの後ろでサービスを動かし、ブラウザーから開きます: [07. ロードバランサーの後ろでサービスを動かす](07-load-balancer.ipynb)

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
