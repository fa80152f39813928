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
// - Dockerfile の命令（`FROM`、`LABEL`、`COPY`、`EXPOSE`、`CMD`）がイメージの何になるかを、実物を見て確かめる
// - 同じ内容からは同じダイジェストのイメージができることを、自分で確かめる

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
var workshop = await Workshop.StartAsync();
Console.WriteLine(workshop);

// `Workshop (シミュレーター …)` と表示されれば、シミュレーターにつながっています。このレッスンのイメージのビルドは手元だけで済みますが、次のレッスンからはシミュレーターの ECR や ECS を使います。
//
// ## サンプルアプリ
//
// リポジトリの `samples/web/` に、このワークショップで動かすサンプルの Web アプリがあります。ファイルは 2 つだけです。
//
// - `index.html`: 表示する 1 枚のページ
// - `Dockerfile`: イメージの作り方
//
// nginx（Web サーバー）がこのページを返すだけのアプリです。Dockerfile を表示してみます。

// ── セル 3 ──
Console.WriteLine(File.ReadAllText("../samples/web/Dockerfile"));

// `#` で始まる行はコメントです。命令を上から順に見ていきます。
//
// | 命令 | 意味 | イメージのどこに入るか |
// |---|---|---|
// | `FROM nginx:alpine` | 土台にするベースイメージです。Alpine Linux の上に nginx が入った公式イメージです。 | ベースイメージのレイヤーと設定を引き継ぎます |
// | `LABEL …` | イメージに付けるメタデータ（キーと値）です。ここでは名前と説明を付けています。`\` は行の続きを表します。 | 設定の `Labels` |
// | `COPY index.html /usr/share/nginx/html/` | ビルドコンテキスト（`samples/web/`）の `index.html` を、イメージの `/usr/share/nginx/html/` に置きます。nginx が公開するフォルダーです。 | 新しいレイヤーが 1 枚できます |
// | `EXPOSE 80` | コンテナが 80 番ポートで待ち受けることを書き残します。これだけでポートが開くわけではなく、実際にどのポートを使うかは ECS のタスク定義（レッスン 04）で指定します。 | 設定の `ExposedPorts` |
// | `CMD ["nginx", "-g", "daemon off;"]` | コンテナを起動したときに実行するコマンドです。`daemon off;` は nginx をバックグラウンドに回さず、前面で動かし続ける指定です。コンテナはこのプロセスが終わると停止します。 | 設定の `Cmd` |
//
// `LABEL`、`EXPOSE`、`CMD` は設定を書き換えるだけで、レイヤーは作りません。ファイルを加えるのは `COPY` だけなので、このイメージが自分で加えるレイヤーは 1 枚です。

// ## Docker を使わずにビルドする
//
// ふつうは `docker build` でイメージを作りますが、このワークショップでは Docker がなくても進められるように、ヘルパーライブラリの **ワークショップのビルダー** を使います。Dockerfile を読み、本物と同じ形式（OCI イメージ）のイメージを作ります。ただし、次の 2 つが本物の Docker と違います。
//
// - **`RUN` は使えません。** `RUN apk add …` のようにコンテナの中でコマンドを実行する命令には、コンテナを動かす仕組みが要るからです。`RUN` があると、理由を説明するエラーになります（このあと実際に試します）。
// - **ベースイメージは「代用品」です。** オフラインでは `nginx:alpine` の中身を取得できないので、ベースイメージのファイルは含めず、その代わりに「代用品である」ことを示すラベルをイメージに付けます。できたイメージには、サンプルアプリのページ（`COPY` のレイヤー）だけが入っています。シミュレーターはコンテナを本当には動かさないので、この違いはレッスンの進行に影響しません。
//
// Docker のあるマシンで `docker build -t sample-web:v1 ../samples/web` を実行すれば、本物の `nginx:alpine` の上にページを重ねた、実際に動くイメージができます。AWS モードのヘルパーライブラリは、Docker があればそちらでビルドします。
//
// それでは、ビルドします。引数は、ビルドコンテキストのディレクトリ、リポジトリ名、タグです。

// ── セル 4 ──
var image = await workshop.BuildImageAsync("../samples/web", "sample-web", "v1");
display(image);

// ### 結果の見どころ
//
// - **ダイジェスト**: `sha256:` に続く 64 桁の 16 進数が、このイメージの名前です。このあとマニフェストから自分で計算して、同じ値になることを確かめます。
// - **サイズ (バイト)**: レイヤー（圧縮後）・設定・マニフェストを合わせた大きさです。ベースイメージのファイルを含まないので、数 KB しかありません。本物の `nginx:alpine` の上に作ると、数十 MB になります。
// - **ベースイメージ**: `nginx:alpine` と、代用品を使ったという注意が出ています。
// - このステップは手元でのビルドなので、AWS CLI のコマンドはありません。Docker を使うなら `docker build` に当たります。
//
// 結果は `image.Value` で取り出せます。`image.Value.Digest` がダイジェスト、`image.Value.LayoutDirectory` がイメージを書き出したディレクトリです。

// ## イメージの中を見る
//
// ワークショップのビルダーは、イメージを **OCI イメージレイアウト** という形式のディレクトリに書き出します。skopeo や BuildKit なども読み書きする、イメージをファイルとして置くための標準の形式です。どんなファイルがあるか見てみます。

// ── セル 5 ──
var layout = image.Value.LayoutDirectory!;
foreach (var path in Directory.EnumerateFiles(layout, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    Console.WriteLine($"{Path.GetRelativePath(layout, path),-80} {new FileInfo(path).Length,6} バイト");

// - `oci-layout`: この形式のバージョンを書いた小さなファイルです。
// - `index.json`: このディレクトリにあるイメージの目次です。
// - `blobs/sha256/…`: 中身のデータです。ファイル名がそのデータのダイジェストになっています。ここにはマニフェスト・設定・レイヤーの 3 つがあります。
//
// 目次の `index.json` から開きます。

// ── セル 6 ──
// JSON を字下げして、読みやすくして表示するための関数です。
string Pretty(byte[] json) => JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

Console.WriteLine(Pretty(File.ReadAllBytes(Path.Combine(layout, "index.json"))));

// `manifests` にイメージが 1 つ載っていて、`digest` がマニフェストのダイジェスト、`annotations` の `org.opencontainers.image.ref.name` がタグ（`v1`）、`platform` が対象の OS と CPU アーキテクチャ（`linux`/`amd64`）です。タグはイメージの中ではなく、この目次の側にあることに注意してください。
//
// このダイジェストをファイル名にして、マニフェストを読みます。読んだバイト列の SHA-256 を自分で計算して、ビルド結果のダイジェストと比べます。

// ── セル 7 ──
// ダイジェストが sha256:HEX のデータは、blobs/sha256/HEX というファイルにあります。
byte[] ReadBlob(string digest) => File.ReadAllBytes(Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]));

var manifestBytes = ReadBlob(image.Value.Digest!);
Console.WriteLine(Pretty(manifestBytes));

var manifestSha256 = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifestBytes));
Console.WriteLine();
Console.WriteLine($"マニフェストの SHA-256:   {manifestSha256}");
Console.WriteLine($"ビルド結果のダイジェスト: {image.Value.Digest}");
Console.WriteLine(manifestSha256 == image.Value.Digest ? "✓ イメージのダイジェストは、マニフェストの SHA-256 です" : "✗ 一致しません");

// ### 結果の見どころ
//
// - `config` が設定を、`layers` がレイヤーを指しています。どちらも `mediaType`（データの種類）、`digest`、`size` の 3 つで書かれています。レイヤーの `mediaType` が `…tar+gzip` なのは、gzip で圧縮した tar だからです。
// - `layers` は 1 つだけです。`COPY` の 1 枚で、ベースイメージのレイヤーはありません（代用品なので）。本物の `nginx:alpine` の上に作れば、その下に nginx のレイヤーが並びます。
// - `annotations` の `org.opencontainers.image.base.name` に、ベースイメージの名前が記録されています。
// - 最後の行で、マニフェストの SHA-256 がイメージのダイジェストと一致しました。イメージのダイジェストは、どこかで登録された番号ではなく、中身から誰でも計算できる値です。
//
// 次は、`config` が指している設定を読みます。

// ── セル 8 ──
var manifestJson = JsonNode.Parse(manifestBytes)!;
var configBytes = ReadBlob(manifestJson["config"]!["digest"]!.GetValue<string>());
Console.WriteLine(Pretty(configBytes));

// ### 結果の見どころ
//
// - `config.Cmd`、`config.ExposedPorts`（`80/tcp`）、`config.Labels` に、Dockerfile の `CMD`、`EXPOSE`、`LABEL` がそのまま入っています。`Env` の `PATH` は、ビルダーが既定値として入れたものです。
// - `Labels` には、Dockerfile に書いた 2 つのほかに、`org.ecsworkshop.base-image…` で始まるラベルがあります。ベースイメージが代用品であることを、イメージ自身が英語と日本語で説明しています。
// - `rootfs.diff_ids` は、レイヤーを **展開した（圧縮前の）tar** のダイジェストです。マニフェストの `layers` にあるのは圧縮後のダイジェストなので、値が違います。
// - `history` には Dockerfile の命令が 1 行ずつ記録されています。`empty_layer: true` の命令は、レイヤーを作らなかった命令です。
// - `created`（作成日時）が `1970-01-01T00:00:00Z` に固定されています。理由はこのあと説明します。
//
// 最後に、ただ 1 枚のレイヤーを開いて、入っているファイルを一覧にします。レイヤーは gzip で圧縮した tar なので、.NET の `GZipStream` と `TarReader` でそのまま読めます。

// ── セル 9 ──
var layerDigest = manifestJson["layers"]![0]!["digest"]!.GetValue<string>();
Console.WriteLine($"レイヤー {layerDigest}");
using (var layerStream = new GZipStream(new MemoryStream(ReadBlob(layerDigest)), CompressionMode.Decompress))
using (var tar = new TarReader(layerStream))
{
    while (tar.GetNextEntry() is { } entry)
        Console.WriteLine($"  {entry.EntryType,-12} {Convert.ToString((int)entry.Mode, 8),4}  uid={entry.Uid} gid={entry.Gid}  {entry.ModificationTime:yyyy-MM-dd HH:mm:ss}  {entry.Length,5} バイト  /{entry.Name}");
}

// ### 結果の見どころ
//
// - レイヤーにあるのは、`index.html` と、そこに至るディレクトリだけです。`COPY` が加えたものだけが、このレイヤーに入っています。
// - どのファイルも、更新日時が `1970-01-01 00:00:00`、所有者が `uid=0 gid=0`（root）です。手元のファイルの更新日時は使っていません。
// - 権限は、ディレクトリが `755`、ファイルが `644` です（`docker build` の `COPY` と同じ既定値です）。

// ## わざと間違えてみる: RUN のある Dockerfile
//
// ワークショップのビルダーが `RUN` を断ることを確かめます。一時ディレクトリに `RUN` を含む Dockerfile を作ってビルドし、ステップのエラー（`WorkshopStepException`）を受け止めて、その説明を表示します。

// ── セル 10 ──
var brokenContext = Directory.CreateTempSubdirectory("ecs-workshop-run-").FullName;
File.WriteAllText(Path.Combine(brokenContext, "Dockerfile"), "FROM nginx:alpine\nRUN apk add --no-cache curl\n");
try
{
    await workshop.BuildImageAsync(brokenContext, "sample-web", "broken");
}
catch (WorkshopStepException e)
{
    display(e.Explanation);
}

// エラーの説明には、何が起きたか（2 行目の `RUN` が使えない）、なぜか（Docker なしで動くビルダーはコンテナの中でコマンドを実行できない）、どう直すか、が日本語で書かれています。いちばん下には元のメッセージ（英語）もあります。`RUN` が必要なイメージは、Docker のあるマシンで `docker build` を使ってビルドしてください。
//
// ## 同じ内容からは同じダイジェスト
//
// ワークショップのビルダーは、同じビルドコンテキストからは、いつ、どのマシンでビルドしても、1 バイトも違わないイメージを作ります。そのために、結果が変わりうるところをすべて固定しています。
//
// - tar の中のファイルは、パスの順に並べます。
// - 更新日時は 0（1970-01-01 00:00:00）、所有者は数字の 0 だけにして、ユーザー名やグループ名は入れません。手元のファイルの更新日時が違っても、結果は変わりません。
// - gzip の圧縮レベルを固定し、gzip のヘッダーの時刻を 0 に、OS の欄を「不明」に固定します。
// - 設定の `created` と `history` の日時も 1970-01-01 に固定します。
//
// レイヤーが同じなら、それを指す設定も同じになり、設定とレイヤーが同じならマニフェストも同じになります。だから、イメージのダイジェストも同じです。タグはイメージの中に含まれないので、**別のタグでビルドしても** ダイジェストは変わりません。
//
// `docker build` では、設定の `created` やレイヤーの中のファイルの更新日時に、ビルドした時刻や手元のファイルの日時が入ります。そのため、キャッシュを使わずにビルドし直したり、別のマシンでビルドしたりすると、同じ Dockerfile からでもダイジェストが変わります。Docker で毎回同じ結果を得るには、環境変数 `SOURCE_DATE_EPOCH` で時刻を固定するなどの工夫が要ります。
//
// ## 演習

// ── セル 11（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 1: 同じ samples/web を、別のタグ "v1-again" でもう一度ビルドして、ダイジェストを比べます。
var again = await workshop.BuildImageAsync("../samples/web", "sample-web", "v1-again");
string? againDigest = again.Value.Digest;

var sameDigest = againDigest == image.Value.Digest;
display(CheckResult.Of("演習 1: 同じ内容からは同じダイジェストになるか",
    new CheckItem(againDigest is not null, "もう一度ビルドしたイメージのダイジェストがあります",
        "`(await workshop.BuildImageAsync(\"../samples/web\", \"sample-web\", \"v1-again\")).Value.Digest` を `againDigest` に入れてください"),
    new CheckItem(sameDigest,
        sameDigest ? $"2 回目のダイジェストは、1 回目と同じ {image.Value.Digest} です" : $"2 回目のダイジェスト（{againDigest ?? "まだありません"}）が、1 回目（{image.Value.Digest}）と違います",
        "同じディレクトリ `../samples/web` をビルドしているか確かめてください")));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 1: 同じ samples/web を、別のタグ "v1-again" でもう一度ビルドして、ダイジェストを比べます。
// var again = await workshop.BuildImageAsync("../samples/web", "sample-web", "v1-again");
// string? againDigest = again.Value.Digest;
//
// var sameDigest = againDigest == image.Value.Digest;
// CheckResult.Of("演習 1: 同じ内容からは同じダイジェストになるか",
//     new CheckItem(againDigest is not null, "もう一度ビルドしたイメージのダイジェストがあります",
//         "`(await workshop.BuildImageAsync(\"../samples/web\", \"sample-web\", \"v1-again\")).Value.Digest` を `againDigest` に入れてください"),
//     new CheckItem(sameDigest,
//         sameDigest ? $"2 回目のダイジェストは、1 回目と同じ {image.Value.Digest} です" : $"2 回目のダイジェスト（{againDigest ?? "まだありません"}）が、1 回目（{image.Value.Digest}）と違います",
//         "同じディレクトリ `../samples/web` をビルドしているか確かめてください"))
// ```
//
// </details>
//
// 余裕があれば、`samples/web` をどこかにコピーして `index.html` を 1 文字だけ変え、そのコピーをビルドしてみてください。レイヤー・設定（`diff_ids`）・マニフェストがすべて変わり、ダイジェストはまったく別の値になります。
//
// ## まとめ
//
// - コンテナイメージは、レイヤー（ファイルの tar.gz）、設定（起動コマンドやポートの JSON）、マニフェスト（その 2 つの一覧）でできています。
// - どのデータもダイジェスト（SHA-256）で指され、イメージのダイジェストはマニフェストのダイジェストです。タグはイメージの外で付ける名前です。
// - ワークショップのビルダーは Docker なしで OCI イメージを作ります。`RUN` は使えず、ベースイメージはオフラインではラベル付きの代用品です。
// - 日時や並び順を固定しているので、同じ内容からは同じダイジェストのイメージができます。
//
// ## 次のレッスン
//
// できたイメージを、AWS のコンテナレジストリ ECR に置きます: [02. ECR にイメージを置く](02-ecr.ipynb)

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
