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
// レッスン 05 では、タスクを `run-task` で直接起動しました。止まったタスクは、誰も入れ替えませんでした。このレッスンでは **サービス** を作り、ECS が決めた数のタスクを起動して保ち続けるところを見ます。止まったタスクの読み方（停止コード・停止理由・終了コード・ログ）は、レッスン 05 で学んだものをそのまま使います。
//
// ## このレッスンのゴール
//
// - サービスが「タスクの必要数」を保つ仕組みを説明できる
// - ネットワーク構成（サブネットとセキュリティグループ）を指定して、Fargate のサービスを作れる
// - スケール、新しいリビジョンへのローリング更新、落ちたタスクの入れ替えを、サービスのイベントで追える
// - 最小正常率と最大パーセンテージから、デプロイ中のタスクの数を計算できる
// - デプロイサーキットブレーカーが何を検知して自動でロールバックし、何を検知しないかを説明できる
// - ECS Exec が何のための機能で、使うには何が必要かを知る

// ## 前提
//
// レッスン 03 のクラスター `fargate-cluster` と、レッスン 04 のタスク定義 `sample-fargate` を使います。まずセットアップをして、どちらもそろっているかを確かめます。✗ が出たら、表示される直し方に従うか、前のレッスンを実行してから戻ってきてください。
//
// AWS モードでは、サービスが定常状態に達するまで数分かかることがあります。サービスのタスクは、動いている間の Fargate の料金がかかります。

// ── セル 1（セットアップ） ──
// ノートブックではこのセルが notebooks/setup.csx でヘルパーライブラリをビルドし、読み込みます。
// このアプリでは、ファイルの先頭の `#:project` が同じライブラリを参照し、`dotnet run` がいっしょにビルドします。

// ── セル 2 ──
var workshop = await Workshop.StartAsync("06-service");
display(await workshop.Checks.ClusterExistsAsync("fargate-cluster"));
display(await workshop.Checks.TaskDefinitionIsFargateReadyAsync("sample-fargate"));

// ## サービスとは
//
// `run-task` で起動したタスクは、止まればそれきりでした。アプリケーションを動かし続けるには、止まったタスクの代わりを誰かが起動しなければなりません。その役目を持つのが **サービス** です。
//
// ![サービススケジューラはタスクの必要数と実行中のタスク数を比べ、足りなければ起動し、多すぎれば止める](../images/service-scheduler.svg)
//
// サービスには **タスクの必要数**（`desiredCount`。コンソールでは［必要なタスク］）を指定します。ECS の **サービススケジューラ** は、実行中のタスクの数をいつもタスクの必要数と比べていて、
//
// - 足りなければ、タスク定義から新しいタスクを起動し、
// - 多すぎれば、余ったタスクを止めます。
//
// タスクが落ちても、サービススケジューラが気づいて代わりを起動します。サービスがしたことは **イベント** として記録され、あとから読めます。
//
// ## ネットワーク構成
//
// Fargate のタスクはネットワークモード `awsvpc` で動き、タスクごとに VPC の中のネットワークインターフェイス（ENI）とプライベート IP アドレスを持ちます。そのため、サービスを作るときに次の 2 つを指定します。
//
// - **サブネット**: タスクを置く VPC のサブネット。複数指定すると、タスクがアベイラビリティーゾーンに分散されます。
// - **セキュリティグループ**: タスクへの通信を許可するファイアウォールの設定。Web アプリをインターネットから開くなら、ポート 80 への受信を許可したセキュリティグループを指定します。
//
// シミュレーターモードでは、元のハンズオンと同じ `subnet-abcd1234` と `sg-abcd1234` を使います（シミュレーターは VPC を持たないので、値の形だけを確かめます）。
//
// AWS モードでは、ヘルパーはデフォルト VPC のサブネットを使い、タスクがイメージを取得できるようにパブリック IP を付けます。セキュリティグループは、VPC の **デフォルトのセキュリティグループ** ではなく、このセッション専用のもの（`ecs-workshop-セッションID-tasks`）を作って使います。デフォルトのセキュリティグループが受信を許可するのは、同じセキュリティグループに属するリソースからの通信だけで（[デフォルトのセキュリティグループ](https://docs.aws.amazon.com/ja_jp/vpc/latest/userguide/default-security-group.html)）、インターネットからタスクのポート 80 には届かないからです。また、アカウントによっては、デフォルトのセキュリティグループのルールがすべて削除されています（AWS Config のルール `vpc-default-security-group-closed` が勧める設定です）。送信のルールもないと、タスクは ECR からイメージを取得できず、`ResourceInitializationError` や `CannotPullContainerError` で止まります。ヘルパーが作るセキュリティグループは、ポート 80 の受信をどこからでも許可し、送信は新しいセキュリティグループの既定どおりすべて許可します。後片付けでは、このセキュリティグループも削除します。自分のセキュリティグループを使いたいときは、`CreateServiceAsync` の `securityGroups:` に指定します。
//
// ## ECS Exec
//
// **ECS Exec** は、動いているコンテナの中でコマンドを実行する機能です（`aws ecs execute-command --interactive --command "/bin/sh"`）。調査のためにコンテナの中をのぞきたいとき、サーバーに SSH でログインする代わりに使います。
//
// 使うには、次のものがそろっている必要があります（[ECS Exec を使用する](https://docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/ecs-exec.html)）。
//
// - サービス（または `run-task`）で `enableExecuteCommand` を有効にする。あとから有効にしたときは、新しいデプロイで起動したタスクから使えます。
// - タスクロールに、Systems Manager のチャネルを開く権限（`ssmmessages:CreateControlChannel`、`CreateDataChannel`、`OpenControlChannel`、`OpenDataChannel` の 4 つ）がある。
// - 手元に AWS CLI と Session Manager プラグインがある。Fargate ならプラットフォームバージョン 1.4.0 以上。
//
// このレッスンでは、サービスを作るときに ECS Exec を有効にし、設定が有効になったことを確かめるところまでを行います。AWS モードでは、ヘルパーはタスクロールを作らないので（レッスン 04）、設定が `有効` でも、このままでは `aws ecs execute-command` でつなげません。
//
// ## サービスを作る
//
// ハンズオンのコマンドは次のとおりです。
//
// ```sh
// aws ecs create-service --cluster fargate-cluster --service-name fargate-service --task-definition sample-fargate:1 --desired-count 1 --launch-type "FARGATE" --network-configuration "awsvpcConfiguration={subnets=[subnet-abcd1234],securityGroups=[sg-abcd1234]}" --enable-execute-command
// ```
//
// シミュレーターモードでは、このコマンドを **そのまま、本物の AWS CLI で** 実行します。`RunAwsCliAsync` は、手元にインストールされた AWS CLI（`aws`）を起動し、接続先としてシミュレーターのアドレス（`--endpoint-url`）を加えるだけです。AWS CLI で作ったものにも、ヘルパーがセッションのタグを付けるので、最後のレッスンの後片付けで削除されます。
//
// AWS モードでは、例の `subnet-abcd1234` と `sg-abcd1234` がアカウントにないので、同じ内容をヘルパーの `CreateServiceAsync` で作ります（サブネットは上のとおり、ヘルパーが選びます）。

// ── セル 3 ──
if (workshop.Mode == WorkshopMode.Simulator)
{
    display(await workshop.RunAwsCliAsync("""
        aws ecs create-service --cluster fargate-cluster --service-name fargate-service --task-definition sample-fargate:1 --desired-count 1 --launch-type "FARGATE" --network-configuration "awsvpcConfiguration={subnets=[subnet-abcd1234],securityGroups=[sg-abcd1234]}" --enable-execute-command
        """));
}
else
{
    display(await workshop.CreateServiceAsync("fargate-cluster", "fargate-service", "sample-fargate:1", desiredCount: 1, enableExecuteCommand: true));
}
var service = await workshop.DescribeServiceAsync("fargate-service");
display(service);

// ### 結果の見どころ
//
// - AWS CLI の **出力** は、`create-service` が返した JSON そのものです。`"status": "ACTIVE"`、`"desiredCount": 1`、`"runningCount": 0` と、`deployments` の 1 件（`"rolloutState": "IN_PROGRESS"`）が見えます。**終了コード** 0 は、AWS CLI が成功したという意味です。
// - その下の「サービス」の表は、同じサービスを `DescribeServiceAsync`（`aws ecs describe-services`）で読み直したものです。**タスクの必要数** は 1 ですが、**実行中** はまだ 0 か 1 です。サービスを作った時点では、タスクはまだ起動していません。
// - **デプロイ** に `PRIMARY` の行が 1 つあり、ロールアウトが `IN_PROGRESS` です。デプロイは「このタスク定義で、この数のタスクを動かす」という 1 回分の展開です。
// - **最小正常率（minimumHealthyPercent）** が 100%、**最大パーセンテージ（maximumPercent）** が 200%、**デプロイサーキットブレーカー** が `無効` です。コマンドで何も指定しなかったので、ECS の既定値です。あとで使います。
// - **ECS Exec** が `有効` になっています。
//
// ## 安定するまで待つ
//
// サービススケジューラがタスクを起動し、タスクが `RUNNING` になるまで待ちます。`aws ecs wait services-stable` と同じく、デプロイが 1 つだけになり、実行中のタスク数がタスクの必要数に追いつくのを待ちます。変化があるたびに 1 行ずつ表示されます。

// ── セル 4 ──
display(await workshop.WaitForSteadyStateAsync("fargate-service"));

// ### 結果の見どころ
//
// - **実行中** が 1 になり、ロールアウトが `COMPLETED` になりました。この状態を **定常状態**（steady state）といいます。
// - **イベント** は新しい順に並んでいます。下から読むと、`has started 1 tasks`（タスクを 1 つ起動した）、`deployment completed`（デプロイが完了した）、`has reached a steady state`（定常状態になった）の順に起きたことがわかります。
//
// サービスが起動したタスクを見てみましょう。

// ── セル 5 ──
display(await workshop.ListTasksAsync("fargate-service"));

// ### 結果の見どころ
//
// - **グループ** が `service:fargate-service` です。レッスン 05 で `run-task` から起動したタスクは `family:sample-fargate` でした。サービスが起動したタスクには、このグループが付きます。
// - **プライベート IP** は、`awsvpc` でタスクに割り当てられたアドレスです。
// - **ECS Exec** が `有効` です。サービスの設定がタスクに引き継がれています。
// - コンテナ `web` の **イメージ** は、レッスン 02 でプッシュした ECR のイメージで、**ダイジェスト** も記録されています。タグ `v1` があとで別のイメージを指すようになっても、このタスクはこのダイジェストのイメージで動き続けます。

// ## タスクのページを開く
//
// シミュレーターがタスクを Docker で動かしているときは、タスクのコンテナが本当に動いています。タスク定義のポートマッピング（`containerPort` 80）は、この手元のマシンの `http://127.0.0.1:ポート番号` に公開されます。どのタスクがどの URL かは、シミュレーターの `/_workshop/endpoints` が教えてくれます。
//
// AWS では、タスクはプライベート IP アドレスを持ち、ロードバランサー（レッスン 07）やパブリック IP アドレスを通してページを開きます。ここでは、その代わりに手元の URL を使います。サービスのタスクを 1 つ選んで、ページを開き、返ってきた HTML を表示します。

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
// - `APP_VERSION` は、まだ環境変数がないので既定の `1` です。このあと新しいリビジョンで変えます。
// - シミュレーション（`--runtime simulated`）のときは、コンテナが動いていないので、ページはありません。
//
// クラスターの全体像も描いてみます。レッスン 03 では空だった図に、サービスとタスクが加わります。

// ── セル 7 ──
display(await workshop.ClusterPictureAsync("fargate-cluster"));

// ## スケールする
//
// アクセスが増えたときは、タスクの必要数を増やします。AWS CLI では `aws ecs update-service --desired-count 3` です。

// ── セル 8 ──
display(await workshop.ScaleAsync("fargate-service", 3));

// タスクの必要数はすぐに 3 になりますが、実行中のタスク数は、サービススケジューラが新しいタスクを起動するにつれて追いつきます。定常状態になるまで待ちます。

// ── セル 9 ──
display(await workshop.WaitForSteadyStateAsync("fargate-service"));

// ### 結果の見どころ
//
// - **実行中** が 3 になりました。
// - イベントに `has started 2 tasks` が加わっています。足りない 2 つを起動したということです。
//
// ## 新しいリビジョンをデプロイする（ローリング更新）
//
// アプリケーションの設定を変えるときは、タスク定義の新しいリビジョンを登録し、サービスをそのリビジョンに切り替えます。ここでは、コンテナに環境変数 `APP_VERSION=2` を加えたリビジョンを作ります。イメージはリビジョン 1 と同じものを使うので、リビジョン 1 から取り出します。
//
// リビジョンの番号は、このファミリーをこれまでに何回登録したかで決まります（レッスン 04 の演習 2 を済ませていれば 3、そうでなければ 2 です）。以下では、登録の結果から取り出した番号を使います。

// ── セル 10 ──
var imageUri = (await workshop.DescribeTaskDefinitionAsync("sample-fargate:1")).Value.Containers[0].Image;
var webApp = new FargateTaskDefinition { Family = "sample-fargate", ContainerName = "web", Image = imageUri };
var appVersion2 = await workshop.RegisterTaskDefinitionAsync(webApp.WithEnvironment("APP_VERSION", "2"));
display(appVersion2);

// サービスを新しいリビジョンに切り替えると、ECS は **ローリング更新** で古いタスクを新しいタスクに入れ替えます。
//
// ![ローリング更新: 新しいデプロイ (PRIMARY) のタスクが動いてから、古いデプロイ (ACTIVE) のタスクが止まる](../images/rolling-update.svg)
//
// 入れ替えの進め方は、サービスのデプロイ設定の 2 つの値で決まります（コンソールでは［最小実行タスク %］と［最大実行タスク %］）。
//
// - **最小正常率（minimumHealthyPercent）**（既定 100%）: 入れ替えの間も、タスクの必要数のこの割合以上のタスクを動かしておきます。タスクの数に直すと、タスクの必要数 × 最小正常率 ÷ 100 を **切り上げた** 数です。100% なら、1 つも減らさずに入れ替えます。
// - **最大パーセンテージ（maximumPercent）**（既定 200%）: 入れ替えの間に、タスクの必要数のこの割合まではタスクを増やしてよい、という上限です。タスクの数に直すと、タスクの必要数 × 最大パーセンテージ ÷ 100 を **切り捨てた** 数です。
//
// 既定値では、新しいタスクを先に起動し、それが正常になってから古いタスクを止めます。そのため、入れ替えの間もサービスは止まりません。

// ── セル 11 ──
display(await workshop.DeployAsync("fargate-service", appVersion2.Value.FamilyRevision));

// ### 結果の見どころ
//
// - **デプロイ** が 2 行になりました。新しいリビジョンの `PRIMARY` と、古いリビジョン 1 の `ACTIVE` です。
// - `PRIMARY` の実行中はまだ 0 で、`ACTIVE` の 3 つのタスクが動き続けています。
//
// 入れ替えが終わるまで待ちます。途中の行で、2 つのデプロイのタスクの数が入れ替わっていく様子がわかります。

// ── セル 12 ──
display(await workshop.WaitForSteadyStateAsync("fargate-service"));

// ## タスクが落ちると
//
// 本番では、アプリケーションの不具合でコンテナが異常終了することがあります。レッスン 05 では、`run-task` で起動したタスクが `exit 1` で止まり、そのままになるのを見ました。サービスのタスクが落ちたとき、サービスがどうするかを見てみましょう。
//
// コンテナのコマンド（タスク定義の `command`）を、「起動して 60 秒たつと終了コード 1 で終わる」ものに差し替えたリビジョンを登録してデプロイします。不具合のある新バージョンを出してしまった、という場面です。
//
// ```json
// "command": ["sh", "-c", "echo 起動しました; sleep 60; echo 設定ファイルがありません; exit 1"]
// ```
//
// `command` はイメージの `CMD` の代わりに実行されるコマンドで、AWS でも同じように働きます。Docker で動いているときは、コンテナが本当にこのコマンドを実行して終わります。シミュレーションのときは、シミュレーターがこの `echo`・`sleep`・`exit` を読んで、同じように振る舞います。

// ── セル 13 ──
var crashingRevision = await workshop.RegisterTaskDefinitionAsync(webApp
    .WithEnvironment("APP_VERSION", "3")
    .WithCommand("sh", "-c", "echo 起動しました; sleep 60; echo 設定ファイルがありません; exit 1"));
await workshop.DeployAsync("fargate-service", crashingRevision.Value.FamilyRevision);
display(await workshop.WaitForSteadyStateAsync("fargate-service"));

// このリビジョンのタスクは、起動した直後は問題なく動いているので、デプロイは完了します（ロールアウト `COMPLETED`）。サービスのタスクを 1 つ選んで、止まるまで待ってみます。

// ── セル 14 ──
var serviceTasks = await workshop.ListTasksAsync("fargate-service");
var crashing = serviceTasks.Value[0];
display(await workshop.WaitForTaskAsync(crashing.Id, "STOPPED"));

// ### 結果の見どころ
//
// - **停止コード** が `EssentialContainerExited`、**停止理由** が `Essential container in task exited` です。レッスン 05 の異常終了と同じく、タスクの必須コンテナが終了したので、タスク全体が止まりました。
// - コンテナの **終了コード** が 1 です。`command` の最後の `exit 1` の値です。
//
// なぜ止まったのかを、日本語の説明でも確かめておきます。

// ── セル 15 ──
display(await workshop.ExplainStoppedTaskAsync(crashing.Id));

// ここからが、`run-task` のタスクとの違いです。止まったタスクの代わりは、サービススケジューラが起動しています。サービスのタスクを見ると、止まったタスクの ID はなく、新しい ID のタスクが加わっています。

// ── セル 16 ──
var afterCrash = await workshop.ListTasksAsync("fargate-service");
Console.WriteLine(afterCrash.Value.Any(t => t.Id == crashing.Id)
    ? $"止まったタスク {crashing.Id} がまだ一覧にあります。"
    : $"止まったタスク {crashing.Id} は一覧になく、代わりのタスクが起動しています。");
display(afterCrash);

// イベントにも、サービススケジューラが代わりを起動したことが記録されています。

// ── セル 17 ──
display(await workshop.DescribeServiceAsync("fargate-service"));

// ### 結果の見どころ
//
// - イベントに、落ちたタスクの代わりを起動した記録（`has started … tasks`）があります。
// - 3 つのタスクはほぼ同じ時刻に起動したので、ほぼ同じ時刻に落ちます。見るタイミングによっては、**実行中** がタスクの必要数より少なく、**保留中** のタスクがあります。同じ不具合を持つタスクは、同じように落ちるということです。
// - このままでは、このリビジョンのタスクは起動しては 60 秒後に落ち、また起動されることを繰り返します。サービスはタスクの必要数を保とうとしますが、不具合そのものは直せません。
//
// 不具合のない `APP_VERSION=2` のリビジョンに戻します（ロールバック）。やることは、リビジョンを指定してデプロイし直すだけです。

// ── セル 18 ──
await workshop.DeployAsync("fargate-service", appVersion2.Value.FamilyRevision);
display(await workshop.WaitForSteadyStateAsync("fargate-service"));

// ## デプロイサーキットブレーカー: 起動できないデプロイを自動で戻す
//
// いまのロールバックは手で行いました。**デプロイサーキットブレーカー**（`deploymentCircuitBreaker`）を有効にしておくと、デプロイのタスクが起動に失敗し続けたとき、ECS が自分でデプロイを失敗（`FAILED`）にし、`rollback` も有効なら、最後に完了したデプロイに戻します（[デプロイの失敗を検知する方法](https://docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/deployment-failure-detection.html)）。
//
// - 数えるのは、デプロイの途中で `RUNNING` にならずに止まったタスクと、ヘルスチェックに失敗したタスクです。
// - しきい値は、既定ではタスクの必要数の半分で、下限は 3、上限は 200 です。いまのタスクの必要数は 3 なので、失敗が 3 つで働きます。
//
// ヘルパーの `UpdateServiceAsync` で、デプロイ設定だけを変えます。`DeploymentSettings` に書かなかった項目（最小正常率と最大パーセンテージ）は、いまの値のままです。AWS CLI では `aws ecs update-service --deployment-configuration "deploymentCircuitBreaker={enable=true,rollback=true}"` です。

// ── セル 19 ──
display(await workshop.UpdateServiceAsync("fargate-service", deployment: new DeploymentSettings { CircuitBreaker = true, Rollback = true }));

// **デプロイサーキットブレーカー** が `有効 (ロールバックあり)` になりました。デプロイ設定を変えただけなので、新しいデプロイは始まっていません。
//
// では、起動できないリビジョンをデプロイします。レッスン 05 で見た失敗と同じく、ECR にないイメージタグ `v9` を指定します。このリビジョンのタスクは、イメージを取得できずに `TaskFailedToStart` で止まるはずです。
//
// **実行する前に予想してください**: 新しいタスクが 3 つ起動に失敗したあと、サービスはどのリビジョンで定常状態になるでしょうか。

// ── セル 20 ──
var missingTagRevision = await workshop.RegisterTaskDefinitionAsync(webApp with { Image = imageUri[..imageUri.LastIndexOf(':')] + ":v9" });
await workshop.DeployAsync("fargate-service", missingTagRevision.Value.FamilyRevision);
display(await workshop.WaitForSteadyStateAsync("fargate-service"));

// ### 結果の見どころ
//
// - 途中の行に、`… のデプロイは FAILED` が出ています。これがデプロイの `rolloutState` です。失敗したタスクの数がしきい値（3）に達したので、ECS がデプロイを失敗にしました。
// - そのあと、`PRIMARY` が `APP_VERSION=2` のリビジョンに戻り、サービスはそのリビジョンで定常状態になりました。誰もデプロイし直していないのに、ECS が自分でロールバックしたのです。
//
// 何が起きたのかは、サービスのイベントに残っています。

// ── セル 21 ──
var afterRollback = await workshop.DescribeServiceAsync("fargate-service");
foreach (var message in afterRollback.Value.Events.Select(e => e.Message)
             .Where(m => m.Contains("deployment failed") || m.Contains("rolling back")))
    Console.WriteLine(message);
display(afterRollback);

// ### 結果の見どころ
//
// - `(service fargate-service) (deployment ecs-svc/…) deployment failed: tasks failed to start.` が、デプロイが失敗したときのイベントです。デプロイの `rolloutStateReason` には `ECS deployment circuit breaker: tasks failed to start.` と記録されます。
// - `(service fargate-service) rolling back to deployment ecs-svc/….` が、ロールバックを始めたときのイベントです。戻り先は、最後に完了したデプロイです。
// - サービスが定常状態にならないときは、このようにイベントを新しい順に読み、`deployment failed` や `unable to` で始まる理由を探します。止まったタスクがあれば、その停止理由（`ListTasksAsync(stopped: true)`）も見ます。
//
// **デプロイサーキットブレーカーが検知しないこと**: さきほどの「起動して 60 秒後に落ちる」リビジョンのように、タスクが起動し、ヘルスチェックにも合格してから止まる場合は、デプロイがすでに完了しているので、デプロイサーキットブレーカーは働かないことがあります（[AWS re:Post: サーキットブレーカーがロールバックしない理由](https://repost.aws/ja/knowledge-center/ecs-deployment-roll-back-failure)）。そうした不具合は、ヘルスチェックやモニタリング（CloudWatch アラームによるロールバックなど）で見つけます。

// ## 演習
//
// ### 演習 1: デプロイの計算を予想する
//
// サービスのタスクの必要数を 4 にし、最小正常率を 50%、最大パーセンテージを 100% にしてから、新しいリビジョン（`APP_VERSION=4`）をデプロイします。このとき、サービススケジューラは何をするでしょうか。セルを実行する前に、次の 2 つを予想して数で書いてください。
//
// 1. `firstStopped`: デプロイが始まってすぐ、サービススケジューラが最初にまとめて止める古いタスクの数
// 2. `maxTasks`: デプロイの間に、同時に存在できる（`RUNNING` と `PENDING` を合わせた）タスクの上限
//
// セルは、予想を書いたあとに実際にデプロイし、イベントから最初に起きたこと（`has stopped N running tasks` か `has started N tasks` か）を読んで、予想と比べます。C# で書くのは、次の 2 行の数だけです。
//
// ```csharp
// int firstStopped = 数;
// int maxTasks = 数;
// ```

// ── セル 22（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 1: 予想を 2 つの数で書きます（-1 のままだと未回答です）。
int firstStopped = 2; // 4 − ceil(4 × 50 / 100) = 4 − 2
int maxTasks = 4;     // floor(4 × 100 / 100)

// ここから下は、実際にデプロイして予想と比べる部分です（書き換えなくてかまいません）。
await workshop.UpdateServiceAsync("fargate-service", desiredCount: 4,
    deployment: new DeploymentSettings { MinimumHealthyPercent = 50, MaximumPercent = 100 });
await workshop.WaitForSteadyStateAsync("fargate-service");
var appVersion4 = await workshop.RegisterTaskDefinitionAsync(webApp.WithEnvironment("APP_VERSION", "4"));
var deploying = await workshop.DeployAsync("fargate-service", appVersion4.Value.FamilyRevision);
var eventsBefore = deploying.Value.Events.ToHashSet();
await workshop.WaitForSteadyStateAsync("fargate-service");
var firstChange = (await workshop.DescribeServiceAsync("fargate-service")).Value.Events
    .Where(e => !eventsBefore.Contains(e)).Reverse()
    .First(e => e.Message.Contains("has stopped") || e.Message.Contains("has started")).Message;
var actualStopped = firstChange.Contains("has stopped ") ? int.Parse(firstChange.Split("has stopped ")[1].Split(' ')[0]) : 0;

display(workshop.Check("演習 1: デプロイの計算",
    new CheckItem(firstStopped == 2, $"予想 1（最初に止める古いタスクの数）: {(firstStopped < 0 ? "未回答" : firstStopped)}",
        $"{(firstStopped < 0 ? "まだ予想が書かれていません。" : $"{firstStopped} ではありません。")}最小正常率 50% では、デプロイ中も 4 × 50 ÷ 100 = 2 つ（切り上げ）のタスクが動いていれば足ります。4 − 2 = 2 つの古いタスクは、新しいタスクを待たずに止められます。"),
    new CheckItem(maxTasks == 4, $"予想 2（同時に存在できるタスクの上限）: {(maxTasks < 0 ? "未回答" : maxTasks)}",
        $"{(maxTasks < 0 ? "まだ予想が書かれていません。" : $"{maxTasks} ではありません。")}最大パーセンテージ 100% では、4 × 100 ÷ 100 = 4 つ（切り捨て）が上限です。古いタスクが 4 つ動いている間は新しいタスクを 1 つも起動できないので、先に古いタスクを止めるしかありません。"),
    new CheckItem(actualStopped == 2, $"実際に最初に起きたこと: {firstChange}",
        "サービススケジューラは、まず古いタスクを 2 つ止め、止まってから新しいタスクを 2 つ起動します。イベントを下から（古い順に）読んで確かめてください。")));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 1: 予想を 2 つの数で書きます（-1 のままだと未回答です）。
// int firstStopped = 2; // 4 − ceil(4 × 50 / 100) = 4 − 2
// int maxTasks = 4;     // floor(4 × 100 / 100)
//
// // ここから下は、実際にデプロイして予想と比べる部分です（書き換えなくてかまいません）。
// await workshop.UpdateServiceAsync("fargate-service", desiredCount: 4,
//     deployment: new DeploymentSettings { MinimumHealthyPercent = 50, MaximumPercent = 100 });
// await workshop.WaitForSteadyStateAsync("fargate-service");
// var appVersion4 = await workshop.RegisterTaskDefinitionAsync(webApp.WithEnvironment("APP_VERSION", "4"));
// var deploying = await workshop.DeployAsync("fargate-service", appVersion4.Value.FamilyRevision);
// var eventsBefore = deploying.Value.Events.ToHashSet();
// await workshop.WaitForSteadyStateAsync("fargate-service");
// var firstChange = (await workshop.DescribeServiceAsync("fargate-service")).Value.Events
//     .Where(e => !eventsBefore.Contains(e)).Reverse()
//     .First(e => e.Message.Contains("has stopped") || e.Message.Contains("has started")).Message;
// var actualStopped = firstChange.Contains("has stopped ") ? int.Parse(firstChange.Split("has stopped ")[1].Split(' ')[0]) : 0;
//
// workshop.Check("演習 1: デプロイの計算",
//     new CheckItem(firstStopped == 2, $"予想 1（最初に止める古いタスクの数）: {(firstStopped < 0 ? "未回答" : firstStopped)}",
//         $"{(firstStopped < 0 ? "まだ予想が書かれていません。" : $"{firstStopped} ではありません。")}最小正常率 50% では、デプロイ中も 4 × 50 ÷ 100 = 2 つ（切り上げ）のタスクが動いていれば足ります。4 − 2 = 2 つの古いタスクは、新しいタスクを待たずに止められます。"),
//     new CheckItem(maxTasks == 4, $"予想 2（同時に存在できるタスクの上限）: {(maxTasks < 0 ? "未回答" : maxTasks)}",
//         $"{(maxTasks < 0 ? "まだ予想が書かれていません。" : $"{maxTasks} ではありません。")}最大パーセンテージ 100% では、4 × 100 ÷ 100 = 4 つ（切り捨て）が上限です。古いタスクが 4 つ動いている間は新しいタスクを 1 つも起動できないので、先に古いタスクを止めるしかありません。"),
//     new CheckItem(actualStopped == 2, $"実際に最初に起きたこと: {firstChange}",
//         "サービススケジューラは、まず古いタスクを 2 つ止め、止まってから新しいタスクを 2 つ起動します。イベントを下から（古い順に）読んで確かめてください。"))
// ```
//
// 最小正常率を下げると、新しいタスクのための余裕（最大パーセンテージ）がなくても入れ替えられます。代わりに、入れ替えの間は動いているタスクが 2 つに減ります。既定の 100% / 200% なら、先に新しいタスクを 4 つ起動し、正常になってから古いタスクを止めるので、動いているタスクは減りません（その間は最大 8 つ分の料金がかかります）。
//
// もし最小正常率 100% と最大パーセンテージ 100% を組み合わせると、古いタスクを止めることも新しいタスクを起動することもできず、サービスのイベントに `was unable to stop or start tasks during a deployment because of the service deployment configuration` が出ます。
//
// </details>

// 演習のために変えたタスクの必要数とデプロイ設定を、元に戻しておきます（タスクの必要数 2、最小正常率 100%、最大パーセンテージ 200%）。デプロイサーキットブレーカーは有効のままにします。

// ── セル 23 ──
await workshop.UpdateServiceAsync("fargate-service", desiredCount: 2,
    deployment: new DeploymentSettings { MinimumHealthyPercent = 100, MaximumPercent = 200 });
await workshop.WaitForSteadyStateAsync("fargate-service");
display(await workshop.Checks.ServiceIsSteadyAsync("fargate-service"));

// ## まとめ
//
// - サービスはタスクの必要数を保ちます。足りなければ起動し、落ちたタスクは入れ替えます。
// - スケールはタスクの必要数を変えるだけ、デプロイはリビジョンを変えるだけです。入れ替えはローリング更新で、最小正常率（切り上げ）と最大パーセンテージ（切り捨て）の範囲で進みます。
// - デプロイサーキットブレーカーは、起動に失敗し続けるデプロイを `FAILED` にして、自動でロールバックします。起動してから落ちる不具合は検知しないことがあります。
// - 何が起きたかは、サービスのイベントと、止まったタスクの停止コード・停止理由・終了コードでわかります。
//
// ## 次のレッスン
//
// ロードバランサーの後ろでサービスを動かし、ブラウザーから開きます: [07. ロードバランサーの後ろでサービスを動かす](07-load-balancer.ipynb)

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
