// 00-setup.cs: notebooks/00-setup.ipynb から `workshop export-apps` で生成したファイルです。
// 手で直さずに、ノートブックを直してから生成し直してください（dotnet run --project src/EcsWorkshop.Cli -- export-apps）。
// 実行: レッスンの順に、リポジトリのルートで次のように実行します（シミュレーターは動いているものを使い、なければアプリの中で起動します）。
//   dotnet run notebooks/apps/00-setup.cs
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

// # 00. はじめに: ワークショップの準備
//
// このワークブックでは、Amazon ECS（Elastic Container Service）でコンテナを動かすまでの流れを、C# のコードを 1 セルずつ実行しながら学びます。コンテナイメージを作って ECR に置き、クラスター・タスク定義・サービスを用意して、タスクが起動し、動き続けるところまでを順にたどります。
//
// ## このレッスンのゴール
//
// - あとのレッスンで使う道具（ヘルパーライブラリ）を準備できる
// - シミュレーターモードと AWS モードの違いを説明できる
// - シミュレーターにつながり、セッションを始められる
//
// ![ハンズオンの流れ: 01 イメージを作る、02 ECR にプッシュ、03 クラスター、04 タスク定義、05 サービス、06 タスク、07 後片付け](../images/hands-on-flow.svg)
//
// ## このワークブックで身につけること
//
// - ECS の部品（クラスター、タスク定義、サービス、タスク）が、それぞれ何のためにあるのかを説明できる
// - イメージの push から、サービスがタスクを起動して数を保つところまでを、自分の手で一通り動かせる
// - タスクが止まったときに、どこを見れば理由がわかるか（停止コード、停止理由、終了コード、ログ）を知る

// ## シミュレーターモードと AWS モード
//
// このワークブックのコードは、手元で動く **ECS シミュレーター** に対して実行します。シミュレーターは本物の ECS と同じ API（AWS JSON 1.1 プロトコル）を話し、リクエストを ECS と同じように検証して、同じエラーコードとメッセージで答えます。タスクは時計に沿って PROVISIONING → PENDING → ACTIVATING → RUNNING と状態を進め、サービスは指定した数のタスクを実際に起動し、止まれば入れ替えます。AWS アカウントは要らず、料金もかかりません。
//
// タスクのコンテナは、手元に Docker があれば **本当に動きます**（Docker のランタイム）。シミュレーターは ECR に置いたイメージを Docker エンジンに取得させ、タスクごとにコンテナを起動し、ポートを手元の `http://127.0.0.1:ポート番号` に公開します。コンテナが終われば、その終了コードでタスクが止まり、コンテナの出力は CloudWatch Logs に届きます。Docker がなければ、コンテナは動かさずに、起動や終了を時計に沿って再現します（シミュレーションのランタイム）。どちらで動いているかは、このあと確かめます。
//
// 同じ手順を本物の AWS アカウントで実行する **AWS モード** もあります。`await Workshop.ConnectToAwsAsync(profile: "プロファイル名", region: "ap-northeast-1")` のようにプロファイルとリージョンをはっきり指定したときだけ使われ、何かを作る前にアカウント ID と料金の注意を表示します。AWS モードでは Fargate などの料金が実際にかかるので、最後のレッスンで作ったリソースを必ず削除してください（ヘルパーライブラリが作ったものだけにタグを付けてあり、削除もそれだけが対象です）。

// ## ノートブックの動かし方
//
// 次のどの方法でも、同じレッスンを実行できます。
//
// - **VS Code の Polyglot Notebooks 拡張機能**: このファイルを開き、上のセルから順に実行します。Microsoft は 2026 年にこの拡張機能の開発を終了しましたが、今も動きます。
// - **Jupyter と .NET カーネル**: リポジトリの `jupyter/` にあるカーネル設定を使います（手順は README.md にあります）。
// - **ファイルベースのアプリ**: `notebooks/apps/00-setup.cs` は、このノートブックから生成した C# ファイルです。`dotnet run notebooks/apps/00-setup.cs` で実行できます。Polyglot Notebooks がなくなっても使い続けられる方法です。
// - **すべてのレッスンをまとめて実行**: `dotnet run --project src/EcsWorkshop.Cli -- run` は、シミュレーターを起動してすべてのレッスンを順に実行し、結果を `artifacts/` に書き出します。
//
// シミュレーターは、レッスンが必要なときに自分で起動します。シミュレーターのログを見たいときや、時間の速さを変えたいときは、先にターミナルで起動しておくこともできます。
//
// ```
// dotnet run --project src/EcsWorkshop.Cli -- serve
// ```

// ## セットアップ
//
// どのレッスンも、最初のコードセルでヘルパーライブラリを準備します。このセルは 2 行で、次のことをします。
//
// 1. `#load "setup.csx"` は、同じフォルダーの `setup.csx` を実行します。ライブラリのソースが前回のビルドから変わっていなければ何もせず、すぐに終わります。変わっていれば（初めて実行したときも）、`dotnet build` でライブラリをビルドして `artifacts/lesson-library/` に置きます。こちらは 1 分ほどかかることがあります。
// 2. `#!import ../artifacts/lesson-library/load.dib` は、ビルドしたライブラリを読み込み、レッスンで使う名前空間を開きます。
//
// ヘルパーライブラリ（`src/EcsWorkshop`）は、ハンズオンの 1 つの手順を 1 回の呼び出しで行い、結果を日本語の表で見せてくれます。結果には、同じことをする AWS CLI のコマンドも添えてあります。次のセルを実行してください。

// ── セル 1（セットアップ） ──
// ノートブックではこのセルが notebooks/setup.csx でヘルパーライブラリをビルドし、読み込みます。
// このアプリでは、ファイルの先頭の `#:project` が同じライブラリを参照し、`dotnet run` がいっしょにビルドします。

// ## セッションを始める
//
// どのレッスンも、次の 1 行でワークショップの **セッション** を始めます。`Workshop.StartAsync()` は、次の順にシミュレーターを探します。
//
// 1. 環境変数 `ECS_WORKSHOP_ENDPOINT` があれば、そのアドレスのシミュレーター（`workshop run` はシミュレーターを起動してから、この変数を設定してレッスンを実行します）
// 2. `http://127.0.0.1:4566` で動いているシミュレーター（`workshop serve` が既定で待ち受けるアドレス）
// 3. どちらもなければ、このノートブックの中でシミュレーターを起動します。状態は `~/.ecs-workshop/state` に保存されるので、ノートブックを閉じても、次のレッスンで続きから使えます。
//
// セッションには ID が付き、ヘルパーライブラリが作るリソースにはすべて、その ID のタグが付きます。最後のレッスンの後片付けは、このタグが付いたものだけを削除します。
//
// AWS モードで進めるときは、この行を `var workshop = await Workshop.ConnectToAwsAsync(profile: "プロファイル名", region: "ap-northeast-1");` に書き換えます。どのレッスンでも同じです。

// ── セル 2 ──
var workshop = await Workshop.StartAsync();
display(workshop);

// ## シミュレーターにつながることを確かめる
//
// シミュレーターは `/_workshop/health` というパスで自分の様子を答えます。AWS にはないパスで、シミュレーターだけのものです。状態を保存しているディレクトリと、時間の進む速さ（何倍速か）がわかります。

// ── セル 3 ──
var endpoint = workshop.Endpoint ?? throw new InvalidOperationException("このセルはシミュレーターモードでだけ動きます（AWS モードでは飛ばしてください）。");
var http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(5) };
Console.WriteLine($"シミュレーターのアドレス: {endpoint}");

// ── セル 4 ──
SimulatorHealth health;
try
{
    health = SimulatorHealth.Read(await http.GetStringAsync(SimulatorHealth.Path))
        ?? throw new InvalidOperationException($"{endpoint} で応答しているのはシミュレーターではありません。`workshop.Endpoint` のアドレスを確かめてください。");
}
catch (HttpRequestException e)
{
    throw new InvalidOperationException(
        $"シミュレーター（{endpoint}）に接続できません。`workshop.Endpoint` のシミュレーターが止まっていないか確かめて、セッションを始めるセルからやり直してください。", e);
}

Console.WriteLine($"シミュレーターの状態: {health.Status}");
Console.WriteLine($"状態を保存しているディレクトリ: {health.StateDirectory}");
Console.WriteLine($"時間の速さ: 現実の {health.Speed} 倍");

// タスクのコンテナを Docker で動かしているか（`docker`）、動かさずに再現しているか（`simulated`）も、同じ答えの `runtime` でわかります。

// ── セル 5 ──
var runtimeName = health.Runtime;
Console.WriteLine(runtimeName == "docker"
    ? "タスクを動かすランタイム: docker (タスクのコンテナが Docker で本当に動きます)"
    : $"タスクを動かすランタイム: {runtimeName ?? "simulated"} (コンテナは動かさず、起動や終了を時計に沿って再現します)");

// `時間の速さ` が 20 倍なら、現実の Fargate で 25 秒ほどかかるタスクの起動が 1 秒あまりで終わります。`workshop run` は 20 倍で、`workshop serve` とノートブックの中で起動したシミュレーターは、何も指定しなければ現実と同じ速さ（1 倍）で動きます。待ち時間を短くしたいときは、ターミナルで `dotnet run --project src/EcsWorkshop.Cli -- serve --speed 10` のように速さを指定してシミュレーターを起動しておきます。
//
// 最後に、シミュレーターが受け付ける AWS のサービスを見てみます。ECS のほかに、イメージを置く ECR と、コンテナのログが集まる CloudWatch Logs があります。

// ── セル 6 ──
display(health.Services);

// ## 演習
//
// ECS のリソースは、リージョンごとに別々です。東京リージョン（`ap-northeast-1`）で作ったクラスターは、大阪リージョン（`ap-northeast-3`）からは見えません。このワークショップのセッションがどのリージョンを使っているかを、`workshop` から調べてください。

// ── セル 7（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 1: セッションのリージョンを調べます。
var region = workshop.Region;

display(CheckResult.Of("演習 1: セッションのリージョン",
    new CheckItem(region == workshop.Region, $"リージョンは `{(region.Length == 0 ? "(未入力)" : region)}` です", "`workshop.Region` を使います")));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 1: セッションのリージョンを調べます。
// var region = workshop.Region;
//
// CheckResult.Of("演習 1: セッションのリージョン",
//     new CheckItem(region == workshop.Region, $"リージョンは `{(region.Length == 0 ? "(未入力)" : region)}` です", "`workshop.Region` を使います"))
// ```
//
// シミュレーターモードのリージョンは、何も指定しなければ `ap-northeast-1`（東京）です。
//
// </details>

// ## まとめ
//
// - 各レッスンの最初のセルがヘルパーライブラリを準備し、次のセルがセッションを始めます。
// - 既定はシミュレーターモードで、アカウントも料金も要りません。AWS モードはプロファイルとリージョンを指定したときだけ使われます。
//
// ## 次のレッスン
//
// 準備ができました。次は、アプリケーションのコンテナイメージを作ります: [01. コンテナイメージを作る](01-container-image.ipynb)

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
