// 07-load-balancer.cs: notebooks/07-load-balancer.ipynb から `workshop export-apps` で生成したファイルです。
// 手で直さずに、ノートブックを直してから生成し直してください（dotnet run --project src/EcsWorkshop.Cli -- export-apps）。
// 実行: レッスンの順に、リポジトリのルートで次のように実行します（シミュレーターは動いているものを使い、なければアプリの中で起動します）。
//   dotnet run notebooks/apps/07-load-balancer.cs
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

// # 07. ロードバランサーの後ろでサービスを動かす
//
// レッスン 06 のサービスのタスクは、それぞれのプライベート IP アドレスで動いていて、外からは 1 つの入り口で開けませんでした。このレッスンでは **Application Load Balancer（ALB）** を作り、その後ろでサービスを動かします。ブラウザーからは、いつも同じ URL を開くだけです。どのタスクが答えるかはロードバランサーが決め、タスクが入れ替わっても入り口は変わりません。
//
// ## このレッスンのゴール
//
// - ロードバランサー、リスナー、ターゲットグループ、ヘルスチェックの役割を説明できる
// - ECS のサービスが、タスクをターゲットとして登録・登録解除することを、サービスのイベントとターゲットのヘルスで確かめられる
// - ローリング更新の間も、失敗するリクエストなしに v1 から v2 へ答えが切り替わることを、自分で送ったリクエストで確かめられる
// - ヘルスチェックに通らない新しいリビジョンのタスクを、ECS がサービスに入れないことを、イベントと停止理由で読み取れる

// ## 前提
//
// レッスン 03 のクラスター `fargate-cluster` と、レッスン 04 のタスク定義 `sample-fargate` を使います。まずセットアップをして、どちらもそろっているかを確かめます。✗ が出たら、表示される直し方に従うか、前のレッスンを実行してから戻ってきてください。
//
// AWS モードでは、Application Load Balancer が `active` になるまで数分かかることがあり、動いている間は時間単位の料金がかかります。ターゲットが `healthy` になるまでは、ヘルスチェックの間隔と正常のしきい値の回数の分だけ待ちます。

// ── セル 1（セットアップ） ──
// ノートブックではこのセルが notebooks/setup.csx でヘルパーライブラリをビルドし、読み込みます。
// このアプリでは、ファイルの先頭の `#:project` が同じライブラリを参照し、`dotnet run` がいっしょにビルドします。

// ── セル 2 ──
var workshop = await Workshop.StartAsync("07-load-balancer");
display(await workshop.Checks.ClusterExistsAsync("fargate-cluster"));
display(await workshop.Checks.TaskDefinitionIsFargateReadyAsync("sample-fargate"));

// ## ロードバランサーのしくみ
//
// ![ブラウザーのリクエストをリスナーが受け、ターゲットグループの healthy なタスクに振り分ける。ターゲットの登録と登録解除は ECS のサービスが行う](../images/load-balancer.svg)
//
// Application Load Balancer は、次の 3 つを組み合わせて使います。
//
// - **ロードバランサー**: 入り口そのものです。VPC の **2 つ以上のアベイラビリティーゾーン** のサブネットに置きます（ALB を作るときの決まりです）。ロードバランサーへの通信は、ロードバランサーの **セキュリティグループ** で許可します。
// - **リスナー**: ロードバランサーが待ち受けるプロトコルとポート（ここでは `HTTP:80`）と、受けたリクエストをどうするかです。このレッスンのリスナーは、デフォルトアクション `forward` で、すべてのリクエストをターゲットグループに送ります。
// - **ターゲットグループ**: リクエストの送り先（**ターゲット**）の集まりです。Fargate のタスクはネットワークモード `awsvpc` で自分の IP アドレスを持つので、ターゲットの種類は `ip`（タスクの IP アドレスとポート）にします。
//
// ターゲットグループは、ターゲットごとに **ヘルスチェック** をします。決まった間隔で、決まったパス（既定は `/`）に HTTP のリクエストを送り、成功コード（既定は `200`）が返るかを見ます。ロードバランサーがリクエストを送るのは、ヘルスチェックに合格した `healthy` なターゲットだけです。ただし、登録されているターゲットが **全部** `unhealthy` のときは、ロードバランサーは健全性にかかわらず全部のターゲットに送ります（**フェイルオープン**）。
//
// ターゲットの登録は、自分ではしません。サービスにターゲットグループを指定しておくと、**ECS がタスクを起動したときにその IP アドレスとポートを登録し、タスクを止める前に登録解除します**。登録解除されたターゲットは `draining` になり、新しいリクエストは送られなくなります。処理中のリクエストが終わるのを待つ時間の上限が **登録解除の遅延**（`deregistration_delay.timeout_seconds`、既定 300 秒）です。ECS は、この待ちが終わってからタスクを止めます。
//
// ターゲットの状態（DescribeTargetHealth の `State`）は、おもに次のとおりです。
//
// | 状態 | 意味 |
// |---|---|
// | `initial` | 登録したばかりで、初期ヘルスチェックの途中 |
// | `healthy` | ヘルスチェックに合格していて、リクエストを受け取る |
// | `unhealthy` | ヘルスチェックに失敗している |
// | `draining` | 登録解除の途中（登録解除の遅延を待っている） |
// | `unused` | 登録されていない、またはリスナーから使われていない |

// ## ロードバランサーを作る
//
// ヘルパーライブラリの `CreateLoadBalancerAsync` は、ロードバランサー、ターゲットグループ、リスナーを 1 回で作ります。AWS CLI では、次のような順番の手順です（ARN や ID は実際の値に置き換わります）。
//
// ```sh
// aws ec2 create-security-group --group-name web-alb-sg --description "..." --vpc-id vpc-...
// aws ec2 authorize-security-group-ingress --group-id sg-... --protocol tcp --port 80 --cidr 0.0.0.0/0
// aws elbv2 create-load-balancer --name web-alb --subnets subnet-... subnet-... --security-groups sg-... --type application
// aws elbv2 create-target-group --name web-alb-targets --protocol HTTP --port 80 --vpc-id vpc-... --target-type ip --health-check-path /
// aws elbv2 create-listener --load-balancer-arn arn:... --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=arn:...
// ```
//
// サブネットは、EC2 の `describe-vpcs`（デフォルト VPC）と `describe-subnets`（フィルター `default-for-az`、アベイラビリティーゾーンごとのデフォルトのサブネット）で探します。セキュリティグループは VPC のデフォルトのものを使わず、このロードバランサー専用のものを作って、ポート 80 への受信を許可します。同じグループの中からのポート 80 への通信も許可しておき、サービスのタスクもこのグループに入れます。こうすると、タスクはロードバランサーからのリクエストとヘルスチェックを受け取れます。
//
// ヘルスチェックと登録解除の遅延は、待ち時間を短くするために既定値より短くします。
//
// | 設定 | 既定値 | このレッスン |
// |---|---|---|
// | ヘルスチェックの間隔 | 30 秒 | 10 秒 |
// | 正常とみなすまでの連続成功回数（正常のしきい値） | 5 回 | 2 回 |
// | 異常とみなすまでの連続失敗回数（非正常のしきい値） | 2 回 | 2 回 |
// | 登録解除の遅延 | 300 秒 | 30 秒 |

// ── セル 3 ──
var alb = await workshop.CreateLoadBalancerAsync("web-alb", port: 80, healthCheckPath: "/",
    healthCheckIntervalSeconds: 10, healthyThresholdCount: 2, unhealthyThresholdCount: 2, deregistrationDelaySeconds: 30);
var url = alb.Value.Url!;
var targetGroup = alb.Value.TargetGroup.Name;
display(alb);

// ### 結果の見どころ
//
// - ロードバランサーの **状態** が `active` です。作った直後は `provisioning` で、準備ができると `active` になります（上の行に、変わっていく様子が出ています）。
// - **サブネット** が 2 つ以上のアベイラビリティーゾーンにあります。
// - **セキュリティグループ** は、VPC のデフォルトのものではなく、このロードバランサーのために作った `web-alb-sg` です。
// - ターゲットグループの **ターゲットの種類** が `ip`、**ヘルスチェックのパス** が `/`、**登録解除の遅延** が 30 秒です。
// - 「AWS CLI で同じことをするには」に、行った操作が順番どおりに並んでいます。
// - シミュレーターでは、リスナーはこの手元のマシンの `http://127.0.0.1:ポート番号/` で本当に待ち受けています。AWS モードでは、ロードバランサーの **DNS 名** の URL です。
//
// まだターゲットが 1 つもない状態で、URL を開いてみます。

// ── セル 4 ──
display(await workshop.OpenAsync(url));

// ### 結果の見どころ
//
// - **HTTP ステータス** が `503`（Service Unavailable）です。ターゲットグループに登録されたターゲットがないとき、ロードバランサーはこのステータスを返します。リクエストを送る先がない、という意味です。

// ## ロードバランサーの後ろにサービスを作る
//
// サービスで動かすタスク定義を用意します。レッスン 04 の `sample-fargate:1` と同じイメージに、環境変数 `APP_VERSION=1` を加えたリビジョンを登録します。サンプルアプリのページには、答えたタスクの ID と `APP_VERSION` が表示されます。

// ── セル 5 ──
var imageUri = (await workshop.DescribeTaskDefinitionAsync("sample-fargate:1")).Value.Containers[0].Image;
var webApp = new FargateTaskDefinition { Family = "sample-fargate", ContainerName = "web", Image = imageUri };
var v1 = (await workshop.RegisterTaskDefinitionAsync(webApp.WithEnvironment("APP_VERSION", "1"))).Value.FamilyRevision;
Console.WriteLine($"v1 のタスク定義: {v1}");

// サービス `web-service` を作ります。レッスン 06 のサービスとの違いは、**ロードバランサーの設定**（`loadBalancers`）があることです。
//
// - `targetGroupArn`: タスクを登録するターゲットグループ
// - `containerName` と `containerPort`: リクエストを受けるコンテナとポート（コンテナ `web` のポート 80）
//
// **ヘルスチェックの猶予期間**（`healthCheckGracePeriodSeconds`）は、タスクが起動してからしばらくの間、ECS がロードバランサーのヘルスチェックの失敗を無視する時間です。起動に時間のかかるアプリが、準備中に止められてしまわないようにするための設定です。AWS CLI では次のとおりです。
//
// ```sh
// aws ecs create-service --cluster fargate-cluster --service-name web-service \
//   --task-definition sample-fargate:N --desired-count 2 --launch-type FARGATE \
//   --network-configuration "awsvpcConfiguration={subnets=[...],securityGroups=[sg-...]}" \
//   --load-balancers targetGroupArn=arn:...,containerName=web,containerPort=80 \
//   --health-check-grace-period-seconds 60
// ```

// ── セル 6 ──
display(await workshop.CreateServiceAsync("fargate-cluster", "web-service", v1, desiredCount: 2,
    loadBalancer: ServiceLoadBalancer.For(alb.Value, "web", 80), healthCheckGracePeriodSeconds: 60));

// ### 結果の見どころ
//
// - AWS CLI のコマンドに `--load-balancers` と `--health-check-grace-period-seconds` が加わっています。
// - `--network-configuration` のセキュリティグループは、ロードバランサーと同じ `web-alb-sg` です。
//
// ECS がタスクを起動し、ターゲットとして登録し、ヘルスチェックに合格するまでを見守ります。`WatchTargetHealthAsync` は、ターゲットグループのターゲット（`describe-target-health`）を繰り返し読み、変化があるたびに 1 行ずつ表示します。最後に、そのときのターゲットを表で表示します。

// ── セル 7 ──
display(await workshop.WatchTargetHealthAsync(targetGroup, until: h => h.Targets.Count(t => t.State == "healthy") == 2));

// ### 結果の見どころ
//
// - 途中の行で、ターゲットが `initial`（登録直後、初期ヘルスチェック中）から `healthy` に変わっていきます。
// - 表の **ターゲット** は、タスクのプライベート IP アドレスとポート 80 です。**タスク** の欄に、その IP アドレスを持つタスクの ID が出ています。
//
// サービスが安定するまで待ち、イベントを見ます。

// ── セル 8 ──
display(await workshop.WaitForSteadyStateAsync("web-service"));

// ### 結果の見どころ
//
// - イベントを下から読むと、`has started 2 tasks`（タスクを起動した）のあとに、`registered … targets in (target-group …)`（ターゲットグループに登録した）があります。ターゲットを登録したのは ECS です。
// - ロードバランサーを使うサービスでは、タスクが `RUNNING` で、しかもロードバランサーのヘルスチェックで `healthy` になって、はじめて健全なタスクとして数えられます。

// ## ページを開く
//
// ロードバランサーの URL を開きます。`OpenAsync` は、ブラウザーと同じように 1 回リクエストを送り、返ってきた HTTP ステータス、ヘッダー、本文を表示します。

// ── セル 9 ──
var page = await workshop.OpenAsync(url);
display(page);

// ### 結果の見どころ
//
// - **HTTP ステータス** が `200` になりました。
// - **答えたタスク** が、上のターゲットの表にあるタスクのどちらかです。
// - シミュレーション（`--runtime simulated`）のときは、コンテナが動かないので、シミュレーターがタスクの代わりに答えています（ヘッダー `X-Workshop-Stand-In`）。Docker で動いているときは、タスクのコンテナの中の BusyBox の httpd が答えています。
//
// ブラウザーで「再読み込み」を何回かするのと同じことをします。6 回開いて、どのタスクが答えたかを並べます。

// ── セル 10 ──
var answeredBy = new List<string>();
for (var i = 1; i <= 6; i++)
{
    var again = (await workshop.OpenAsync(url)).Value;
    answeredBy.Add(again.TaskId ?? "?");
    Console.WriteLine($"{i} 回目: {again.StatusCode}  タスク {again.TaskId}  APP_VERSION {again.AppVersion}");
}
var distinctTasks = answeredBy.Distinct().Count();
Console.WriteLine(distinctTasks >= 2
    ? $"✓ {distinctTasks} つのタスクが交代で答えました"
    : "1 つのタスクだけが答えました");

// ### 結果の見どころ
//
// - 2 つのタスクが交代で答えています。ALB のターゲットグループは、既定ではラウンドロビンで、healthy なターゲットに順番にリクエストを振り分けます。
// - URL は 1 つのままです。どのタスクが答えるかを、利用者が気にする必要はありません。

// ## リクエストを送りながら v2 にローリング更新する
//
// `APP_VERSION=2` のリビジョンを登録し、サービスをローリング更新します。その間、ヘルパーライブラリが 0.1 秒ごとにロードバランサーの URL へリクエストを送り続け（`StartTraffic`）、どのバージョンが答えたかをすべて記録します。
//
// ロードバランサーの後ろのローリング更新は、次の順に進みます（既定の最小正常率（minimumHealthyPercent）100%、最大パーセンテージ（maximumPercent）200% のとき）。
//
// 1. ECS が v2 のタスクを起動し、ターゲットとして登録します。
// 2. v2 のターゲットがヘルスチェックに合格して `healthy` になると、リクエストが v2 にも届くようになります。
// 3. ECS は v1 のタスクを登録解除します。v1 のターゲットは `draining` になり、新しいリクエストは届かなくなります。
// 4. 登録解除の遅延（ここでは 30 秒）が終わってから、ECS は v1 のタスクを止めます。
//
// いつも healthy なターゲットがあり、止まる前のタスクにはもうリクエストが届かないので、入れ替えの間も失敗するリクエストはないはずです。

// ── セル 11 ──
var v2 = (await workshop.RegisterTaskDefinitionAsync(webApp.WithEnvironment("APP_VERSION", "2"))).Value.FamilyRevision;
var traffic = workshop.StartTraffic(url);
await workshop.DeployAsync("web-service", v2);
await workshop.WaitForSteadyStateAsync("web-service");
var rollout = await traffic.StopAsync();
Console.WriteLine($"送ったリクエスト: {rollout.Total} 件、失敗: {rollout.Failures} 件、答えたバージョン: {string.Join(" → ", rollout.Versions)}");
display(rollout);

// ### 結果の見どころ
//
// - グラフは、1 秒ごとに何件の答えが返ってきたかを、`APP_VERSION` ごとの色で積み上げたものです。このセルが送ったリクエストから描いています。
// - はじめは v1 だけ、途中で v1 と v2 が混ざり、最後は v2 だけになっています。
// - **失敗したリクエスト** が 0 件です。赤い「失敗」の棒はありません。
//
// サービスのイベントで、ECS がしたことを確かめます。

// ── セル 12 ──
display(await workshop.DescribeServiceAsync("web-service"));

// ### 結果の見どころ
//
// - `registered … targets`（v2 のタスクを登録した）、`has begun draining connections on … tasks`（v1 のタスクの接続のドレインを始めた）、`deregistered … targets`（v1 のタスクを登録解除した）、`has stopped … running tasks`（v1 のタスクを止めた）が並んでいます。
// - タスクを止めるのは、登録解除とドレインのあとです。

// ## ヘルスチェックに通らないリビジョン
//
// 今度は、不具合のある新しいリビジョンを出してしまった場面です。Web サーバーの起動コマンド（タスク定義の `command`）で、公開するディレクトリを間違えて `/www/cgi-bin` にしてしまいました。
//
// ```json
// "command": ["sh", "-c", "trap 'exit 0' TERM; httpd -f -p 80 -h /www/cgi-bin & wait"]
// ```
//
// コンテナは起動して `RUNNING` になりますが、ヘルスチェックのパス `/` には、ページがないので `404` を返します。成功コードは `200` なので、ヘルスチェックは失敗します。Docker で動いているときは、コンテナの中の本物の httpd が 404 を返します。シミュレーションのときは、シミュレーターがイメージの中のファイルとこのコマンドを読んで、同じように 404 を返します。
//
// リクエストを送り続けながら、このリビジョンをデプロイします。

// ── セル 13 ──
var v3 = (await workshop.RegisterTaskDefinitionAsync(webApp
    .WithEnvironment("APP_VERSION", "3")
    .WithCommand("sh", "-c", "trap 'exit 0' TERM; httpd -f -p 80 -h /www/cgi-bin & wait"))).Value.FamilyRevision;
var brokenTraffic = workshop.StartTraffic(url);
display(await workshop.DeployAsync("web-service", v3));

// v3 のタスクのターゲットが `unhealthy` になるまで見守ります。

// ── セル 14 ──
var unhealthy = await workshop.WatchTargetHealthAsync(targetGroup, until: h => h.Targets.Any(t => t.State == "unhealthy"));
display(unhealthy);

// ### 結果の見どころ
//
// - v3 のタスクのターゲットが `initial` のあと `unhealthy` になりました。**理由コード** は `Target.ResponseCodeMismatch`、**説明** は `Health checks failed with these codes: [404]` です。ヘルスチェックに 404 が返ってきた、という意味です。
// - v2 のタスクのターゲットは `healthy` のままです。
//
// ECS は、ロードバランサーのヘルスチェックに失敗したタスクを止めて、入れ替えます。`unhealthy` になったタスクが止まるまで待ちます。

// ── セル 15 ──
var failedTask = unhealthy.Value.Targets.First(t => t.State == "unhealthy").TaskId!;
display(await workshop.WaitForTaskAsync(failedTask, "STOPPED"));

// ### 結果の見どころ
//
// - **停止理由** が `Task failed ELB health checks in (target-group …)` です。ロードバランサーのヘルスチェックに失敗したので、ECS がタスクを止めました。
// - アプリが自分で落ちたのではなく、ECS が止めたタスクです。ECS は止める前に、このタスクのターゲットを登録解除しています。
//
// 日本語の説明も見てみます。

// ── セル 16 ──
display(await workshop.ExplainStoppedTaskAsync(failedTask));

// サービスのイベントにも記録されています。

// ── セル 17 ──
display(await workshop.DescribeServiceAsync("web-service"));

// ### 結果の見どころ
//
// - `(port 80) is unhealthy in (target-group …) due to (reason Health checks failed with these codes: [404])` というイベントがあります。どのポートが、どのターゲットグループで、なぜ異常とされたかがわかります。
// - ECS は v3 のタスクを止めては、新しい v3 のタスクを起動し直しています。v3 のタスクは健全なタスクとして数えられないので、v2 のタスクは止められずに動き続けます。ECS は、ヘルスチェックに通らないタスクをサービスに入れません。
// - デプロイサーキットブレーカーを有効にしていれば、ロードバランサーのヘルスチェックに失敗したタスクも失敗として数えられ、一定数を超えるとデプロイが `FAILED` になります（有効にして `rollback` も指定していれば、前のデプロイに戻ります）。このサービスでは有効にしていないので、入れ替えを続けます。
//
// この間にブラウザーで開いていた人には、何が見えていたでしょうか。記録を止めて、グラフにします。

// ── セル 18 ──
var duringBrokenDeploy = await brokenTraffic.StopAsync();
Console.WriteLine($"送ったリクエスト: {duringBrokenDeploy.Total} 件、失敗: {duringBrokenDeploy.Failures} 件、答えたバージョン: {string.Join(", ", duringBrokenDeploy.Versions)}");
display(duringBrokenDeploy);

// ### 結果の見どころ
//
// - 答えたのは v2 だけで、失敗したリクエストは 0 件です。ロードバランサーは `healthy` なターゲット（v2）にだけリクエストを送り、ヘルスチェックに通らない v3 には送りません。
// - もし v2 のタスクがなくなり、ターゲットが全部 `unhealthy` になっていたら、ロードバランサーはフェイルオープンで v3 にも送り、利用者には 404 が見えていたはずです。
//
// 不具合のないリビジョン v2 に戻します（ロールバック）。

// ── セル 19 ──
await workshop.DeployAsync("web-service", v2);
display(await workshop.WaitForSteadyStateAsync("web-service"));

// ## 演習
//
// アクセスが増えてきました。`web-service` のタスクを 3 つにして、ターゲットグループの healthy なターゲットが 3 つになるまで待ってください。下のセルの空いているところに、スケールと見守りの 2 行を書きます。タスクの必要数を変えるのは `ScaleAsync`、ターゲットを見守るのは `WatchTargetHealthAsync` です。

// ── セル 20（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 1: web-service のタスクを 3 つにして、healthy なターゲットが 3 つ（ほかの状態のターゲットはなし）になるまで待ちます。
await workshop.ScaleAsync("web-service", 3);
await workshop.WatchTargetHealthAsync(targetGroup, until: h => h.Targets.Length == 3 && h.Targets.All(t => t.State == "healthy"));

display(await workshop.Checks.TargetsAreHealthyAsync(targetGroup, 3));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 1: web-service のタスクを 3 つにして、healthy なターゲットが 3 つ（ほかの状態のターゲットはなし）になるまで待ちます。
// await workshop.ScaleAsync("web-service", 3);
// await workshop.WatchTargetHealthAsync(targetGroup, until: h => h.Targets.Length == 3 && h.Targets.All(t => t.State == "healthy"));
//
// await workshop.Checks.TargetsAreHealthyAsync(targetGroup, 3)
// ```
//
// スケールしただけで確かめると、3 つ目のターゲットはまだ `initial`（初期ヘルスチェック中）で、セルフチェックは ✗ になります。ECS がタスクを起動してターゲットを登録し、ヘルスチェックに合格するまでには時間がかかるので、見守ってから確かめます。ロールバックで止めた v3 のタスクのターゲットが、しばらく `draining` で残っていることもあります。
//
// </details>

// ## AWS モードで進めた人へ
//
// - ロードバランサーには、動いている時間と使った量に応じた料金がかかります。このレッスンが終わったら、[09. 後片付け](09-cleanup.ipynb) でサービスといっしょに削除してください。
// - AWS では、ロードバランサーを作ってからリクエストを振り分けられるようになるまで、数分かかることがあります。`OpenAsync` が答えを受け取れないときは、少し待ってから開き直してください。
//
// ## まとめ
//
// - ALB は、リスナーで受けたリクエストを、ターゲットグループの healthy なターゲットに振り分けます。ターゲットが 1 つもなければ 503 を返し、全部が unhealthy ならフェイルオープンで全部に送ります。
// - サービスにターゲットグループを指定すると、ECS がタスクを起動したときに登録し、止める前に登録解除します。登録解除の遅延（既定 300 秒）のあいだ、処理中のリクエストを待ちます。
// - ロードバランサーの後ろのローリング更新では、新しいタスクが healthy になってから古いタスクを外すので、入れ替えの間もリクエストは失敗しません。
// - ヘルスチェックに通らないタスクは、ECS がサービスに入れず、止めて入れ替えます。理由は、ターゲットのヘルスの理由コード、サービスのイベント、タスクの停止理由に残ります。
//
// ## 次のレッスン
//
// 負荷に応じてタスクの必要数を自動で変えます: [08. Auto Scaling](08-auto-scaling.ipynb)

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
