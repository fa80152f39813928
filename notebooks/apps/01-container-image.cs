// 01-container-image.cs: notebooks/01-container-image.ipynb から `workshop export-apps` で生成したファイルです。
// 手で直さずに、ノートブックを直してから生成し直してください（dotnet run --project src/EcsWorkshop.Cli -- export-apps）。
// 実行: レッスンの順に、リポジトリのルートで次のように実行します（シミュレーターは動いているものを使い、なければアプリの中で起動します）。
//   dotnet run notebooks/apps/01-container-image.cs
#:project ../../src/EcsWorkshop/EcsWorkshop.csproj
#:property PublishAot=false

using EcsWorkshop;
using EcsWorkshop.Steps;
using EcsWorkshop.Checks;
using EcsWorkshop.Errors;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Facts.Simulator;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Security.Cryptography;
using System.Formats.Tar;
using System.IO.Compression;

// ノートブックと同じく、レッスンのフォルダー (このファイルの 1 つ上) を作業フォルダーにします。セルの相対パスはそこから数えます。
Environment.CurrentDirectory = System.IO.Path.GetFullPath(System.IO.Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, ".."));

// # 01. コンテナイメージを作る
//
// ECS が動かすのは「コンテナイメージ」です。このレッスンでは、サンプルの Web アプリからイメージを作り、その中身を 1 つずつ開いて確かめます。次のレッスンでは、ここで作ったイメージを ECR に置きます。
//
// ## このレッスンのゴール
//
// - コンテナイメージが、レイヤー・設定（config）・マニフェストの 3 種類のデータでできていることを説明できる
// - ダイジェスト（`sha256:…`）とタグの違いを説明できる
// - Dockerfile の命令（`ARG`、`FROM`、`LABEL`、`COPY`、`EXPOSE`、`CMD`）がイメージの何になるかを、実物を見て確かめる
// - 同じ内容からは同じイメージができることを、自分で確かめる

// ## コンテナイメージとは
//
// コンテナイメージは、コンテナを起動するのに必要なものを 1 つにまとめたものです。中身は次の 3 種類のデータです。
//
// - **レイヤー**: ファイルの集まりを tar にまとめ、gzip で圧縮したものです。Dockerfile の `COPY` のようにファイルを加える命令 1 つにつき、レイヤーが 1 枚できます。コンテナのファイルシステムは、ベースイメージのレイヤーの上に自分のレイヤーを下から順に重ねたものです。
// - **設定（config）**: 起動するコマンド（`CMD`）、公開するポート（`EXPOSE`）、ラベル（`LABEL`）、環境変数、対象の OS と CPU アーキテクチャなどを書いた JSON です。どのレイヤーをどの順に重ねるか（`rootfs.diff_ids`）もここにあります。
// - **マニフェスト**: 設定とレイヤーの一覧です。それぞれのデータを、種類（`mediaType`）・ダイジェスト・サイズで指しています。
//
// ここで出てくる **ダイジェスト** は、データの SHA-256 ハッシュを `sha256:` に続けて 16 進数で書いたものです。レイヤーも設定もマニフェストも、ダイジェストを名前にして保存されます（コンテンツアドレス方式）。1 バイトでも変われば別のダイジェストになり、同じ内容なら必ず同じダイジェストになります。
//
// **イメージのダイジェスト** は、マニフェストのダイジェストのことです。マニフェストは設定とレイヤーのダイジェストを含んでいるので、イメージのどこかが変われば、イメージのダイジェストも必ず変わります。
//
// ![コンテナイメージはレイヤー・設定・マニフェストでできていて、マニフェストの SHA-256 がイメージのダイジェストになる](../images/image-layers.svg)
//
// ### タグとダイジェスト
//
// `sample-web:v1` の `v1` のような **タグ** は、人が付ける名前です。イメージの中身には含まれず、レジストリの中でダイジェストを指す「付箋」のようなものです。同じタグを別のイメージに付け替えることもできます（ECR では、リポジトリの設定で付け替えを禁止することもできます）。
//
// 一方、**ダイジェスト** はイメージの中身そのものから決まる値なので、付け替えはできません。「いつ取り出しても同じイメージ」を指定したいときは、`sample-web@sha256:…` のようにダイジェストで指定します。ECS のタスクも、起動したときに実際に使ったイメージのダイジェストを、コンテナの `imageDigest` として記録します。

// ## セットアップ
//
// いつものように、最初のセルでヘルパーライブラリを読み込み、次のセルでシミュレーターにつなぎます。

// ── セル 1（セットアップ） ──
// ノートブックではこのセルが notebooks/setup.csx でヘルパーライブラリをビルドし、読み込みます。
// このアプリでは、ファイルの先頭の `#:project` が同じライブラリを参照し、`dotnet run` がいっしょにビルドします。

// ── セル 2 ──
var workshop = await Workshop.StartAsync("01-container-image");
Console.WriteLine(workshop);

// `Workshop (シミュレーター …)` と表示されれば、シミュレーターにつながっています。このレッスンのイメージのビルドは手元だけで済みますが、次のレッスンからはシミュレーターの ECR や ECS を使います。
//
// AWS モード（`ECS_WORKSHOP_MODE=aws`）では、イメージは Docker でビルドします。手元で Docker エンジンが動いている必要があります。
//
// ## サンプルアプリ
//
// リポジトリの `samples/web/` に、このワークショップで動かすサンプルの Web アプリがあります。ファイルは 3 つです。
//
// - `www/cgi-bin/index.cgi`: ページを作るシェルスクリプト（CGI）。タスク ID と環境変数 `APP_VERSION` をページに書きます。タスク ID は、Fargate がコンテナに渡す **タスクメタデータエンドポイント v4**（環境変数 `ECS_CONTAINER_METADATA_URI_V4` の URL）から読みます。
// - `start.sh`: Web サーバーを起動するスクリプト。ECS がタスクを止めるときに送る `SIGTERM` を受け取ったら、終了コード 0 で終わります。
// - `Dockerfile`: イメージの作り方
//
// BusyBox（`sh`、`wget`、Web サーバーの `httpd` などの小さなコマンドを 1 つのファイルにまとめたもの）の `httpd` が、`/` へのリクエストでこの CGI を実行してページを返すだけのアプリです。Dockerfile を表示してみます。

// ── セル 3 ──
Console.WriteLine(File.ReadAllText("../samples/web/Dockerfile"));

// `#` で始まる行はコメントです。命令を上から順に見ていきます。
//
// | 命令 | 意味 | イメージのどこに入るか |
// |---|---|---|
// | `ARG BASE_IMAGE=busybox:1.36` | ビルドのときに外から渡せる値（ビルド引数）です。`=` の右が既定値で、`docker build --build-arg BASE_IMAGE=…` で変えられます。 | イメージには入りません（ビルドの間だけ使います） |
// | `FROM ${BASE_IMAGE}` | 土台にするベースイメージです。既定では、Docker Hub で公開されている `busybox:1.36` です。 | ベースイメージのレイヤーと設定を引き継ぎます |
// | `LABEL …` | イメージに付けるメタデータ（キーと値）です。ここでは名前と説明を付けています。`\` は行の続きを表します。 | 設定の `Labels` |
// | `COPY start.sh /start.sh` と `COPY www /www` | ビルドコンテキスト（`samples/web/`）のファイルを、イメージの中に置きます。 | 1 つにつき新しいレイヤーが 1 枚できます |
// | `EXPOSE 80` | コンテナが 80 番ポートで待ち受けることを書き残します。これだけでポートが開くわけではなく、実際にどのポートを使うかは ECS のタスク定義（レッスン 04）で指定します。 | 設定の `ExposedPorts` |
// | `CMD ["/bin/sh", "/start.sh"]` | コンテナを起動したときに実行するコマンドです。コンテナはこのプロセスが終わると停止します。 | 設定の `Cmd` |
//
// `ARG`、`LABEL`、`EXPOSE`、`CMD` は設定を書き換えるだけで、レイヤーは作りません。ファイルを加えるのは 2 つの `COPY` なので、このイメージが自分で加えるレイヤーは 2 枚です。
//
// ### ベースイメージを選べるようにしている理由
//
// インターネットにつながっていれば、`busybox:1.36` は Docker Hub から取得できます。つながっていない環境（このワークショップの自動テストなど）では取得できないので、ヘルパーライブラリは Debian のパッケージ `busybox-static` の `/bin/busybox` から、同じ役目のベースイメージ `ecs-workshop/busybox:local` を **手元で作り**、`--build-arg BASE_IMAGE=ecs-workshop/busybox:local` で渡します。手元で作ったことは、イメージのラベル `ecs-workshop.made-locally` に書いてあります（シミュレーターがタスクごとに動かす「pause コンテナ」も、同じイメージです）。どちらのベースでも、できるアプリは同じページを返します。

// ## イメージをビルドする
//
// ヘルパーライブラリの `BuildImageAsync` は、環境に合わせて 2 通りのどちらかでビルドします。
//
// - **Docker がある場合**（シミュレーターがタスクを Docker で動かしているとき）: `docker build` と同じことを、Docker エンジンの API で行います。ビルドコンテキストを tar にまとめてエンジンに送り、エンジンが表示する `Step 1/7 : …` のような出力を、そのまま表示します。ベースイメージは、公開されている `busybox:1.36` を取得できればそれを、できなければ手元で作った `ecs-workshop/busybox:local` を使います。
// - **Docker がない場合**: Docker がなくても進められるように用意した **ワークショップのビルダー** を使います（Docker のない人のためのビルダーです）。Dockerfile を読み、本物と同じ形式（OCI イメージ）のイメージを作ります。ただし、`RUN`（コンテナの中でコマンドを実行する命令）は使えず、ベースイメージの中身は取得せずに「代用品である」ことを示すラベルを付けます。シミュレーション（`--runtime simulated`）ではコンテナを本当には動かさないので、この違いはレッスンの進行に影響しません。
//
// 自分のターミナルでビルドするなら、次のコマンドです（インターネットにつながっていれば、ビルド引数は要りません）。
//
// ```sh
// docker build -t sample-web:v1 ../samples/web
// # オフラインで、手元で作ったベースイメージを使うとき
// docker build -t sample-web:v1 --build-arg BASE_IMAGE=ecs-workshop/busybox:local ../samples/web
// ```
//
// それでは、ビルドします。引数は、ビルドコンテキストのディレクトリ、リポジトリ名、タグです。

// ── セル 4 ──
var image = await workshop.BuildImageAsync("../samples/web", "sample-web", "v1");
display(image);

// どちらの方法でビルドしたか、どのベースイメージを使ったかを確かめます。

// ── セル 5 ──
Console.WriteLine(image.Value.BuiltWithDocker
    ? "ビルド方法: Docker エンジン (docker build)"
    : "ビルド方法: ワークショップのビルダー (Docker なし)");
Console.WriteLine(!image.Value.BuiltWithDocker
    ? $"ベースイメージ: {image.Value.BaseImage} (代用品。ベースイメージの中身は含めていません)"
    : image.Value.BaseMadeLocally
        ? $"ベースイメージ: {image.Value.BaseImage} (Debian の busybox-static から手元で作ったもの。公開イメージではありません)"
        : $"ベースイメージ: {image.Value.BaseImage} (公開イメージ)");
Console.WriteLine($"イメージ ID (設定のダイジェスト): {image.Value.ImageId}");

// ### 結果の見どころ
//
// - **ビルド方法** と **ベースイメージ**: 上のセルで表示したとおりです。Docker でビルドしたときは、ビルドの出力（`Step 1/7 : ARG BASE_IMAGE=busybox:1.36` から始まる行）も表示されています。
// - **イメージ ID**: イメージの設定（config）の SHA-256 です。`docker images` の IMAGE ID 欄に出る値です。
// - **ダイジェスト**: ワークショップのビルダーでは、ここに `sha256:` に続く 64 桁の 16 進数が出ます。ECR に置いたときのイメージの名前になる値です。Docker でビルドしたときは「プッシュで決まります」と出ます。Docker は、プッシュするときにマニフェストを作るからです（次のレッスンで確かめます）。
// - **サイズ (バイト)**: ワークショップのビルダーでは、ベースイメージのファイルを含まないので数 KB です。Docker では、BusyBox のファイルも含めて 2 MB ほどになります。
// - このステップは手元でのビルドなので、AWS CLI のコマンドはありません。
//
// 結果は `image.Value` で取り出せます。`image.Value.LayoutDirectory` がイメージを書き出したディレクトリです。

// ## もっと詳しく（任意）: イメージの中を見る
//
// この節は、イメージの形式（OCI イメージレイアウト、マニフェスト、設定、レイヤーの tar）を深く知りたい人向けです。ECS を動かすだけなら、次の「わざと間違えてみる」まで飛ばしてかまいません。あとのセルは、この節で作る変数を使いません。
//
// ヘルパーライブラリは、ビルドしたイメージを **OCI イメージレイアウト** という形式のディレクトリに書き出します。skopeo や BuildKit なども読み書きする、イメージをファイルとして置くための標準の形式です。Docker でビルドしたときは、エンジンからイメージを取り出して（`docker save` と同じ API）、この形式に書き直しています。どんなファイルがあるか見てみます。

// ── セル 6 ──
var layout = image.Value.LayoutDirectory!;
foreach (var path in Directory.EnumerateFiles(layout, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    Console.WriteLine($"{Path.GetRelativePath(layout, path),-80} {new FileInfo(path).Length,6} バイト");

// - `oci-layout`: この形式のバージョンを書いた小さなファイルです。
// - `index.json`: このディレクトリにあるイメージの目次です。
// - `blobs/sha256/…`: 中身のデータです。ファイル名がそのデータのダイジェストになっています。ここにはマニフェスト・設定と、レイヤーが並んでいます。
//
// 目次の `index.json` から開きます。

// ── セル 7 ──
// JSON を字下げして、読みやすくして表示するための関数です。
string Pretty(byte[] json) => JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

Console.WriteLine(Pretty(File.ReadAllBytes(Path.Combine(layout, "index.json"))));

// `manifests` にイメージが 1 つ載っていて、`digest` がマニフェストのダイジェスト、`annotations` の `org.opencontainers.image.ref.name` がタグ（`v1`）、`platform` が対象の OS と CPU アーキテクチャ（`linux`/`amd64`）です。タグはイメージの中ではなく、この目次の側にあることに注意してください。
//
// このダイジェストをファイル名にして、マニフェストを読みます。読んだバイト列の SHA-256 を自分で計算して、目次に書かれたダイジェストと比べます。

// ── セル 8 ──
// ダイジェストが sha256:HEX のデータは、blobs/sha256/HEX というファイルにあります。
byte[] ReadBlob(string digest) => File.ReadAllBytes(Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]));

var indexDigest = JsonNode.Parse(File.ReadAllBytes(Path.Combine(layout, "index.json")))!["manifests"]![0]!["digest"]!.GetValue<string>();
var manifestBytes = ReadBlob(indexDigest);
Console.WriteLine(Pretty(manifestBytes));

var manifestSha256 = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifestBytes));
Console.WriteLine();
Console.WriteLine($"マニフェストの SHA-256:   {manifestSha256}");
Console.WriteLine($"目次のダイジェスト:       {indexDigest}");
Console.WriteLine(manifestSha256 == indexDigest ? "✓ イメージのダイジェストは、マニフェストの SHA-256 です" : "✗ 一致しません");

// ### 結果の見どころ
//
// - `config` が設定を、`layers` がレイヤーを指しています。どちらも `mediaType`（データの種類）、`digest`、`size` の 3 つで書かれています。レイヤーの `mediaType` が `…tar+gzip` なのは、gzip で圧縮した tar だからです。
// - ワークショップのビルダーでは、`layers` は `COPY` の 2 枚だけです（ベースイメージは代用品なので）。Docker でビルドしたときは、その下に BusyBox のベースイメージのレイヤーが並びます。
// - 最後の行で、マニフェストの SHA-256 が、目次に書かれたダイジェストと一致しました。イメージのダイジェストは、どこかで登録された番号ではなく、中身から誰でも計算できる値です。ワークショップのビルダーでは、この値がそのまま ECR に記録されるダイジェストになります。
// - `config` の `digest` は、上で表示した **イメージ ID** と同じ値です。
//
// 次は、`config` が指している設定を読みます。

// ── セル 9 ──
var manifestJson = JsonNode.Parse(manifestBytes)!;
var configBytes = ReadBlob(manifestJson["config"]!["digest"]!.GetValue<string>());
Console.WriteLine(Pretty(configBytes));

// ### 結果の見どころ
//
// - `config.Cmd`、`config.ExposedPorts`（`80/tcp`）、`config.Labels` に、Dockerfile の `CMD`、`EXPOSE`、`LABEL` がそのまま入っています。
// - ワークショップのビルダーでは、`Labels` に `org.ecsworkshop.base-image…` で始まるラベルがあり、ベースイメージが代用品であることをイメージ自身が説明しています。手元で作ったベースの上に Docker でビルドしたときは、ベースから引き継いだ `ecs-workshop.made-locally` が見えます。
// - `rootfs.diff_ids` は、レイヤーを **展開した（圧縮前の）tar** のダイジェストです。マニフェストの `layers` にあるのは圧縮後のダイジェストなので、値が違います。
// - `history` には Dockerfile の命令が 1 行ずつ記録されています。`empty_layer: true` の命令は、レイヤーを作らなかった命令です。
// - `created`（作成日時）は、ワークショップのビルダーでは `1970-01-01T00:00:00Z` に固定されています。Docker では、ビルドした日時です。
//
// 最後に、いちばん上の（最後に重ねた）レイヤーを開いて、入っているファイルを一覧にします。`COPY www /www` が作ったレイヤーです。レイヤーは gzip で圧縮した tar なので、.NET の `GZipStream` と `TarReader` でそのまま読めます。

// ── セル 10 ──
var layers = manifestJson["layers"]!.AsArray();
var layerDigest = layers[layers.Count - 1]!["digest"]!.GetValue<string>();
Console.WriteLine($"レイヤー {layerDigest}");
using (var layerStream = new GZipStream(new MemoryStream(ReadBlob(layerDigest)), CompressionMode.Decompress))
using (var tar = new TarReader(layerStream))
{
    while (tar.GetNextEntry() is { } entry)
        Console.WriteLine($"  {entry.EntryType,-12} {Convert.ToString((int)entry.Mode, 8),4}  uid={entry.Uid} gid={entry.Gid}  {entry.ModificationTime:yyyy-MM-dd HH:mm:ss}  {entry.Length,5} バイト  /{entry.Name}");
}

// ### 結果の見どころ
//
// - レイヤーにあるのは、`www` の下のファイルとディレクトリだけです。`COPY www /www` が加えたものだけが、このレイヤーに入っています。
// - ワークショップのビルダーでは、どのファイルも更新日時が `1970-01-01 00:00:00`、所有者が `uid=0 gid=0`（root）、権限がディレクトリ `755`・ファイル `644` に固定されています。この権限は、ビルダーが自分で決めた値です。
// - `docker build` の `COPY` には、決まった既定の権限はありません。所有者は root（uid 0）になりますが、権限ビット（読み・書き・実行）は手元のファイルのものを引き継ぎます。リポジトリでは CGI の `index.cgi` を実行できるファイル（`755`）にしてあるので、Docker でビルドしたイメージでも `755` です。なお、Windows のマシンからビルドすると、手元のファイルに Linux の権限ビットがないので、ファイルはどれも `755` になります。

// ## わざと間違えてみる: 失敗する RUN
//
// Dockerfile の `RUN` は、ビルドの途中でコンテナを動かし、その中でコマンドを実行する命令です。コマンドが失敗する（終了コードが 0 でない）と、ビルドはそこで止まります。一時ディレクトリに、ないファイルを確かめる `RUN` を含む Dockerfile を作ってビルドし、ヘルパーが投げる例外（`WorkshopStepException`）を捕捉して（catch して）、その説明を表示します。

// ── セル 11 ──
var brokenContext = Directory.CreateTempSubdirectory("ecs-workshop-run-").FullName;
File.WriteAllText(Path.Combine(brokenContext, "Dockerfile"), "ARG BASE_IMAGE=busybox:1.36\nFROM ${BASE_IMAGE}\nRUN test -f /etc/app.conf\n");
try
{
    await workshop.BuildImageAsync(brokenContext, "sample-web", "broken");
}
catch (WorkshopStepException e)
{
    display(e.Explanation);
}

// エラーの説明には、何が起きたか、なぜか、どう直すか、が日本語で書かれています。いちばん下には元のメッセージ（英語）もあります。
//
// - Docker でビルドしたときは、「`docker build` が失敗しました」です。`RUN test -f /etc/app.conf` が終了コード 1 で終わったので、エンジンがビルドを止めました。
// - ワークショップのビルダーでは、「Dockerfile を読めませんでした」です。Docker なしで動くビルダーはコンテナの中でコマンドを実行できないので、`RUN` のある Dockerfile は最初からエラーになります。
//
// ## 同じ内容からは同じイメージ
//
// ワークショップのビルダーは、同じビルドコンテキストからは、いつ、どのマシンでビルドしても、1 バイトも違わないイメージを作ります。そのために、結果が変わりうるところをすべて固定しています（次の 3 つは、前の任意の節を読んだ人向けの細かい話です）。
//
// - tar の中のファイルは、パスの順に並べます。
// - 更新日時は 0（1970-01-01 00:00:00）、所有者は数字の 0 だけにします。手元のファイルの更新日時が違っても、結果は変わりません。
// - gzip のヘッダーの時刻を 0 に固定し、設定の `created` と `history` の日時も 1970-01-01 に固定します。
//
// レイヤーが同じなら設定も同じになり（イメージ ID が同じ）、設定とレイヤーが同じならマニフェストも同じになります（ダイジェストが同じ）。タグはイメージの中に含まれないので、**別のタグでビルドしても** 変わりません。
//
// `docker build` は、前のビルドの結果をキャッシュに持っていて、Dockerfile の命令とファイルが同じなら、そのまま使い回します。そのため、同じマシンでもう一度ビルドすると、同じイメージ ID になります。ただし、設定の `created` やファイルの更新日時にはビルドした時刻や手元の日時が入るので、キャッシュを使わずに（`--no-cache`）ビルドし直したり、別のマシンでビルドしたりすると、イメージ ID が変わります。
//
// ## 演習

// ── セル 12（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 1: 同じ samples/web を、別のタグ "v1-again" でもう一度ビルドして、イメージ ID を比べます。
var again = await workshop.BuildImageAsync("../samples/web", "sample-web", "v1-again");
string? againId = again.Value.ImageId;

var sameId = againId == image.Value.ImageId;
display(workshop.Check("演習 1: 同じ内容からは同じイメージになるか",
    new CheckItem(againId is not null, "もう一度ビルドしたイメージの ID があります",
        "`(await workshop.BuildImageAsync(\"../samples/web\", \"sample-web\", \"v1-again\")).Value.ImageId` を `againId` に入れてください"),
    new CheckItem(sameId,
        sameId ? $"2 回目のイメージ ID は、1 回目と同じ {image.Value.ImageId} です" : $"2 回目のイメージ ID（{againId ?? "まだありません"}）が、1 回目（{image.Value.ImageId}）と違います",
        "同じディレクトリ `../samples/web` をビルドしているか確かめてください")));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 1: 同じ samples/web を、別のタグ "v1-again" でもう一度ビルドして、イメージ ID を比べます。
// var again = await workshop.BuildImageAsync("../samples/web", "sample-web", "v1-again");
// string? againId = again.Value.ImageId;
//
// var sameId = againId == image.Value.ImageId;
// workshop.Check("演習 1: 同じ内容からは同じイメージになるか",
//     new CheckItem(againId is not null, "もう一度ビルドしたイメージの ID があります",
//         "`(await workshop.BuildImageAsync(\"../samples/web\", \"sample-web\", \"v1-again\")).Value.ImageId` を `againId` に入れてください"),
//     new CheckItem(sameId,
//         sameId ? $"2 回目のイメージ ID は、1 回目と同じ {image.Value.ImageId} です" : $"2 回目のイメージ ID（{againId ?? "まだありません"}）が、1 回目（{image.Value.ImageId}）と違います",
//         "同じディレクトリ `../samples/web` をビルドしているか確かめてください"))
// ```
//
// </details>
//
// 余裕があれば、`samples/web` をどこかにコピーして `www/cgi-bin/index.cgi` のページの文を 1 文字だけ変え、そのコピーをビルドしてみてください。レイヤー・設定（`diff_ids`）・マニフェストがすべて変わり、イメージ ID もダイジェストもまったく別の値になります。
//
// ## まとめ
//
// - コンテナイメージは、レイヤー（ファイルの tar.gz）、設定（起動コマンドやポートの JSON）、マニフェスト（その 2 つの一覧）でできています。
// - どのデータもダイジェスト（SHA-256）で指され、イメージのダイジェストはマニフェストのダイジェストです。タグはイメージの外で付ける名前です。
// - Docker があれば `docker build`（エンジンの API）でビルドします。ベースイメージは公開の `busybox:1.36` か、オフラインでは busybox-static から手元で作ったものです。
// - Docker がなければ、ワークショップのビルダーが OCI イメージを作ります。`RUN` は使えず、ベースイメージはラベル付きの代用品です。日時や並び順を固定しているので、同じ内容からは同じダイジェストのイメージができます。
//
// ## 次のレッスン
//
// できたイメージを、AWS のコンテナレジストリ ECR に置きます: [02. ECR にイメージを置く](02-ecr.ipynb)

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
