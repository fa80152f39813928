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
// このワークブックでは、Amazon ECS（Elastic Container Service）でコンテナを動かすまでの流れを、C# のコードを 1 セルずつ実行しながら学びます。コンテナイメージを作って ECR に置き、クラスター・タスク定義を用意してタスクを動かし、サービスがタスクを動かし続けるところまでを順にたどります。
//
// ## Amazon ECS とは
//
// Amazon ECS は、コンテナ化されたアプリケーションのデプロイ、管理、スケーリングを容易にする、フルマネージドの **コンテナオーケストレーションサービス** です。コンテナを 1 つ動かすだけなら `docker run` で足ります。けれども本番では、何台ものサーバーにコンテナを配置し、止まったコンテナを起動し直し、新しいバージョンに少しずつ入れ替え、負荷に合わせて数を増減する必要があります。この「たくさんのコンテナを、決めたとおりの状態に保つ」仕事がオーケストレーションで、ECS はそれを AWS のサービスとして引き受けます。
//
// ECS でタスク（コンテナの集まり）を動かす場所は、大きく 2 つです。
//
// - **AWS Fargate**: タスクを動かすサーバーを AWS が用意して管理します。サーバーの台数や OS の更新を考えずに、タスクごとに必要な vCPU とメモリを指定するだけで済みます。料金も、タスクが使った vCPU・メモリ（とストレージ）の量と時間で決まります。
// - **Amazon EC2**: 自分で用意した EC2 インスタンスをクラスターに登録し、その上でタスクを動かします。インスタンスの種類を選べる代わりに、台数や OS の管理は自分の仕事です。
//
// このワークブックでは、サーバーの管理なしで ECS そのものに集中できる **Fargate** を使います。
//
// ![ハンズオンの流れ: 01 イメージを作る、02 ECR にプッシュ、03 クラスター、04 タスク定義、05 タスク、06 サービス、07 ロードバランサー、08 Auto Scaling、09 後片付け](../images/hands-on-flow.svg)
//
// ## このレッスンのゴール
//
// - ECS が何をするサービスで、なぜこのワークブックでは Fargate を使うのかを説明できる
// - あとのレッスンで使う道具（ヘルパーライブラリ）を準備できる
// - シミュレーターモードと AWS モードの違いを説明できる
// - シミュレーターにつながり、セッションを始められる
//
// ## このワークブックで身につけること
//
// - ECS の部品（クラスター、タスク定義、タスク、サービス）が、それぞれ何のためにあるのかを説明できる
// - イメージのプッシュから、サービスがタスクを起動して数を保つところまでを、自分の手で一通り動かせる
// - タスクが止まったときに、どこを見れば理由がわかるか（停止コード、停止理由、終了コード、ログ）を知る
//
// ## レッスンと時間の目安
//
// 時間は、本文を読む時間（1 分あたり 400 字ほど）と、シミュレーターを現実と同じ速さ（1 倍）で動かしたときの待ち時間から見積もった目安です。`workshop run`（20 倍の速さ）なら、待ち時間はほとんどありません。レッスン 01 の「もっと詳しく」の節を飛ばすと、10 分ほど短くなります。
//
// | レッスン | 内容 | 目安 |
// | --- | --- | --- |
// | 00. はじめに | ECS とは、動かし方、シミュレーターへの接続 | 15 分 |
// | 01. コンテナイメージを作る | Dockerfile、レイヤー・設定・マニフェスト、ダイジェスト | 20 分（詳しい節も読むと 30 分） |
// | 02. ECR にイメージを置く | リポジトリ、ログイン、プッシュ | 20 分 |
// | 03. クラスターを作る | クラスター、冪等性、名前の規則 | 10 分 |
// | 04. タスク定義を登録する | 起動タイプ、サイズ、ネットワークモード、ロール、ログ、AWS CLI での登録 | 35 分 |
// | 05. タスクを動かす | run-task、ライフサイクル、停止コード、ログ | 25 分 |
// | 06. サービスを作る | サービス、スケール、ローリング更新、デプロイサーキットブレーカー | 45 分 |
// | 07. ロードバランサー | Application Load Balancer の後ろでサービスを動かす | 30 分 |
// | 08. Auto Scaling | ターゲット追跡スケーリングポリシー | 30 分 |
// | 09. 後片付け | 作ったものを順に削除する | 10 分 |
//
// ## 参考資料
//
// 元のハンズオン資料が挙げている AWS の資料です。動画は、レッスンの前後に見ると理解が深まります（かっこ内は長さ）。
//
// - AWS Black Belt Online Seminar（YouTube）
//   - [Amazon Elastic Container Service (Amazon ECS)](https://www.youtube.com/watch?v=tmMLLjQrrRA)（1:00:02）
//   - [CON201 ECS入門](https://www.youtube.com/watch?v=XAyrpXj4TVA)（0:20:28）
//   - [CON202 ECS Fargate入門](https://www.youtube.com/watch?v=5fXwkTgWrjw)（0:16:29）
//   - [CON371 Amazon ECS Anywhere](https://www.youtube.com/watch?v=2D0Sw-2e5UY)（0:18:36）
//   - [CON207 Auto Scaling in ECS](https://www.youtube.com/watch?v=FeRkcA33-d0)（0:11:16）
//   - [CON307 ECS Capacity Providers](https://www.youtube.com/watch?v=45uuyy16RS4)（0:17:47）
//   - [CON303 Amazon Elastic Container Service − EC2 / Fargate Spot ことはじめ](https://www.youtube.com/watch?v=fvzbLMrteZg)（0:20:34）
// - [Amazon Elastic Container Service サービス概要](https://aws.amazon.com/jp/ecs/)
// - [Amazon Elastic Container Service ドキュメント](https://docs.aws.amazon.com/ja_jp/ecs/?id=docs_gateway)
// - [Amazon Elastic Container Service よくある質問](https://aws.amazon.com/jp/ecs/faqs/)
// - [Amazon Elastic Container Service の料金](https://aws.amazon.com/jp/ecs/pricing/)（Fargate の料金も、ここから確かめられます）
// - ハンズオン: [Amazon ECS 入門ハンズオン](https://pages.awscloud.com/JAPAN-event-OE-Hands-on-for-Beginners-ECS-2022-reg-event.html)、[JP Contents Hub > Containers](https://aws-samples.github.io/jp-contents-hub/#containers)
//
// ## コンソールの既定値と API の既定値
//
// 元のハンズオン資料は、起動タイプに「Fargate（デフォルト）」、ネットワークモードに「awsvpc（デフォルト）」と書いています。これは、マネジメントコンソールでタスク定義やサービスを作るときの既定値です。API（AWS CLI や SDK、このワークブックのヘルパーライブラリ）では、既定値が違います。
//
// - タスク定義の `networkMode` を省略すると `bridge` になります（Fargate では使えません。レッスン 04）。
// - サービスやタスクで `launchType` も `capacityProviderStrategy` も省略すると、クラスターのデフォルトのキャパシティープロバイダー戦略が使われます（[サービス定義パラメータ](https://docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/service_definition_parameters.html)）。
//
// そのため、このワークブックのコマンドは、どれも `FARGATE` と `awsvpc` を明示しています。

// ## シミュレーターモードと AWS モード
//
// このワークブックのコードは、手元で動く **ECS シミュレーター** に対して実行します。シミュレーターは本物の ECS と同じ API に AWS JSON 1.1 プロトコルで応答し、リクエストを ECS と同じように検証して、同じエラーコードとメッセージを返します。タスクは時間の経過に合わせて PROVISIONING → PENDING → ACTIVATING → RUNNING と状態を進め、サービスは指定した数のタスクを実際に起動し、止まれば入れ替えます。AWS アカウントは要らず、料金もかかりません。
//
// タスクのコンテナは、手元に Docker があれば **本当に動きます**（Docker のランタイム）。シミュレーターは ECR に置いたイメージを Docker エンジンに取得させ、タスクごとにコンテナを起動し、ポートを手元の `http://127.0.0.1:ポート番号` に公開します。コンテナが終われば、その終了コードでタスクが止まり、コンテナの出力は CloudWatch Logs に届きます。Docker がなければ、コンテナは動かさずに、起動や終了を時間の経過を模して再現します（シミュレーションのランタイム）。どちらで動いているかは、このあと確かめます。
//
// 同じ手順を本物の AWS アカウントで実行する **AWS モード** もあります。環境変数 `ECS_WORKSHOP_MODE=aws` と、プロファイル (`AWS_PROFILE`)・リージョン (`AWS_REGION`) を明示的に設定したときだけ有効になり、何かを作る前にアカウント ID と料金の注意を表示します。AWS モードでは Fargate などの料金が実際にかかるので、最後のレッスンで作ったリソースを必ず削除してください（ヘルパーライブラリが作ったものだけにタグを付けてあり、削除もそれだけが対象です）。

// ## ノートブックの動かし方
//
// 次のどの方法でも、同じレッスンを実行できます。最初の方法をおすすめします。
//
// - **ファイルベースのアプリ**（おすすめ）: `notebooks/apps/00-setup.cs` は、このノートブックから生成した C# ファイルです。リポジトリのルートで `dotnet run notebooks/apps/00-setup.cs` と実行します。必要なのは .NET 10 SDK だけで、これからも使い続けられる方法です。
// - **すべてのレッスンをまとめて実行**: `dotnet run --project src/EcsWorkshop.Cli -- run` は、シミュレーターを起動してすべてのレッスンを順に実行し、結果を `artifacts/`（1 つの HTML の `workbook.html` も）に書き出します。
// - **VS Code の Polyglot Notebooks 拡張機能**: このファイルを開き、上のセルから順に実行します。
// - **Jupyter と .NET カーネル**: リポジトリの `jupyter/` にあるカーネル設定を使います（手順は README.md にあります）。
//
// 後の 2 つは、ノートブックのカーネルである **.NET Interactive** を使います。Microsoft は、VS Code の拡張機能だけでなく **.NET Interactive そのもの** を非推奨にしました（2026 年 4 月。[dotnet/interactive#4163](https://github.com/dotnet/interactive/issues/4163)）。今はまだ動きますが、これから修正や更新は期待できません。そのため、ファイルベースのアプリを最初に挙げています。
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
// AWS モードで進めるときも、レッスンは書き換えません。環境変数 `ECS_WORKSHOP_MODE=aws`（と `AWS_PROFILE`、`AWS_REGION`）を設定してからカーネル（またはファイルベースのアプリ）を起動し直すと、この同じ 1 行が AWS アカウントにつなぎ、アカウント ID と料金の注意を表示します。シミュレーターの様子を確かめる次のセルは、AWS モードでは何もしません。
//
// 勉強会などで **教室で受講する** ときは、主催者が自分のマシンで教室のシミュレーターを 1 つ動かし、参加者は一人ひとり自分のアカウントでそれにつなぎます。配られた接続カードの 2 行（環境変数 `ECS_WORKSHOP_ENDPOINT` と `ECS_WORKSHOP_CREDENTIALS`）をターミナルで設定してから、カーネル（またはファイルベースのアプリ）を起動し直してください。この同じ 1 行が教室のシミュレーターにつなぎ、あなたのアカウント ID を表示します（シークレットアクセスキーは表示しません）。`StartAsync` に渡すレッスンの名前（`"00-setup"`）と、セルフチェックの結果は、つないでいるシミュレーターにだけ送られ、教室では主催者の画面に進み具合として表示されます。AWS モードでは、どこにも送りません。

// ── セル 2 ──
var workshop = await Workshop.StartAsync("00-setup");
display(workshop);

// ## シミュレーターにつながることを確かめる
//
// シミュレーターは `/_workshop/health` というパスで稼働状況を返します。AWS にはないパスで、シミュレーターだけのものです。状態を保存しているディレクトリと、時間の進む速さ（何倍速か）がわかります。

// ── セル 3 ──
// AWS モード (ECS_WORKSHOP_MODE=aws) では、シミュレーターがないので Endpoint は null です。
var endpoint = workshop.Endpoint;
var http = endpoint is null ? null : new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(5) };
Console.WriteLine(endpoint is null
    ? "AWS モードです。シミュレーターの様子を確かめるセルは、何もしません。"
    : workshop.InClassroom
        ? $"教室のシミュレーターのアドレス: {endpoint} (あなたのアカウント ID: {workshop.AccountId})"
        : $"シミュレーターのアドレス: {endpoint}");

// ── セル 4 ──
SimulatorHealth? health = null;
if (http is not null)
{
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
    Console.WriteLine(workshop.InClassroom
        ? "状態を保存しているディレクトリ: 主催者の PCにあります (教室のシミュレーター)"
        : $"状態を保存しているディレクトリ: {health.StateDirectory}");
    Console.WriteLine($"時間の速さ: 現実の {health.Speed} 倍");
}

// タスクのコンテナを Docker で動かしているか（`docker`）、動かさずに再現しているか（`simulated`）も、同じ答えの `runtime` でわかります。

// ── セル 5 ──
if (health is not null)
{
    var runtimeName = health.Runtime;
    Console.WriteLine(runtimeName == "docker"
        ? "タスクを動かすランタイム: docker (タスクのコンテナが Docker で本当に動きます)"
        : $"タスクを動かすランタイム: {runtimeName ?? "simulated"} (コンテナは動かさず、起動や終了を時間の経過を模して再現します)");
}

// `時間の速さ` が 20 倍なら、現実の Fargate で数十秒かかるタスクの起動が、1〜2 秒で終わります（現実の起動時間は、イメージの大きさなどで変わります）。`workshop run` は 20 倍で、`workshop serve` とノートブックの中で起動したシミュレーターは、何も指定しなければ現実と同じ速さ（1 倍）で動きます。待ち時間を短くしたいときは、ターミナルで `dotnet run --project src/EcsWorkshop.Cli -- serve --speed 10` のように速さを指定してシミュレーターを起動しておきます。教室のシミュレーターの速さは、主催者が `workshop serve --classroom` を起動するときに決めます。
//
// 最後に、シミュレーターが受け付ける AWS のサービスを見てみます。ECS のほかに、イメージを置く ECR と、コンテナのログが集まる CloudWatch Logs があります。

// ── セル 6 ──
display(health?.Services);

// ## 演習
//
// ### 演習 1: Fargate で自分が用意するもの
//
// Fargate でタスクを動かすとき、次のうち **自分で用意する（書く・作る）もの** はどれでしょうか。記号を選んで、配列に並べてください。
//
// - A: コンテナイメージ
// - B: タスクを動かすサーバー（EC2 インスタンス）と、その OS の更新
// - C: タスク定義（イメージ、CPU とメモリ、ポートなど）
// - D: 止まったタスクの代わりを起動すること
//
// 書くのは、次の 1 行だけです。
//
// ```csharp
// string[] mine = ["記号", "記号"];
// ```

// ── セル 7（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 1: Fargate でタスクを動かすとき、自分で用意するものの記号を並べます。
string[] mine = ["A", "C"];

var chosen = mine.Select(m => m.Trim().ToUpperInvariant()).ToHashSet();
display(workshop.Check("演習 1: Fargate で自分が用意するもの",
    new CheckItem(chosen.Contains("A"), $"A（コンテナイメージ）: {(chosen.Contains("A") ? "選びました" : "選んでいません")}",
        "コンテナイメージは自分で作ります（レッスン 01）。ECS は、できたイメージをレジストリから取得して動かすだけです。"),
    new CheckItem(!chosen.Contains("B"), $"B（サーバーと OS の更新）: {(chosen.Contains("B") ? "選びました" : "選んでいません")}",
        "Fargate では、タスクを動かすサーバーを AWS が用意し、OS の更新も AWS が行います。自分で用意するのは、EC2 起動タイプを使うときです。"),
    new CheckItem(chosen.Contains("C"), $"C（タスク定義）: {(chosen.Contains("C") ? "選びました" : "選んでいません")}",
        "どのイメージを、どれだけの CPU とメモリで動かすかは、自分でタスク定義に書きます（レッスン 04）。Fargate でも、これは自分の仕事です。"),
    new CheckItem(!chosen.Contains("D"), $"D（止まったタスクの代わりの起動）: {(chosen.Contains("D") ? "選びました" : "選んでいません")}",
        "止まったタスクの代わりは、サービスのサービススケジューラが起動します（レッスン 06）。これがオーケストレーションの仕事です。自分で決めるのは、タスクの必要数だけです。")));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 1: Fargate でタスクを動かすとき、自分で用意するものの記号を並べます。
// string[] mine = ["A", "C"];
//
// var chosen = mine.Select(m => m.Trim().ToUpperInvariant()).ToHashSet();
// workshop.Check("演習 1: Fargate で自分が用意するもの",
//     new CheckItem(chosen.Contains("A"), $"A（コンテナイメージ）: {(chosen.Contains("A") ? "選びました" : "選んでいません")}",
//         "コンテナイメージは自分で作ります（レッスン 01）。ECS は、できたイメージをレジストリから取得して動かすだけです。"),
//     new CheckItem(!chosen.Contains("B"), $"B（サーバーと OS の更新）: {(chosen.Contains("B") ? "選びました" : "選んでいません")}",
//         "Fargate では、タスクを動かすサーバーを AWS が用意し、OS の更新も AWS が行います。自分で用意するのは、EC2 起動タイプを使うときです。"),
//     new CheckItem(chosen.Contains("C"), $"C（タスク定義）: {(chosen.Contains("C") ? "選びました" : "選んでいません")}",
//         "どのイメージを、どれだけの CPU とメモリで動かすかは、自分でタスク定義に書きます（レッスン 04）。Fargate でも、これは自分の仕事です。"),
//     new CheckItem(!chosen.Contains("D"), $"D（止まったタスクの代わりの起動）: {(chosen.Contains("D") ? "選びました" : "選んでいません")}",
//         "止まったタスクの代わりは、サービスのサービススケジューラが起動します（レッスン 06）。これがオーケストレーションの仕事です。自分で決めるのは、タスクの必要数だけです。"))
// ```
//
// 自分で用意するのは A と C です。B は Fargate が、D はサービス（ECS のオーケストレーション）が引き受けます。
//
// </details>

// ## まとめ
//
// - 各レッスンの最初のセルがヘルパーライブラリを準備し、次のセルがセッションを始めます。
// - ECS はコンテナオーケストレーションサービスで、Fargate ならタスクを動かすサーバーの管理も AWS に任せられます。
// - 既定はシミュレーターモードで、アカウントも料金も要りません。AWS モードはプロファイルとリージョンを指定したときだけ有効になります。
// - レッスンは、ファイルベースのアプリ（`dotnet run notebooks/apps/NN-name.cs`）で実行するのがおすすめです。.NET Interactive は非推奨になりました。
//
// ## 次のレッスン
//
// 準備ができました。次は、アプリケーションのコンテナイメージを作ります: [01. コンテナイメージを作る](01-container-image.ipynb)

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
