// 04-task-definition.cs: notebooks/04-task-definition.ipynb から `workshop export-apps` で生成したファイルです。
// 手で直さずに、ノートブックを直してから生成し直してください（dotnet run --project src/EcsWorkshop.Cli -- export-apps）。
// 実行: レッスンの順に、リポジトリのルートで次のように実行します（シミュレーターは動いているものを使い、なければアプリの中で起動します）。
//   dotnet run notebooks/apps/04-task-definition.cs
#:project ../../src/EcsWorkshop/EcsWorkshop.csproj
#:property PublishAot=false

using EcsWorkshop;
using EcsWorkshop.Steps;
using EcsWorkshop.Checks;
using EcsWorkshop.Errors;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Facts.Simulator;
using System.Text.Json;
using System.Text.Json.Serialization;

// ノートブックと同じく、レッスンのフォルダー (このファイルの 1 つ上) を作業フォルダーにします。セルの相対パスはそこから数えます。
Environment.CurrentDirectory = System.IO.Path.GetFullPath(System.IO.Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, ".."));

// # 04. タスク定義を登録する
//
// レッスン 02 で、アプリのイメージを ECR にプッシュしました。けれども ECS は、イメージがあるだけではコンテナを起動できません。どのイメージを、どれだけの CPU とメモリで、どんなネットワークにつないで、どんな権限で動かすのか。それをまとめて書いたものが **タスク定義** です。
//
// このレッスンでは、タスク定義に書く項目を一つずつ確かめてから、ハンズオンで使うタスク定義 `sample-fargate` を登録します。
//
// ## このレッスンのゴール
//
// - タスク定義が「タスクのテンプレート」であることと、ファミリーとリビジョンのしくみを説明できる
// - 起動タイプ、OS と CPU アーキテクチャ、タスクサイズ、ネットワークモードについて、Fargate では何を選ぶのかがわかる
// - タスク実行ロールとタスクロールの違いを説明できる
// - `sample-fargate` のリビジョン 1 を登録し、結果のどこを見ればよいかがわかる
//
// ## 前提
//
// このレッスンは、前のレッスンまでで次のことが済んでいるものとして進めます。
//
// - レッスン 02 で ECR リポジトリ `sample-web` を作り、イメージをタグ `v1` でプッシュしてあること
// - シミュレーターが前のレッスンと同じ状態で動いていること（`workshop serve` を止めていなければ、そのままです）
//
// レッスン 03 で作ったクラスター `fargate-cluster` は、このレッスンでは使いません。タスク定義はクラスターの中に作るものではなく、アカウントのリージョンごとに登録するものだからです。登録したタスク定義は、どのクラスターでも使えます。

// ── セル 1（セットアップ） ──
// ノートブックではこのセルが notebooks/setup.csx でヘルパーライブラリをビルドし、読み込みます。
// このアプリでは、ファイルの先頭の `#:project` が同じライブラリを参照し、`dotnet run` がいっしょにビルドします。

// ── セル 2 ──
var workshop = await Workshop.StartAsync("04-task-definition");

// まず、レッスン 02 でプッシュしたイメージがあるかを確かめます。✗ が出たら、レッスン 02 に戻ってイメージをプッシュしてから続けてください。

// ── セル 3 ──
display(await workshop.Checks.ImageIsPushedAsync("sample-web", "v1"));

// ## タスク定義とは
//
// タスク定義は、タスクを起動するための **テンプレート（設計図）** です。ECS はタスクを起動するたびにタスク定義を読み、書かれたとおりにコンテナを用意します。レッスン 05 で単独で起動するタスクも、レッスン 06 のサービスが起動するタスクも、必ずどれかのタスク定義を指定して起動します。
//
// ![タスク定義に書く項目](../images/task-definition.svg)
//
// タスク定義には、名前（ファミリー）と番号（リビジョン）があります。
//
// - **ファミリー（family）** は、タスク定義の名前です。このハンズオンでは `sample-fargate` を使います。
// - **リビジョン（revision）** は、同じファミリーで登録するたびに 1、2、3 … と増えていく番号です。`sample-fargate:1` のように「ファミリー:リビジョン」と書くと、特定の版を指せます。番号は使い回されず、登録を解除したリビジョンがあっても、次の登録は続きの番号になります。
// - 登録したリビジョンは **あとから書き換えられません**。イメージやメモリを変えたいときは、変えた内容で新しいリビジョンを登録します。動いているタスクは起動したときのリビジョンのまま動き続けるので、どのタスクがどの設定で動いているのかが、いつでもはっきりわかります。
// - ファミリー名だけ（`sample-fargate`）で指定すると、`ACTIVE` 状態のリビジョンのうち、いちばん新しいものが使われます。
//
// ここからは、タスク定義に書く主な項目を順に見ていきます。

// ## 起動タイプ: どこで動かすか
//
// 起動タイプは、タスクを「どこで」動かすかを表します。タスク定義では `requiresCompatibilities` に、このタスク定義をどの起動タイプで使うつもりかを書きます。
//
// | 起動タイプ | `requiresCompatibilities` の値 | どこで動くか | 使えるネットワークモード |
// | --- | --- | --- | --- |
// | Fargate | `FARGATE` | AWS が用意して管理する実行環境。サーバーの管理は不要です | `awsvpc` だけ |
// | EC2 | `EC2` | 自分でクラスターに登録した EC2 インスタンス（コンテナインスタンス） | Linux では `awsvpc`、`bridge`、`host`、`none`。Windows では `default`（`<default>`）と `awsvpc` だけ |
// | 外部 | `EXTERNAL` | 自社のデータセンターなどにあるサーバー（ECS Anywhere） | `bridge`、`host`、`none` |
//
// ECS は登録のときに、書かれた起動タイプの決まりをタスク定義が満たしているかを調べ、満たしていなければ登録は拒否されます。登録できたら、そのタスク定義を実際にどの起動タイプで動かせるかを調べて、結果を `compatibilities` に書き込みます。
//
// このハンズオンでは **Fargate** を使います。EC2 インスタンスを用意したり、OS を更新したりする必要がなく、タスク定義に書いたサイズの実行環境を AWS が用意してくれるからです。ヘルパーの `RegisterTaskDefinitionAsync` は、`requiresCompatibilities` に `FARGATE` を入れて登録します。

// ## OS と CPU アーキテクチャ
//
// コンテナを動かす OS と CPU アーキテクチャは、`runtimePlatform` の `operatingSystemFamily` と `cpuArchitecture` で指定します。
//
// | OS / アーキテクチャ | 書き方 | 補足 |
// | --- | --- | --- |
// | Linux / x86_64 | `LINUX` / `X86_64` | `runtimePlatform` を書かなければこれになります |
// | Linux / ARM64 | `LINUX` / `ARM64` | AWS Graviton プロセッサーで動きます。イメージも ARM64 用にビルドしておきます |
// | Windows | `WINDOWS_SERVER_2022_CORE` など / `X86_64` | Fargate では X86_64 だけで、cpu は 1024（1 vCPU）以上にします |
//
// このハンズオンのイメージは Linux の x86_64 用なので、`runtimePlatform` は書かずに既定の Linux / x86_64 のまま使います。

// ## コンテナイメージ
//
// タスクの中で動かすコンテナは、コンテナ定義（`containerDefinitions`）に書きます。1 つのタスク定義に複数のコンテナを書くこともできますが、このハンズオンではコンテナ `web` の 1 つだけです。コンテナ定義のいちばん大事な項目が、コンテナの名前（`name`）とイメージ（`image`）です。
//
// ECR のイメージは `レジストリ/リポジトリ名:タグ` という URI で指定します。レッスン 02 で作ったリポジトリの URI にタグ `:v1` を付けて、イメージの URI を作ります。

// ── セル 4 ──
var imageUri = (await workshop.DescribeRepositoryAsync("sample-web")).Value.Uri + ":v1";
Console.WriteLine($"タスク定義に書くイメージ: {imageUri}");

// 最初の `/` の前がレジストリ、続く `sample-web` がリポジトリ名、最後の `v1` がタグです。シミュレーターでは、レジストリの部分がシミュレーターのアドレス（`localhost:ポート番号`）になっています。本物の AWS では `123456789012.dkr.ecr.ap-northeast-1.amazonaws.com` のように、アカウント ID とリージョンで決まる名前です。タスクを起動するとき、ECS はこの URI でイメージを取得します。
//
// タグの代わりに `@sha256:…` のダイジェストで書くこともできます。タグはあとから別のイメージに付け替えられることがありますが、ダイジェストは中身が同じイメージしか指しません。

// ## タスクサイズ: CPU とメモリ
//
// タスクが使える CPU とメモリを、タスク定義の `cpu` と `memory` に書きます。タスク全体の量なので「タスクレベル」の `cpu` と `memory` と呼びます。`cpu` は CPU ユニットで書き、1024 ユニットが 1 vCPU です。`memory` は MiB で書きます。
//
// Fargate では、タスクレベルの `cpu` と `memory` が必須で、しかも決まった組み合わせの中から選ばなければなりません。使える組み合わせを表で見てみましょう。

// ── セル 5 ──
display(workshop.FargateSizes());

// ### 表の見どころ
//
// - いちばん小さい cpu `256`（0.25 vCPU）で使えるメモリは、`512`、`1,024`、`2,048` MiB の 3 つだけです。
// - cpu が大きくなるほど、使えるメモリの下限と上限も大きくなります。cpu `1024`（1 vCPU）なら `2,048`〜`8,192` MiB の 1,024 刻みです。
// - 8 vCPU と 16 vCPU は Linux だけで、プラットフォームバージョン 1.4.0 以降が必要です。
//
// Fargate の料金は、タスクが使う vCPU とメモリの量で決まります。このハンズオンの Web ページは静的なページを返すだけなので、いちばん小さい cpu `256` / memory `512` で足ります。
//
// なお EC2 起動タイプでは、タスクレベルの `cpu` と `memory` を省略できます。その場合は、コンテナごとに `memory` か `memoryReservation` を書きます。
//
// ### 表にない組み合わせ
//
// `FargateSizes(cpu, memory)` に値を渡すと、その組み合わせが使えるかどうかを判定します。0.25 vCPU に 4,096 MiB のメモリを組み合わせてみます。

// ── セル 6 ──
display(workshop.FargateSizes("256", "4096"));

// 判定は NG です。cpu `256` で使えるメモリは 2,048 MiB までなので、4,096 MiB を使いたければ cpu を `512` 以上にする必要があります。
//
// この組み合わせのまま登録しようとすると、ECS（ここではシミュレーター）が `ClientException` を返し、登録は拒否されます。ヘルパーはこのエラーを、日本語の説明が付いた例外 `WorkshopStepException` にして投げます。ここではわざと間違えて、その例外を捕捉して（catch して）説明を表示してみます。

// ── セル 7 ──
try
{
    await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition
    {
        Family = "sample-fargate",
        ContainerName = "web",
        Image = imageUri,
        Cpu = "256",
        Memory = "4096",
        Port = 80,
    });
}
catch (WorkshopStepException e)
{
    display(e.Explanation);
}

// 「AWS からのメッセージ (原文)」の `No Fargate configuration exists for given values: 256 CPU, 4096 memory.` が、シミュレーターが返したエラーです。本物の AWS でもエラーコードは同じ `ClientException` ですが、メッセージの文面は同じとは限りません。AWS のトラブルシューティングのページ（[タスクの CPU またはメモリの値が無効](https://docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/task-cpu-memory-error.html)）によると、API や AWS CLI では `ClientException: Invalid 'cpu' setting for task.` のような文面になり、`No Fargate configuration exists…` は Terraform などのツールが表示する文面です。どちらの文面でも、直し方は同じです（表にある組み合わせを選びます）。拒否された登録では何も作られないので、リビジョンも増えません。

// ## ネットワークモード
//
// `networkMode` は、タスクのコンテナがどのようにネットワークにつながるかを決めます。
//
// | ネットワークモード | つながり方 | 使える起動タイプ |
// | --- | --- | --- |
// | `awsvpc` | タスクごとに専用のネットワークインターフェイス（ENI）が付き、タスクが自分のプライベート IP アドレスとセキュリティグループを持ちます | Fargate、EC2 |
// | `bridge` | EC2 インスタンスの中の仮想ネットワーク（Docker のブリッジ）につながります。`hostPort` を `0` にすると、ホスト側のポートが自動で割り当てられます | EC2、外部 |
// | `host` | EC2 インスタンスのネットワークをそのまま使います。ホストのポートはコンテナのポートと同じになります | EC2、外部 |
//
// Fargate で使えるのは **`awsvpc` だけ** です。`networkMode` を省略すると EC2 向けの既定値 `bridge` になり、Fargate 用のタスク定義としては登録が拒否されます。
//
// `awsvpc` ではタスクが自分の IP アドレスを持つので、コンテナのポートがそのままタスクのポートになります。ポートマッピングの `hostPort` は `containerPort` と同じにするか、省略します（省略すると `containerPort` と同じ値が入ります）。このハンズオンでは、サンプルアプリの httpd（BusyBox の Web サーバー）が待ち受ける 80 番ポートを `containerPort` に書きます。
//
// タスクを置くサブネットやセキュリティグループは、タスク定義には書きません。サービスを作るときやタスクを起動するときに指定します（レッスン 05 と 06）。ヘルパーライブラリの説明ノートにも、そのときの書き方が載っています。

// ── セル 8 ──
display(ExplanationNotes.Get(ExplanationTopic.NetworkModes));

// ## タスク実行ロールとタスクロール
//
// タスク定義には IAM ロールを 2 種類指定できます。名前が似ていますが、**だれが使う権限なのか** が違います。
//
// ![タスク実行ロールとタスクロール](../images/task-roles.svg)
//
// - **タスク実行ロール**（`executionRoleArn`）は、タスクを準備する ECS のエージェントが使う権限です。ECR からイメージを取得（pull）する権限と、コンテナのログを CloudWatch Logs に書き込む権限が代表です。AWS 管理ポリシー `AmazonECSTaskExecutionRolePolicy` に、この 2 つに必要な権限がまとまっています。Fargate でプライベートな ECR のイメージや `awslogs` を使うなら、タスク実行ロールは必須です。
// - **タスクロール**（`taskRoleArn`）は、コンテナの中で動くアプリケーション自身が AWS の API を呼ぶときの権限です。たとえばアプリが S3 のファイルを読み書きするなら、その権限をタスクロールに付けます。アプリのコードにアクセスキーを書き込む必要はありません。
//
// このハンズオンのアプリは静的なページを返すだけで AWS の API を呼ばないので、タスクロールは指定しません。ただし、ECS Exec（レッスン 06）を本物の AWS で使うには、`ssmmessages` の 4 つの権限を持つタスクロールが必要です。ヘルパーは AWS モードでもタスクロールを作らないので、AWS モードのこのハンズオンのタスクには ECS Exec でつなげません（使いたいときは、自分でタスクロールを作ってタスク定義の `taskRoleArn` に指定します）。タスク実行ロールは、シミュレーターではヘルパーが `ecsTaskExecutionRole` という名前のロールを指定します。AWS モードでは、アカウントに `ecsTaskExecutionRole` がなければヘルパーが作ってから指定します。

// ## ログの送り先: awslogs
//
// コンテナの標準出力と標準エラー出力は、コンテナ定義の `logConfiguration` でログドライバー `awslogs` を指定すると、CloudWatch Logs に送られます。このハンズオンでは次のように書きます。
//
// ```json
// "logConfiguration": {
//   "logDriver": "awslogs",
//   "options": {
//     "awslogs-group": "/ecs/sample-fargate",
//     "awslogs-region": "ap-northeast-1",
//     "awslogs-stream-prefix": "ecs"
//   }
// }
// ```
//
// - `awslogs-group` は送り先のロググループです。ロググループは、ふつうは先に作っておきます。ヘルパーは、ロググループ `/ecs/sample-fargate` がなければ登録の前に作ります（AWS CLI なら `aws logs create-log-group --log-group-name /ecs/sample-fargate` です）。もう 1 つの方法として、オプションに `"awslogs-create-group": "true"` を加えると、タスクの起動時にロググループがなければ作られます。この場合は、タスク実行ロールに `logs:CreateLogGroup` の権限も必要です（`AmazonECSTaskExecutionRolePolicy` には含まれていません）。コンソールでタスク定義を作ったときの自動設定は、この方法です（[awslogs ログドライバーを使用する](https://docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/using_awslogs.html)）。
// - `awslogs-stream-prefix` は、ログストリーム名の先頭に付く文字列です。ログストリームは `プレフィックス/コンテナ名/タスクID`（例: `ecs/web/0123…`）という名前になるので、どのタスクのログなのかがすぐにわかります。Fargate では必須です。
// - ログを書き込むのはタスク実行ロールの権限です。
//
// ## タスク定義を登録する
//
// 準備ができました。ここまでに見てきた項目で、タスク定義 `sample-fargate` を登録します。`FargateTaskDefinition` に書くのはファミリー、コンテナ名、イメージ、サイズ、ポートだけで、残り（`FARGATE`、`awsvpc`、タスク実行ロール、awslogs の設定）はヘルパーが埋めます。

// ── セル 9 ──
var registration = await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition
{
    Family = "sample-fargate",
    ContainerName = "web",
    Image = imageUri,
    Cpu = "256",
    Memory = "512",
    Port = 80,
});
display(registration);

// ### 結果の見どころ
//
// - **リビジョン**: `sample-fargate:1` です。このファミリーを登録したのは初めてなので、リビジョンは 1 から始まります。さきほど拒否された登録では、番号が使われていないこともわかります。
// - **状態（`status`）**: `ACTIVE` です。このリビジョンでタスクを起動できます。
// - **`requiresCompatibilities`** は登録のときに書いた `FARGATE`、**`compatibilities`** は ECS が調べた結果の `EC2` と `FARGATE` です。Fargate 用に書いたタスク定義は、EC2 インスタンスの上でも動かせると判定されます。
// - **ネットワークモード**: `awsvpc` です。
// - **cpu / memory**: `256` と `512` です。
// - **タスク実行ロール（`executionRoleArn`）**: `arn:aws:iam::123456789012:role/ecsTaskExecutionRole` です。タスクロールは指定していないので `-`（なし）です。
// - **コンテナ定義**: コンテナ `web` のイメージが、さきほどの `…/sample-web:v1` になっています。ポートは `80/tcp` です。
// - **ログ（`logConfiguration`）**: ログドライバー `awslogs`、ロググループ `/ecs/sample-fargate`、ストリームプレフィックス `ecs` です。
//
// 結果の「AWS CLI で同じことをするには」には、同じ登録をする `aws ecs register-task-definition` のコマンドが表示されています。シミュレーターに向けて `--endpoint-url` が付いた形で、項目をオプションとして一つずつ並べています。その下には、タスク定義とロールの解説も付いています。
//
// ### AWS CLI で使う JSON ファイル
//
// タスク定義は項目が多いので、AWS CLI では JSON ファイルにまとめて渡すのが一般的です。元のハンズオンの手順 4 も、この形です。
//
// ```
// aws ecs register-task-definition --cli-input-json file://$HOME/tasks/fargate-task.json
// ```
//
// 登録したリビジョンを `DescribeTaskDefinitionAsync` で読み出して、この `fargate-task.json` に書く内容を組み立ててみます。`workshop.Aws.Ecs` は、ヘルパーが内部で使っている ECS のクライアントです。

// ── セル 10 ──
var registered = (await workshop.Aws.Ecs.DescribeTaskDefinitionAsync(new() { TaskDefinition = "sample-fargate:1" })).TaskDefinition!;
var cliInput = new
{
    family = registered.Family,
    requiresCompatibilities = registered.RequiresCompatibilities,
    networkMode = registered.NetworkMode,
    cpu = registered.Cpu,
    memory = registered.Memory,
    executionRoleArn = registered.ExecutionRoleArn,
    containerDefinitions = registered.ContainerDefinitions,
};
var jsonOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
{
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
};
Console.WriteLine(JsonSerializer.Serialize(cliInput, jsonOptions));

// `containerDefinitions` の中には、登録のときに書かなかった項目も入っています。`cpu` の `0` や `hostPort` の `80`、空の `environment` などは、ECS が既定値を埋めたものです。この JSON をファイルに保存すれば、`--cli-input-json` でそのまま同じ内容を登録できます（登録するたびにリビジョンが 1 つ増えます）。演習 2 で、実際にやってみます。
//
// ## 演習
//
// ### 演習 1: 1 vCPU のタスク定義を登録する
//
// cpu `1024`（1 vCPU）のタスク定義を、ファミリー `practice-fargate` で登録します。1 vCPU で使えるメモリの値を 1 つ選んで、`memory` に MiB の数値で書いてください。セルは、まずその組み合わせを判定し、使える組み合わせなら登録して、最後にセルフチェックを表示します。

// ── セル 11（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 1: 1 vCPU (cpu "1024") で使えるメモリを選んで、practice-fargate を登録します
var memory = "2048"; // 1 vCPU では 2048〜8192 MiB (1024 刻み) が使えます

var practiceSize = workshop.FargateSizes("1024", memory).Value.Request!;
display(workshop.Check("演習 1: メモリの値", memory.Length == 0
    ? new CheckItem(false, "`memory` がまだ空です", "表の cpu `1024` の行にあるメモリ (MiB) を 1 つ選んで書いてください")
    : new CheckItem(practiceSize.IsValid, practiceSize.Reason.ToString(), practiceSize.Suggestion.ToString())));
if (practiceSize.IsValid)
{
    await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition
    {
        Family = "practice-fargate",
        ContainerName = "web",
        Image = imageUri,
        Cpu = "1024",
        Memory = memory,
        Port = 80,
    });
}
display(await workshop.Checks.TaskDefinitionIsFargateReadyAsync("practice-fargate"));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 1: 1 vCPU (cpu "1024") で使えるメモリを選んで、practice-fargate を登録します
// var memory = "2048"; // 1 vCPU では 2048〜8192 MiB (1024 刻み) が使えます
//
// var practiceSize = workshop.FargateSizes("1024", memory).Value.Request!;
// display(workshop.Check("演習 1: メモリの値", memory.Length == 0
//     ? new CheckItem(false, "`memory` がまだ空です", "表の cpu `1024` の行にあるメモリ (MiB) を 1 つ選んで書いてください")
//     : new CheckItem(practiceSize.IsValid, practiceSize.Reason.ToString(), practiceSize.Suggestion.ToString())));
// if (practiceSize.IsValid)
// {
//     await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition
//     {
//         Family = "practice-fargate",
//         ContainerName = "web",
//         Image = imageUri,
//         Cpu = "1024",
//         Memory = memory,
//         Port = 80,
//     });
// }
// await workshop.Checks.TaskDefinitionIsFargateReadyAsync("practice-fargate")
// ```
//
// 1 vCPU で使えるメモリは 2,048〜8,192 MiB の 1,024 刻み（`2048`、`3072`、`4096`、`5120`、`6144`、`7168`、`8192`）です。どれを選んでも正解です。同じセルをもう一度実行すると、`practice-fargate` のリビジョンが 1 つ増えます。
//
// </details>

// ### 演習 2: ハンズオンの手順 4 を AWS CLI で実行する
//
// 元のハンズオンの手順 4 を、本物の AWS CLI で実行します。`fargate-task.json` を書き、`aws ecs register-task-definition --cli-input-json file://…` で登録します。ハンズオンではファイルを `$HOME/tasks/` に置きますが、ここではレッスンのフォルダーの `tasks/fargate-task.json` に置きます。
//
// `RunAwsCliAsync` は、手元の AWS CLI（`aws`）をそのまま起動し、シミュレーターモードでは接続先（`--endpoint-url`）を加えます。AWS が返したエラーは例外にならず、結果の「標準エラー出力」に表示されます。シグネチャは次のとおりです。
//
// ```csharp
// Task<StepResult<AwsCliRun>> RunAwsCliAsync(string commandLine)
// ```
//
// JSON のうち、Fargate で動かすために必要な値を 3 つ書いてください（イメージ、ロール、ログの設定は、登録済みのリビジョン 1 から写します）。もう 1 つ、登録する前に **予想** してください: この JSON を登録すると、`sample-fargate` の何番のリビジョンになるでしょうか。

// ── セル 12（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 2: fargate-task.json を書いて、ハンズオンの手順 4 のコマンドで登録します。
var networkMode = "awsvpc";
var cpu = "256";
var taskMemory = "512";
int expectedRevision = 2;

// ここから下は、ファイルを書いて AWS CLI を実行し、結果を確かめる部分です（書き換えなくてかまいません）。
var taskJson = new
{
    family = "sample-fargate",
    requiresCompatibilities = new[] { "FARGATE" },
    networkMode,
    cpu,
    memory = taskMemory,
    executionRoleArn = registered.ExecutionRoleArn,
    containerDefinitions = registered.ContainerDefinitions,
};
System.IO.Directory.CreateDirectory("tasks");
System.IO.File.WriteAllText("tasks/fargate-task.json", JsonSerializer.Serialize(taskJson, jsonOptions));
var cliRegistration = await workshop.RunAwsCliAsync("aws ecs register-task-definition --cli-input-json file://tasks/fargate-task.json");
display(cliRegistration);
var cliRevision = cliRegistration.Value.Succeeded
    ? JsonDocument.Parse(cliRegistration.Value.Output).RootElement.GetProperty("taskDefinition").GetProperty("revision").GetInt32()
    : 0;
display(workshop.Check("演習 2: fargate-task.json の登録",
    new CheckItem(cliRegistration.Value.Succeeded, cliRegistration.Value.Succeeded ? $"sample-fargate:{cliRevision} を登録しました" : "登録はエラーになりました",
        "「標準エラー出力」のエラーを読んでください。Fargate では `networkMode` が `awsvpc`、`cpu` と `memory` が表にある組み合わせ（0.25 vCPU なら `256` と `512`・`1024`・`2048`）である必要があります。"),
    new CheckItem(cliRegistration.Value.Succeeded && cpu == "256" && taskMemory == "512", $"サイズ: cpu `{cpu}` / memory `{taskMemory}`",
        "0.25 vCPU は CPU ユニットで `256` です（1024 ユニットが 1 vCPU）。cpu `256` で使えるメモリのうち、いちばん小さいのは `512` です。"),
    new CheckItem(cliRegistration.Value.Succeeded && expectedRevision == cliRevision, $"リビジョンの予想: {(expectedRevision == 0 ? "未回答" : expectedRevision)} / 実際: {(cliRevision == 0 ? "-" : cliRevision)}",
        "同じファミリーを登録するたびに、中身が同じでもリビジョンは 1 つ増えます。このレッスンではリビジョン 1 を登録しただけなので（拒否された登録は番号を使いません）、次は 2 です。このセルをもう一度実行すると、さらに 1 つ増えます。")));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 2: fargate-task.json を書いて、ハンズオンの手順 4 のコマンドで登録します。
// var networkMode = "awsvpc";
// var cpu = "256";
// var taskMemory = "512";
// int expectedRevision = 2;
//
// // ここから下は、ファイルを書いて AWS CLI を実行し、結果を確かめる部分です（書き換えなくてかまいません）。
// var taskJson = new
// {
//     family = "sample-fargate",
//     requiresCompatibilities = new[] { "FARGATE" },
//     networkMode,
//     cpu,
//     memory = taskMemory,
//     executionRoleArn = registered.ExecutionRoleArn,
//     containerDefinitions = registered.ContainerDefinitions,
// };
// System.IO.Directory.CreateDirectory("tasks");
// System.IO.File.WriteAllText("tasks/fargate-task.json", JsonSerializer.Serialize(taskJson, jsonOptions));
// var cliRegistration = await workshop.RunAwsCliAsync("aws ecs register-task-definition --cli-input-json file://tasks/fargate-task.json");
// display(cliRegistration);
// var cliRevision = cliRegistration.Value.Succeeded
//     ? JsonDocument.Parse(cliRegistration.Value.Output).RootElement.GetProperty("taskDefinition").GetProperty("revision").GetInt32()
//     : 0;
// workshop.Check("演習 2: fargate-task.json の登録",
//     new CheckItem(cliRegistration.Value.Succeeded, cliRegistration.Value.Succeeded ? $"sample-fargate:{cliRevision} を登録しました" : "登録はエラーになりました",
//         "「標準エラー出力」のエラーを読んでください。Fargate では `networkMode` が `awsvpc`、`cpu` と `memory` が表にある組み合わせ（0.25 vCPU なら `256` と `512`・`1024`・`2048`）である必要があります。"),
//     new CheckItem(cliRegistration.Value.Succeeded && cpu == "256" && taskMemory == "512", $"サイズ: cpu `{cpu}` / memory `{taskMemory}`",
//         "0.25 vCPU は CPU ユニットで `256` です（1024 ユニットが 1 vCPU）。cpu `256` で使えるメモリのうち、いちばん小さいのは `512` です。"),
//     new CheckItem(cliRegistration.Value.Succeeded && expectedRevision == cliRevision, $"リビジョンの予想: {(expectedRevision == 0 ? "未回答" : expectedRevision)} / 実際: {(cliRevision == 0 ? "-" : cliRevision)}",
//         "同じファミリーを登録するたびに、中身が同じでもリビジョンは 1 つ増えます。このレッスンではリビジョン 1 を登録しただけなので（拒否された登録は番号を使いません）、次は 2 です。このセルをもう一度実行すると、さらに 1 つ増えます。"))
// ```
//
// AWS CLI の出力は、`register-task-definition` が返した JSON そのものです。`"revision": 2` と `"status": "ACTIVE"` が見えます。`tasks/fargate-task.json` を開くと、ハンズオンの手順 4 で使うファイルの中身がわかります。自分のターミナルからシミュレーターに向けて実行するなら、`aws ecs register-task-definition --cli-input-json file://tasks/fargate-task.json --endpoint-url http://127.0.0.1:4566`（`workshop serve` のとき）です。
//
// </details>

// ## まとめ
//
// - タスク定義は、タスクを起動するためのテンプレートです。ファミリーで名前を付け、登録するたびにリビジョンが増えます。登録したリビジョンは書き換えられません。
// - Fargate で動かすタスク定義には、`requiresCompatibilities` の `FARGATE`、ネットワークモード `awsvpc`、表にある組み合わせのタスクレベル `cpu` と `memory` が必要です。
// - タスク実行ロールは ECS のエージェントの権限（イメージの取得とログの書き込み）、タスクロールはアプリケーションの権限です。
// - コンテナのログは `awslogs` で CloudWatch Logs のロググループ `/ecs/sample-fargate` に送ります。
//
// 最後に、`sample-fargate` が Fargate で動かせる状態になっているかを確かめます。すべて ✓ なら、次のレッスンに進めます。

// ── セル 13 ──
display(await workshop.Checks.TaskDefinitionIsFargateReadyAsync("sample-fargate"));

// ## 次のレッスン
//
// 次は、このタスク定義 `sample-fargate:1` でタスクを直接起動し、止まるまでを見ます: [05. タスクを動かす](05-tasks.ipynb)

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
