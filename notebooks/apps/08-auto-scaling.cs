// 08-auto-scaling.cs: notebooks/08-auto-scaling.ipynb から `workshop export-apps` で生成したファイルです。
// 手で直さずに、ノートブックを直してから生成し直してください（dotnet run --project src/EcsWorkshop.Cli -- export-apps）。
// 実行: レッスンの順に、リポジトリのルートで次のように実行します（シミュレーターは動いているものを使い、なければアプリの中で起動します）。
//   dotnet run notebooks/apps/08-auto-scaling.cs
#:project ../../src/EcsWorkshop/EcsWorkshop.csproj
#:property PublishAot=false

using EcsWorkshop;
using EcsWorkshop.Steps;
using EcsWorkshop.Checks;
using EcsWorkshop.Errors;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Facts.Simulator;
using System.Net.Http;

// ノートブックと同じく、レッスンのフォルダー (このファイルの 1 つ上) を作業フォルダーにします。セルの相対パスはそこから数えます。
Environment.CurrentDirectory = System.IO.Path.GetFullPath(System.IO.Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, ".."));

// # 08. サービスの Auto Scaling とキャパシティープロバイダー
//
// ここまでは、タスクの必要数を自分で決めてきました。このレッスンの前半では、**サービスの Auto Scaling**（Application Auto Scaling）に、CPU 使用率に合わせてタスクの必要数を増やしたり減らしたりさせます。後半では、タスクを置く先を `FARGATE` と **Fargate Spot**（`FARGATE_SPOT`）に振り分けます。Fargate Spot を使用すると、割り込み許容のある Amazon ECS タスクを、Fargate 料金と比較して割引料金で実行できます。その代わり、AWS がキャパシティーを戻す必要がある場合、タスクは中断されます。
//
// ## このレッスンのゴール
//
// - サービスをスケーラブルリソースとして登録し、CPU 使用率のターゲット追跡スケーリングポリシーを作れる
// - 負荷をかけてスケールアウトし、負荷を止めてスケールインするまでを、タスクの必要数・スケーリングアクティビティ・グラフで追える。スケールインがスケールアウトよりゆっくりな理由を説明できる
// - キャパシティープロバイダー戦略の `base` とウエイト値で、タスクが `FARGATE` と `FARGATE_SPOT` にどう分かれるかを予想できる
// - Fargate Spot のタスクが中断されるときに起きること（2 分間の警告、SIGTERM、停止コード `SpotInterruption`）を説明し、サービススケジューラが代わりを起動するところを追える
//
// 所要時間の目安: シミュレーターを 20 倍の速さで動かして 15 分ほど（Docker のランタイムでは 20 分ほど）。現実と同じ速さ（1 倍）では、スケールインを待つだけで 20 分以上かかります。

// ## 前提
//
// レッスン 03 のクラスター `fargate-cluster` と、レッスン 04 のタスク定義 `sample-fargate` を使います。まずセットアップをして、どちらもそろっているかを確かめます。✗ が出たら、表示される直し方に従うか、前のレッスンを実行してから戻ってきてください。
//
// Auto Scaling は分単位で動きます。時間がかかりすぎないように、シミュレーターは 20 倍の速さで動かすのがおすすめです（ターミナルで `dotnet run --project src/EcsWorkshop.Cli -- serve --speed 20` を実行してから、このノートブックを開きます。`workshop run` は 20 倍で動かします）。
//
// AWS モードでは、CloudWatch のアラームがメトリクスのデータポイントを集めてからタスクの必要数が変わるので、スケールアウトにも数分かかり、スケールインはさらに時間がかかります。

// ── セル 1（セットアップ） ──
// ノートブックではこのセルが notebooks/setup.csx でヘルパーライブラリをビルドし、読み込みます。
// このアプリでは、ファイルの先頭の `#:project` が同じライブラリを参照し、`dotnet run` がいっしょにビルドします。

// ── セル 2 ──
var workshop = await Workshop.StartAsync("08-auto-scaling");
display(await workshop.Checks.ClusterExistsAsync("fargate-cluster"));
display(await workshop.Checks.TaskDefinitionIsFargateReadyAsync("sample-fargate"));

// ── セル 3 ──
if (workshop.Endpoint is { } simulatorEndpoint)
{
    using var http = new HttpClient { BaseAddress = simulatorEndpoint };
    var simulatorHealth = SimulatorHealth.Read(await http.GetStringAsync(SimulatorHealth.Path));
    Console.WriteLine($"時間の速さ: 現実の {simulatorHealth?.Speed} 倍、タスクのランタイム: {simulatorHealth?.Runtime}");
}
else Console.WriteLine("AWS で実行しています。時間は現実と同じ速さで進みます。");

// ## サービスの Auto Scaling のしくみ
//
// サービスの Auto Scaling は、Application Auto Scaling が ECS サービスのタスクの必要数（`desiredCount`）を自動で増減する機能です。使うには 2 つのものを作ります。
//
// 1. **スケーラブルリソースの登録**: どのサービスのタスクの必要数を（`ecs:service:DesiredCount`）、最小いくつから最大いくつの間で変えてよいか。コマンドや API では「スケーラブルターゲット」（`register-scalable-target`）と呼ばれます。
// 2. **スケーリングポリシー**: 何に合わせて変えるか。ここでは **ターゲット追跡スケーリングポリシー** を使い、サービスのタスクの平均 CPU 使用率（`ECSServiceAverageCPUUtilization`）がターゲット値 50% に近くなるようにします。
//
// ポリシーを作ると、Application Auto Scaling が CloudWatch のアラームを 2 つ作ります。CPU 使用率がターゲット値を上回る状態が続くと `AlarmHigh` が鳴って **スケールアウト**（タスクを増やす）、ターゲット値より十分に低い状態がもっと長く続くと `AlarmLow` が鳴って **スケールイン**（タスクを減らす）します。増やす数はメトリクスの値に比例します。スケールインがゆっくりなのは、負荷が戻ってきたときに足りなくならないよう、慎重に減らすためです。変更の後には **クールダウン期間**（ECS では既定 300 秒）があります。
//
// ![サービスの Auto Scaling: ターゲット追跡スケーリングポリシーが CPU 使用率をターゲット値に保つようにタスクの必要数を変える](../images/service-auto-scaling.svg)
//
// アラームの判定の回数（上回るのは 3 分、下回るのは 15 分ほど）は、AWS のドキュメントには書かれておらず、利用者の報告によるものです。シミュレーターはこの数と、`ceil(実行中のタスク数 × メトリクス ÷ ターゲット値)` という式でタスクの必要数を決めます（AWS は式を公開していません。詳しくは docs/auto-scaling.md）。
//
// ## スケールさせるサービスを作る
//
// 練習用のサービス `scaling-service` を、タスク 1 つで作ります。

// ── セル 4 ──
await workshop.CreateServiceAsync("fargate-cluster", "scaling-service", "sample-fargate:1", desiredCount: 1);
display(await workshop.WaitForSteadyStateAsync("scaling-service"));

// ## スケーラブルリソースとして登録する
//
// サービスのタスクの必要数を、最小 1・最大 6 の範囲で Auto Scaling に任せます。AWS CLI では次のとおりです。
//
// ```sh
// aws application-autoscaling register-scalable-target --service-namespace ecs \
//     --resource-id service/fargate-cluster/scaling-service \
//     --scalable-dimension ecs:service:DesiredCount --min-capacity 1 --max-capacity 6
// ```

// ── セル 5 ──
display(await workshop.RegisterScalableTargetAsync("scaling-service", minCapacity: 1, maxCapacity: 6, cluster: "fargate-cluster"));

// ### 結果の見どころ
//
// - リソース ID は `service/クラスター名/サービス名` の形です。ECS のサービスの ARN ではありません。
// - **最小タスク数** 1、**最大タスク数** 6 です。Auto Scaling は、この範囲の外にタスクの必要数を動かしません。
//
// ## ターゲット追跡スケーリングポリシーを作る
//
// CPU 使用率のターゲット値を 50% にします。
//
// ```sh
// aws application-autoscaling put-scaling-policy --service-namespace ecs \
//     --resource-id service/fargate-cluster/scaling-service \
//     --scalable-dimension ecs:service:DesiredCount --policy-name cpu-target-tracking \
//     --policy-type TargetTrackingScaling \
//     --target-tracking-scaling-policy-configuration '{"TargetValue":50.0,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"}}'
// ```

// ── セル 6 ──
display(await workshop.PutCpuTargetTrackingPolicyAsync("scaling-service", targetValue: 50, cluster: "fargate-cluster"));

// ### 結果の見どころ
//
// - アラームが 2 つ作られています。名前は `TargetTracking-service/fargate-cluster/scaling-service-AlarmHigh-…` と `…-AlarmLow-…` です。これらのアラームは Application Auto Scaling が管理するので、自分で変更や削除をしてはいけません。
// - `ScaleOutCooldown` と `ScaleInCooldown` を指定しなかったので、クールダウン期間は既定の 300 秒です。
//
// ## 負荷をかける
//
// CPU を使わせて、スケールアウトを起こします。負荷のかけ方は、タスクを動かしているランタイムで違います。
//
// - **シミュレーションのランタイム**: コンテナは実際には動きません。シミュレーターの負荷のコントロール（`/_workshop/load`）で、「タスク 3 個分の CPU を使う仕事」を指定します。タスク 1 個では CPU 使用率 100% になり、タスクが増えると同じ仕事を分け合うので、使用率は下がります。
// - **Docker のランタイム**: コンテナが実際に動いています。ヘルパーライブラリがタスクのページ（127.0.0.1）に HTTP リクエストを送り続け、コンテナが実際に CPU を使います。CPU 使用率は、シミュレーターが Docker エンジンのコンテナの統計から測ります。
// - **AWS**: 負荷をかけるツールを自分で動かします（このセルは何もしません）。
//
// `StartLoadAsync` は、どちらのランタイムかを調べて、合った方法で負荷をかけます。

// ── セル 7 ──
if (workshop.Mode == WorkshopMode.Simulator)
    display(await workshop.StartLoadAsync("scaling-service", tasksWorth: 3, cluster: "fargate-cluster"));
else
    Console.WriteLine("AWS では、負荷をかけるツールを自分で動かしてください。");

// タスクの必要数が 6 になるまで、サービスを観察します（シミュレーターの時計で最大 15 分）。観察した値はグラフになります。

// ── セル 8 ──
display(await workshop.WatchScalingAsync("scaling-service", desiredCount: 6, scalingMinutes: 15, cluster: "fargate-cluster"));

// ### 結果の見どころ
//
// - 負荷をかけてから 3 分ほど（`AlarmHigh` が鳴るまで）は、タスクの必要数は 1 のままです。
// - シミュレーションのランタイムでは、必要数は 1 → 2 → 4 → 6 と増えます。タスク 1 個で 100% なら `ceil(1 × 100 ÷ 50) = 2`、2 個でもまだ 100% なので 4、4 個で 75% なので 6 です。6 個になると使用率は 50% で、ターゲット値を上回らないので止まります。最大の 6 を超えることはありません。
// - 赤い線（タスクの必要数）が先に上がり、緑の線（実行中のタスク）が追いかけます。タスクの起動には時間がかかるからです。
// - Docker のランタイムでは、使用率は実際の CPU の使い方で決まるので、増え方はマシンによって違います。6 まで増えないこともあります。
//
// ## スケーリングアクティビティを見る
//
// タスクの必要数の変更は、1 回ごとに **スケーリングアクティビティ** として記録されます。
//
// ```sh
// aws application-autoscaling describe-scaling-activities --service-namespace ecs \
//     --resource-id service/fargate-cluster/scaling-service
// ```

// ── セル 9 ──
var activities = (await workshop.DescribeScalingActivitiesAsync("scaling-service", cluster: "fargate-cluster")).Value;
foreach (var activity in activities)
    Console.WriteLine($"{activity.StatusCode}: {activity.Description}\n    原因: {activity.Cause}\n    {activity.StatusMessage}");

// ### 結果の見どころ
//
// - 新しいものが先頭です。`Description` は `Setting desired count to N.` です。
// - `Cause` は `monitor alarm TargetTracking-…-AlarmHigh-… in state ALARM triggered policy cpu-target-tracking` で、どのアラームがどのポリシーを動かしたかがわかります。
// - 終わったものは `Successful` で、`Successfully set desired count to N. Change successfully fulfilled by ecs.` となっています。サービスのイベント（`DescribeServices`）には、スケーリングアクティビティは出ません。Auto Scaling の側の記録を見るのはこのコマンドです。
//
// ## 負荷を止めて、スケールインを見る
//
// 負荷を止めると CPU 使用率は下がります。スケールインは、ターゲット値より十分に低い状態が 15 分ほど続いてから始まります。タスクの必要数が最小の 1 に戻るまで観察します（シミュレーターの時計で最大 30 分）。

// ── セル 10 ──
if (workshop.Mode == WorkshopMode.Simulator)
    display(await workshop.StopLoadAsync("scaling-service", cluster: "fargate-cluster"));
display(await workshop.WatchScalingAsync("scaling-service", desiredCount: 1, scalingMinutes: 30, cluster: "fargate-cluster"));

// ### 結果の見どころ
//
// - グラフの右側で、タスクの必要数が下がるまでに、上がるときよりずっと長い平らな部分があります。これがスケールインの慎重さです。
// - 使用率 0% なら `ceil(6 × 0 ÷ 50) = 0` ですが、最小の 1 より下にはなりません。
// - スケーリングアクティビティにも `Setting desired count to 1.` が加わっています（もう一度上のセルを実行して確かめられます）。
//
// ここまでに観察した値のグラフは、いつでも `workshop.ScalingChart("scaling-service")` で表示できます。

// ── セル 11 ──
display(workshop.ScalingChart("scaling-service"));

// ## 後半: キャパシティープロバイダーと Fargate Spot
//
// ### キャパシティープロバイダー戦略
//
// タスクをどこで動かすかを決めるものを **キャパシティープロバイダー** と呼びます。Fargate には `FARGATE`（通常の Fargate）と `FARGATE_SPOT`（Fargate Spot）の 2 つがあり、作る必要はなく、クラスターに関連付けるだけで使えます。
//
// サービスには、起動タイプ（`launchType`）の代わりに **キャパシティープロバイダー戦略** を指定できます。戦略は、プロバイダーごとの 2 つの数で決まります。
//
// - `base`: そのプロバイダーに最低限置くタスクの数。`base` を指定できるのは、戦略の中の 1 つのプロバイダーだけです。
// - ウエイト値（`weight`）: `base` を満たしたあと、残りのタスクを振り分ける比。ウエイト値 0 のプロバイダーには、`base` の分しか置かれません。
//
// ![キャパシティープロバイダー戦略: base を先に置き、残りをウエイト値の比で振り分ける。Spot の中断と置き換え](../images/capacity-provider-strategy.svg)
//
// たとえば `FARGATE` に `base` 2 とウエイト値 1、`FARGATE_SPOT` にウエイト値 3 でタスクを 10 個動かすと、まず 2 個が `FARGATE` に置かれ、残りの 8 個が 1 : 3 に分けられて、`FARGATE` が 4 個、`FARGATE_SPOT` が 6 個になります。割り切れないときにどちらへ丸めるかは、AWS のドキュメントに書かれていません。シミュレーターは、それぞれの取り分を最も近い整数に丸めます（ちょうど半分のときは、戦略の先に書いたプロバイダーに 1 個多く置きます）。
//
// ### クラスターに関連付ける
//
// ハンズオンのコマンドは次のとおりです。`put-cluster-capacity-providers` は、指定しなかったプロバイダーをクラスターから外すので、使うものをすべて並べます。
//
// ```sh
// aws ecs put-cluster-capacity-providers --cluster fargate-cluster \
//     --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy '[]'
// ```

// ── セル 12 ──
display(await workshop.UseFargateCapacityProvidersAsync("fargate-cluster"));

// ### 結果の見どころ
//
// - **キャパシティープロバイダー** に `FARGATE` と `FARGATE_SPOT` が並んでいます。
// - クラスターの既定の戦略は空のままです。サービスごとに戦略を指定します。
//
// ## タスク 4 つのサービスを作る
//
// 練習用のサービス `spot-service` を、いつもどおり起動タイプ `FARGATE` でタスク 4 つにして作り、安定するまで待ちます。

// ── セル 13 ──
await workshop.CreateServiceAsync("fargate-cluster", "spot-service", "sample-fargate:1", desiredCount: 4);
display(await workshop.WaitForSteadyStateAsync("spot-service"));

// ## 戦略を変える
//
// このサービスを、`FARGATE` に `base` 1（ウエイト値 0）、`FARGATE_SPOT` にウエイト値 3 の戦略に切り替えます。1 つは中断されない `FARGATE` に必ず置き、残りは安い Fargate Spot に置く、という考え方です。
//
// 起動タイプからキャパシティープロバイダー戦略に切り替えるときや、戦略の中身を変えるときは、**新しいデプロイ** が必要です（`--force-new-deployment`）。付けないと、ECS は `InvalidParameterException`（「you must force a new deployment」）を返します。新しいデプロイのタスクが新しい置き先で起動し、ローリング更新で古いタスクと入れ替わります。

// ── セル 14 ──
display(await workshop.UpdateServiceCapacityAsync("spot-service", onDemandBase: 1, onDemandWeight: 0, spotWeight: 3));

// ── セル 15 ──
display(await workshop.WaitForSteadyStateAsync("spot-service"));

// タスクごとに、どのキャパシティープロバイダーに置かれたか（`capacityProviderName`）を見てみます。

// ── セル 16 ──
var spotTasks = (await workshop.ListTasksAsync("spot-service")).Value;
foreach (var task in spotTasks) Console.WriteLine($"{task.Id}: {task.CapacityProviderName}");
Console.WriteLine($"FARGATE {spotTasks.Count(t => t.CapacityProviderName == "FARGATE")} 個、FARGATE_SPOT {spotTasks.Count(t => t.CapacityProviderName == "FARGATE_SPOT")} 個");

// ### 結果の見どころ
//
// - `FARGATE` が 1 個（`base` の分）、`FARGATE_SPOT` が 3 個です。`FARGATE` のウエイト値は 0 なので、`base` を超えた分はすべて `FARGATE_SPOT` に置かれました。
//
// ## Spot のタスクが中断されると
//
// AWS がキャパシティーを戻す必要がある場合、Fargate Spot のタスクは中断され、2 分間の警告が出ます。警告は、EventBridge へのタスクの状態変更イベントと、タスクのコンテナへの SIGTERM として届きます。
//
// - タスクの目的のステータス（`desiredStatus`）はすぐに `STOPPED` になり、最終ステータス（`lastStatus`）はしばらく `RUNNING` のままです。停止コードは `SpotInterruption`、停止理由は `Your Spot Task was interrupted.` です（以前のドキュメントの例では、停止コードが `TerminationNotice` でした）。
// - コンテナは SIGTERM を受けて終了の準備をします。`stopTimeout`（既定 30 秒、Fargate では最大 120 秒）を過ぎても終わらなければ、SIGKILL で止められます。
// - サービスのタスクなら、サービススケジューラが `maximumPercent` の範囲で代わりのタスクを起動します。置き先は戦略に従うので、この戦略なら `FARGATE_SPOT` です。
//
// AWS では、中断はいつ起きるかわかりません。シミュレーターでは `/_workshop/spot-interruption` で好きなときに起こせます。`FARGATE_SPOT` のタスクを 1 つ選んで中断します。

// ── セル 17 ──
var interruptedTask = spotTasks.First(t => t.CapacityProviderName == "FARGATE_SPOT");
if (workshop.Mode == WorkshopMode.Simulator)
    display(await workshop.InterruptSpotTaskAsync(interruptedTask.Id));
else
    Console.WriteLine("AWS では Spot の中断を自分で起こすことはできません。中断が起きたときは、止まったタスクの停止コード `SpotInterruption` でわかります。");

// ### 結果の見どころ
//
// - **最終ステータス** は `RUNNING` のまま、目的のステータスが `STOPPED` になっています。これが 2 分間の警告の間の姿です。
// - **停止コード** が `SpotInterruption`、**停止理由** が `Your Spot Task was interrupted.` です。
//
// タスクが止まるまで待ち、停止理由の説明を読みます。

// ── セル 18 ──
if (workshop.Mode == WorkshopMode.Simulator)
{
    await workshop.WaitForTaskAsync(interruptedTask.Id, "STOPPED");
    display(await workshop.ExplainStoppedTaskAsync(interruptedTask.Id));
}

// サービスが代わりのタスクを起動して、また安定するまで待ちます。

// ── セル 19 ──
display(await workshop.WaitForSteadyStateAsync("spot-service"));

// ── セル 20 ──
var tasksAfterInterruption = (await workshop.ListTasksAsync("spot-service")).Value;
foreach (var task in tasksAfterInterruption.Where(t => spotTasks.All(before => before.Id != t.Id)))
    Console.WriteLine($"代わりのタスク {task.Id}: {task.CapacityProviderName}");
Console.WriteLine($"FARGATE {tasksAfterInterruption.Count(t => t.CapacityProviderName == "FARGATE")} 個、FARGATE_SPOT {tasksAfterInterruption.Count(t => t.CapacityProviderName == "FARGATE_SPOT")} 個");

// ### 結果の見どころ
//
// - 代わりのタスクは `FARGATE_SPOT` に置かれ、また `FARGATE` 1 個と `FARGATE_SPOT` 3 個になりました。
// - サービスのイベントに `has started 1 tasks` が加わっています。中断されたタスクの代わりです。
// - AWS では、Spot のキャパシティーが足りないときは、キャパシティーが空くまで起動を繰り返します。Fargate Spot の代わりに通常の Fargate で起動することはありません。止まっては困る最低限の数は、`base` で `FARGATE` に置いておきます。
//
// ## 料金について
//
// AWS モードでは、`spot-service` の 4 つのタスクにも料金がかかります。Fargate Spot の分は割引料金ですが、無料ではありません。作ったサービスは、次のレッスンの後片付けで削除します。
//
// ## 演習
//
// `spot-service` の戦略を、`FARGATE` に `base` 2・ウエイト値 1、`FARGATE_SPOT` にウエイト値 3 に変え、タスクを 6 個にします。それぞれに何個置かれるかを **先に予想して** 書き、戦略を変えて確かめてください。

// ## 料金について
//
// AWS モードでは、`scaling-service` のタスク（スケールアウトした分も）と `spot-service` の 4 つのタスクに、動いた時間だけ料金がかかります。Fargate Spot の分は割引料金ですが、無料ではありません。Application Auto Scaling そのものに追加の料金はありませんが、ターゲット追跡スケーリングポリシーが作る CloudWatch のアラームには CloudWatch の料金がかかります。負荷をかけるツールを動かした分の料金もかかります。作ったもの（スケーラブルリソースの登録とポリシーを含む）は、次のレッスンの後片付けで削除します。

// ── セル 21（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 1: 予想を書いてから、戦略を変えてタスクを 6 個にし、安定するまで待ちます。
var predictedOnFargate = 3; // base の 2 個と、残り 4 個の 1/4 の 1 個
var predictedOnSpot = 3;    // 残り 4 個の 3/4
await workshop.UpdateServiceCapacityAsync("spot-service", onDemandBase: 2, onDemandWeight: 1, spotWeight: 3);
await workshop.ScaleAsync("spot-service", 6);
await workshop.WaitForSteadyStateAsync("spot-service");
var exerciseTasks = (await workshop.ListTasksAsync("spot-service")).Value;
var actualOnFargate = exerciseTasks.Count(t => t.CapacityProviderName == "FARGATE");
var actualOnSpot = exerciseTasks.Count(t => t.CapacityProviderName == "FARGATE_SPOT");
display(workshop.Check("演習 1: base とウエイト値の予想",
    new CheckItem(exerciseTasks.Length == 6, $"spot-service のタスクは {exerciseTasks.Length} 個です",
        "`UpdateServiceCapacityAsync` で戦略を変え、`ScaleAsync` で 6 にしてから、安定するまで待ってください"),
    new CheckItem(predictedOnFargate == actualOnFargate && predictedOnSpot == actualOnSpot,
        $"予想は FARGATE {predictedOnFargate} 個・FARGATE_SPOT {predictedOnSpot} 個、実際は FARGATE {actualOnFargate} 個・FARGATE_SPOT {actualOnSpot} 個です",
        "まず base の 2 個を FARGATE に置き、残りの 4 個を 1 : 3 で分けます。FARGATE を 2 と予想したなら、残りの分にも FARGATE のウエイト値 1 が効くことを忘れています。6 個全部を 1 : 3 で分けた (FARGATE 1〜2 個) なら、base が先に置かれることを忘れています")));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 1: 予想を書いてから、戦略を変えてタスクを 6 個にし、安定するまで待ちます。
// var predictedOnFargate = 3; // base の 2 個と、残り 4 個の 1/4 の 1 個
// var predictedOnSpot = 3;    // 残り 4 個の 3/4
// await workshop.UpdateServiceCapacityAsync("spot-service", onDemandBase: 2, onDemandWeight: 1, spotWeight: 3);
// await workshop.ScaleAsync("spot-service", 6);
// await workshop.WaitForSteadyStateAsync("spot-service");
// var exerciseTasks = (await workshop.ListTasksAsync("spot-service")).Value;
// var actualOnFargate = exerciseTasks.Count(t => t.CapacityProviderName == "FARGATE");
// var actualOnSpot = exerciseTasks.Count(t => t.CapacityProviderName == "FARGATE_SPOT");
// workshop.Check("演習 1: base とウエイト値の予想",
//     new CheckItem(exerciseTasks.Length == 6, $"spot-service のタスクは {exerciseTasks.Length} 個です",
//         "`UpdateServiceCapacityAsync` で戦略を変え、`ScaleAsync` で 6 にしてから、安定するまで待ってください"),
//     new CheckItem(predictedOnFargate == actualOnFargate && predictedOnSpot == actualOnSpot,
//         $"予想は FARGATE {predictedOnFargate} 個・FARGATE_SPOT {predictedOnSpot} 個、実際は FARGATE {actualOnFargate} 個・FARGATE_SPOT {actualOnSpot} 個です",
//         "まず base の 2 個を FARGATE に置き、残りの 4 個を 1 : 3 で分けます。FARGATE を 2 と予想したなら、残りの分にも FARGATE のウエイト値 1 が効くことを忘れています。6 個全部を 1 : 3 で分けた (FARGATE 1〜2 個) なら、base が先に置かれることを忘れています"))
// ```
//
// まず `base` の 2 個が `FARGATE` に置かれ、残りの 4 個が 1 : 3 に分けられて、`FARGATE` に 1 個、`FARGATE_SPOT` に 3 個です。合わせて `FARGATE` 3 個、`FARGATE_SPOT` 3 個になります。AWS CLI なら `aws ecs update-service --cluster fargate-cluster --service spot-service --capacity-provider-strategy capacityProvider=FARGATE,base=2,weight=1 capacityProvider=FARGATE_SPOT,weight=3 --force-new-deployment` のあと、`--desired-count 6` で数を変えます。
//
// </details>

// ## まとめ
//
// - サービスの Auto Scaling は、スケーラブルリソースの登録（最小・最大）と、スケーリングポリシーの 2 つで動きます。ターゲット追跡スケーリングポリシーは、メトリクスをターゲット値に近づけるようにタスクの必要数を変えます。
// - スケールアウトは速く、メトリクスに比例して増やします。スケールインはメトリクスが十分に低い状態が長く続いてから、ゆっくり減らします。変更は 1 回ごとにスケーリングアクティビティとして記録されます。
// - Fargate のキャパシティープロバイダーは `FARGATE` と `FARGATE_SPOT` の 2 つで、クラスターに関連付けるだけで使えます。キャパシティープロバイダー戦略は、`base` の数を先に置き、残りをウエイト値の比で振り分けます。戦略を変えるには新しいデプロイが必要です。
// - Fargate Spot のタスクは 2 分間の警告（SIGTERM）の後に中断され、停止コード `SpotInterruption` で止まります。サービスのタスクなら、サービススケジューラが戦略に従って代わりを起動します。
// - このレッスンで扱わなかった Auto Scaling の機能に、ステップスケーリング、スケジュールに基づくスケーリング、予測スケーリングがあります。シミュレーターはこれらを動かしません（docs/auto-scaling.md）。
//
// ## もっと知りたいとき（AWS Black Belt Online Seminar）
//
// - [CON207 Auto Scaling in ECS](https://www.youtube.com/watch?v=FeRkcA33-d0)（11 分）
// - [CON307 ECS Capacity Providers](https://www.youtube.com/watch?v=45uuyy16RS4)（18 分）
// - [CON303 Amazon Elastic Container Service − EC２ / Fargate Spot ことはじめ](https://www.youtube.com/watch?v=fvzbLMrteZg)（21 分）
//
// ## 次のレッスン
//
// 作ったものを削除して、ハンズオンを終えます: [09. 後片付け](09-cleanup.ipynb)

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
