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

// ノートブックと同じく、レッスンのフォルダー (このファイルの 1 つ上) を作業フォルダーにします。セルの相対パスはそこから数えます。
Environment.CurrentDirectory = System.IO.Path.GetFullPath(System.IO.Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, ".."));

// # 08. キャパシティープロバイダーと Fargate Spot
//
// ここまでのサービスは、起動タイプ `FARGATE` でタスクを動かしてきました。Fargate には、もう 1 つの置き先 **Fargate Spot** があります。Fargate Spot を使用すると、割り込み許容のある Amazon ECS タスクを、Fargate 料金と比較して割引料金で実行できます。その代わり、AWS がキャパシティーを戻す必要がある場合、タスクは中断されます。このレッスンでは、サービスのタスクを `FARGATE` と `FARGATE_SPOT` に振り分け、Spot のタスクが中断されたときに ECS が何をするかを見ます。
//
// ## このレッスンのゴール
//
// - キャパシティープロバイダー戦略の `base` とウエイト値で、タスクが `FARGATE` と `FARGATE_SPOT` にどう分かれるかを予想できる
// - Fargate Spot のタスクが中断されるときに起きること（2 分間の警告、SIGTERM、停止コード `SpotInterruption`）を説明できる
// - 中断されたタスクの代わりを、サービススケジューラが戦略に従って起動するところを、タスクとイベントで追える

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

// ## キャパシティープロバイダー戦略
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
// ## クラスターに関連付ける
//
// ハンズオンのコマンドは次のとおりです。`put-cluster-capacity-providers` は、指定しなかったプロバイダーをクラスターから外すので、使うものをすべて並べます。
//
// ```sh
// aws ecs put-cluster-capacity-providers --cluster fargate-cluster \
//     --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy '[]'
// ```

// ── セル 3 ──
display(await workshop.UseFargateCapacityProvidersAsync("fargate-cluster"));

// ### 結果の見どころ
//
// - **キャパシティープロバイダー** に `FARGATE` と `FARGATE_SPOT` が並んでいます。
// - クラスターの既定の戦略は空のままです。サービスごとに戦略を指定します。
//
// ## タスク 4 つのサービスを作る
//
// 練習用のサービス `spot-service` を、いつもどおり起動タイプ `FARGATE` でタスク 4 つにして作り、安定するまで待ちます。

// ── セル 4 ──
await workshop.CreateServiceAsync("fargate-cluster", "spot-service", "sample-fargate:1", desiredCount: 4);
display(await workshop.WaitForSteadyStateAsync("spot-service"));

// ## 戦略を変える
//
// このサービスを、`FARGATE` に `base` 1（ウエイト値 0）、`FARGATE_SPOT` にウエイト値 3 の戦略に切り替えます。1 つは中断されない `FARGATE` に必ず置き、残りは安い Fargate Spot に置く、という考え方です。
//
// 起動タイプからキャパシティープロバイダー戦略に切り替えるときや、戦略の中身を変えるときは、**新しいデプロイ** が必要です（`--force-new-deployment`）。付けないと、ECS は `InvalidParameterException`（「you must force a new deployment」）を返します。新しいデプロイのタスクが新しい置き先で起動し、ローリング更新で古いタスクと入れ替わります。

// ── セル 5 ──
display(await workshop.UpdateServiceCapacityAsync("spot-service", onDemandBase: 1, onDemandWeight: 0, spotWeight: 3));

// ── セル 6 ──
display(await workshop.WaitForSteadyStateAsync("spot-service"));

// タスクごとに、どのキャパシティープロバイダーに置かれたか（`capacityProviderName`）を見てみます。

// ── セル 7 ──
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

// ── セル 8 ──
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

// ── セル 9 ──
if (workshop.Mode == WorkshopMode.Simulator)
{
    await workshop.WaitForTaskAsync(interruptedTask.Id, "STOPPED");
    display(await workshop.ExplainStoppedTaskAsync(interruptedTask.Id));
}

// サービスが代わりのタスクを起動して、また安定するまで待ちます。

// ── セル 10 ──
display(await workshop.WaitForSteadyStateAsync("spot-service"));

// ── セル 11 ──
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

// ── セル 12（演習） ──
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
display(CheckResult.Of("演習 1: base とウエイト値の予想",
    new CheckItem(exerciseTasks.Length == 6, $"spot-service のタスクは {exerciseTasks.Length} 個です",
        "`UpdateServiceCapacityAsync` で戦略を変え、`ScaleAsync` で 6 にしてから、安定するまで待ってください"),
    new CheckItem(predictedOnFargate == actualOnFargate && predictedOnSpot == actualOnSpot,
        $"予想は FARGATE {predictedOnFargate} 個・FARGATE_SPOT {predictedOnSpot} 個、実際は FARGATE {actualOnFargate} 個・FARGATE_SPOT {actualOnSpot} 個です",
        "まず base の 2 個を FARGATE に置き、残りの 4 個を 1 : 3 で分けます")));

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
// CheckResult.Of("演習 1: base とウエイト値の予想",
//     new CheckItem(exerciseTasks.Length == 6, $"spot-service のタスクは {exerciseTasks.Length} 個です",
//         "`UpdateServiceCapacityAsync` で戦略を変え、`ScaleAsync` で 6 にしてから、安定するまで待ってください"),
//     new CheckItem(predictedOnFargate == actualOnFargate && predictedOnSpot == actualOnSpot,
//         $"予想は FARGATE {predictedOnFargate} 個・FARGATE_SPOT {predictedOnSpot} 個、実際は FARGATE {actualOnFargate} 個・FARGATE_SPOT {actualOnSpot} 個です",
//         "まず base の 2 個を FARGATE に置き、残りの 4 個を 1 : 3 で分けます"))
// ```
//
// まず `base` の 2 個が `FARGATE` に置かれ、残りの 4 個が 1 : 3 に分けられて、`FARGATE` に 1 個、`FARGATE_SPOT` に 3 個です。合わせて `FARGATE` 3 個、`FARGATE_SPOT` 3 個になります。AWS CLI なら `aws ecs update-service --cluster fargate-cluster --service spot-service --capacity-provider-strategy capacityProvider=FARGATE,base=2,weight=1 capacityProvider=FARGATE_SPOT,weight=3 --force-new-deployment` のあと、`--desired-count 6` で数を変えます。
//
// </details>

// ## まとめ
//
// - Fargate のキャパシティープロバイダーは `FARGATE` と `FARGATE_SPOT` の 2 つで、クラスターに関連付けるだけで使えます。
// - キャパシティープロバイダー戦略は、`base` の数を先に置き、残りをウエイト値の比で振り分けます。戦略を変えるには新しいデプロイが必要です。
// - Fargate Spot のタスクは 2 分間の警告（SIGTERM）の後に中断され、停止コード `SpotInterruption` で止まります。サービスのタスクなら、サービススケジューラが戦略に従って代わりを起動します。
//
// ## 次のレッスン
//
// 作ったものを削除して、ハンズオンを終えます: [09. 後片付け](09-cleanup.ipynb)

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
