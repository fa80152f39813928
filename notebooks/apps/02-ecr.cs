// 02-ecr.cs: notebooks/02-ecr.ipynb から `workshop export-apps` で生成したファイルです。
// 手で直さずに、ノートブックを直してから生成し直してください（dotnet run --project src/EcsWorkshop.Cli -- export-apps）。
// 実行: レッスンの順に、リポジトリのルートで次のように実行します（シミュレーターは動いているものを使い、なければアプリの中で起動します）。
//   dotnet run notebooks/apps/02-ecr.cs
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

// # 02. ECR にイメージを置く
//
// レッスン 01 で作ったイメージは、まだ手元にあるだけです。ECS がタスクを起動するときは、イメージを **レジストリ** から取得します。このレッスンでは、AWS のコンテナレジストリである Amazon ECR にリポジトリを作り、イメージをプッシュします。
//
// ## このレッスンのゴール
//
// - ECR のレジストリ・リポジトリ・リポジトリ URI の関係を説明できる
// - ECR へのログイン（ユーザー名 `AWS` と 12 時間有効なパスワード）の仕組みを説明できる
// - プッシュでは、レイヤーなどの blob を先に送り、最後にマニフェストをタグ付きで登録することを知る
// - リポジトリを作り、イメージをプッシュし、ECR に記録されたダイジェストがビルドしたイメージのダイジェストと同じであることを確かめる

// ## ECR とは
//
// Amazon ECR（Elastic Container Registry）は、コンテナイメージを保管する AWS のサービスです。Docker Hub と同じ種類のサービスで、同じプロトコル（OCI Distribution）に対応しています。
//
// - **レジストリ**: AWS アカウントとリージョンごとに 1 つあります。ホスト名は `アカウントID.dkr.ecr.リージョン.amazonaws.com` です。
// - **リポジトリ**: レジストリの中の、イメージを入れる箱です。アプリごとに 1 つ作るのがふつうです。このワークショップでは `sample-web` を作ります。
// - **リポジトリ URI**: `レジストリ/リポジトリ名` です。例えば `123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/sample-web` です。イメージは、これにタグを付けた `URI:v1` か、ダイジェストを付けた `URI@sha256:…` で指定します。レッスン 04 のタスク定義にも、この形で書きます。
//
// ECR は、プッシュのときにリポジトリを自動では作りません。先に `aws ecr create-repository` でリポジトリを作っておきます。
//
// シミュレーターの ECR は、シミュレーター自身がレジストリとして振る舞います。そのため、リポジトリ URI のホスト名の部分は、AWS のホスト名ではなくシミュレーターのアドレスになります（このあと実際に見ます）。docker や skopeo も、その URI のままシミュレーターにプッシュできます。
//
// ## ログインの仕組み
//
// レジストリにイメージをプッシュしたり取得したりするには、先にログインします。ECR は AWS の認証情報からレジストリ用のパスワードを発行します。
//
// 1. ECR の API `GetAuthorizationToken` を呼ぶと、`AWS:パスワード` を Base64 にしたトークンが返ります。有効期限は 12 時間です。
// 2. ユーザー名 `AWS` とそのパスワードで、レジストリにログインします。
//
// AWS CLI と Docker では、次のように 1 行で書きます。`get-login-password` はパスワードの部分だけを出力し、それをパイプで `docker login` の標準入力に渡します。
//
// ```
// aws ecr get-login-password --region ap-northeast-1 \
//   | docker login --username AWS --password-stdin 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com
// ```
//
// パスワードを画面やログに出したり、コマンドの引数に直接書いたりしてはいけません。引数はシェルの履歴やプロセスの一覧に残るからです。`--password-stdin` で渡すのはそのためです。
//
// ## プッシュの流れ
//
// プッシュは、次の順に進みます。
//
// 1. **blob を送る**: レイヤーと設定（どちらも「blob」と呼ばれます）を 1 つずつ送ります。送る前に、そのダイジェストの blob がリポジトリにすでにあるかを問い合わせ（`HEAD`）、あれば送りません。`docker push` が `Layer already exists` と表示するのはこのときです。
// 2. **マニフェストを登録する**: 最後に、blob を並べたマニフェストを、タグを付けて送ります（`PUT /v2/リポジトリ名/manifests/タグ`）。レジストリはマニフェストの SHA-256 を計算し、それがイメージのダイジェストになります。
//
// マニフェストが参照する blob は、先にそろっていなければなりません。だから blob が先で、マニフェストが最後です。
//
// ![ECR へのプッシュ: GetAuthorizationToken でログインし、blob を送ってから、マニフェストをタグ付きで登録する](../images/ecr-push.svg)

// ## セットアップ
//
// AWS モードでは、本物の Amazon ECR にプッシュします。ECR に保存したイメージには、ストレージの料金がかかります。

// ── セル 1（セットアップ） ──
// ノートブックではこのセルが notebooks/setup.csx でヘルパーライブラリをビルドし、読み込みます。
// このアプリでは、ファイルの先頭の `#:project` が同じライブラリを参照し、`dotnet run` がいっしょにビルドします。

// ── セル 2 ──
var workshop = await Workshop.StartAsync("02-ecr");
Console.WriteLine(workshop);

// ## ステップ 1: リポジトリを作る
//
// `sample-web` という名前のリポジトリを作ります。`aws ecr create-repository --repository-name sample-web` に当たります。

// ── セル 3 ──
var repository = await workshop.CreateRepositoryAsync("sample-web");
display(repository);

// ### 結果の見どころ
//
// - **URI**（`repositoryUri`）: イメージの名前の前半になる部分です。シミュレーターでは `localhost:ポート番号/sample-web` の形で、ホスト名の部分がシミュレーターのアドレスです（シミュレーターは、API とレジストリを同じポートで受け付けています）。AWS では `アカウントID.dkr.ecr.リージョン.amazonaws.com/sample-web` です。
// - **ARN**: `arn:aws:ecr:リージョン:アカウントID:repository/sample-web` の形です。IAM のポリシーでリポジトリを指すときに使います。
// - **タグの付け替え**（`imageTagMutability`）: 既定の `MUTABLE`（できる）は、同じタグを別のイメージに付け替えられる設定です。
// - **イメージ数** は、まだ 0 です。
// - 結果には、同じことをする AWS CLI のコマンドも表示されています。シミュレーターに向けて実行できるよう、`--endpoint-url` が付いています。
//
// ## ステップ 2: イメージをもう一度ビルドする
//
// ノートブックはレッスンごとに別々に動くので、レッスン 01 で作ったイメージ（`image` 変数）はこのノートブックにはありません。同じディレクトリからもう一度ビルドします。

// ── セル 4 ──
var image = await workshop.BuildImageAsync("../samples/web", "sample-web", "v1");
display(image);

// ### 結果の見どころ
//
// - レッスン 01 と同じ方法（Docker か、ワークショップのビルダー）でビルドしています。
// - **イメージ ID** を、レッスン 01 の結果と見比べてください。同じ値のはずです。ワークショップのビルダーは日時や並び順を固定しているので、同じ内容からは同じイメージができ、**ダイジェスト** も同じです。Docker は前のビルドのキャッシュを使うので、同じイメージ ID になります。つまり、これはレッスン 01 のイメージと「同じもの」です。
// - Docker でビルドしたときは、ダイジェストが「プッシュで決まります」となっています。次のステップで決まります。
//
// ## ステップ 3: プッシュする
//
// ビルドしたイメージを、リポジトリ `sample-web` にタグ `v1` でプッシュします。`PushImageAsync` は、次のことを順に行います。
//
// 1. `GetAuthorizationToken` でユーザー名とパスワードを受け取る（`aws ecr get-login-password` に当たります）
// 2. そのパスワードでレジストリにログインし（`docker login`）、blob を送り、マニフェストをタグ `v1` で登録する（`docker push`）
//
// Docker でビルドしたイメージは、Docker エンジンが本当に `docker login` と `docker push` をします（エンジンの API に、ECR のパスワードをレジストリの認証情報として渡します）。自分のターミナルでやるなら、次のとおりです（`URI` はステップ 1 のリポジトリ URI です）。
//
// ```sh
// aws ecr get-login-password --region ap-northeast-1 | docker login --username AWS --password-stdin URI のホスト名部分
// docker tag sample-web:v1 URI:v1
// docker push URI:v1
// ```
//
// ワークショップのビルダーで作ったイメージは、ヘルパーライブラリが同じプロトコルで自分でプッシュします。

// ── セル 5 ──
var pushed = await workshop.PushImageAsync(image.Value);
display(pushed);

// ### 結果の見どころ
//
// - **タイトル** に、プッシュ先の `URI:v1` が出ています。
// - **イメージ** の表に、プッシュしたイメージが 1 行あります。タグは `v1` で、ダイジェスト（`imageDigest`）が記録されています。ワークショップのビルダーなら、ステップ 2 のビルド結果と同じ値です。Docker なら、`docker push` が作ったマニフェストのダイジェストで、注記にある `docker push` が報告した値と同じです。
// - **プッシュ日時**（`imagePushedAt`）と **サイズ**（`imageSizeInBytes`）も記録されています。サイズは ECR が保管している blob の大きさで、ビルド結果の「サイズ (バイト)」（マニフェストも含めた合計）とは数え方が違うので、少し小さな値になります。
// - 注記に、何をアップロードしたかが出ています。初めてのプッシュなので、どのレイヤーも送りました（Docker では `Pushed` と表示されます）。
// - 表示されている AWS CLI のコマンドは `aws ecr get-login-password` です。注記にあるとおり、このあと `docker login` と `docker push` を実行するのと同じことをしています。
//
// 手元のイメージのダイジェスト（Docker なら、プッシュで決まった値）と ECR のダイジェストが同じであることを、コードでも確かめておきます。

// ── セル 6 ──
var pushedImage = pushed.Value.Images.Single(i => i.Tags.Contains("v1"));
Console.WriteLine($"手元のイメージ: {image.Value.Digest}");
Console.WriteLine($"ECR のイメージ: {pushedImage.Digest}");
Console.WriteLine(pushedImage.Digest == image.Value.Digest
    ? "✓ ECR に記録されたダイジェストは、ビルドしたイメージのダイジェストと同じです"
    : "✗ ダイジェストが違います");

// ## ログインのトークンを見てみる
//
// `PushImageAsync` の中で行っているログインを、ヘルパーライブラリの ECR クライアント（`workshop.Aws.Ecr`）で直接やってみます。`GetRegistryLoginAsync` は `GetAuthorizationToken` を呼び、トークンをユーザー名とパスワードに分けて返します。
//
// パスワードは **表示しません**。ここでは長さだけを表示します。

// ── セル 7 ──
var login = await workshop.Aws.Ecr.GetRegistryLoginAsync();
Console.WriteLine($"ユーザー名: {login.UserName}");
Console.WriteLine($"パスワード: （{login.Password.Length} 文字。表示しません）");
Console.WriteLine($"レジストリ: {login.ProxyEndpoint}");
Console.WriteLine($"有効期限までの時間: およそ {(login.ExpiresAt!.Value - DateTimeOffset.UtcNow).TotalHours:0} 時間");

// ### 結果の見どころ
//
// - ユーザー名はいつも `AWS` です。
// - 有効期限は 12 時間後です。期限が切れたら、もう一度ログインします。ログインしていない（または期限切れの）ままプッシュすると、レジストリは `UNAUTHORIZED` エラーを返します。
// - `レジストリ`（`proxyEndpoint`）は、ログインする先のアドレスです。AWS では `https://アカウントID.dkr.ecr.リージョン.amazonaws.com` です。
// - ECS のタスクがイメージを取得するときは、タスク実行ロール（レッスン 04）の権限で、ECS が同じ仕組みのログインを自動で行います。
//
// ## ステップ 4: リポジトリの中を確かめる
//
// リポジトリにあるイメージの一覧を、改めて取得します。`aws ecr describe-images --repository-name sample-web` に当たります。

// ── セル 8 ──
var described = await workshop.DescribeRepositoryAsync("sample-web");
display(described);

// ### 結果の見どころ
//
// - イメージは 1 つで、タグは `v1` です。ダイジェスト・サイズ・プッシュ日時は、ステップ 3 の結果と同じです。
// - レッスン 04 では、タスク定義の `image` にこのイメージを書きます。リポジトリ URI にタグを付けたものです。

// ── セル 9 ──
var imageUri = described.Value.Uri + ":v1";
Console.WriteLine($"タスク定義に書くイメージ: {imageUri}");

// ## わざと間違えてみる
//
// ### 同じ名前のリポジトリをもう一度作る
//
// リポジトリ名は、アカウントとリージョンの中で一意です。`sample-web` をもう一度作ろうとすると、ECR は `RepositoryAlreadyExistsException` エラーを返します。ヘルパーが投げる例外（`WorkshopStepException`）を捕捉して（catch して）、日本語の説明を表示します。

// ── セル 10 ──
try
{
    await workshop.CreateRepositoryAsync("sample-web");
}
catch (WorkshopStepException e)
{
    Console.WriteLine($"エラーコード: {e.AwsError?.ErrorCode}");
    display(e.Explanation);
}

// エラーコードは `RepositoryAlreadyExistsException` です。説明のいちばん下に、ECR が返した元のメッセージ（英語）もあります。実害のないエラーなので、既存のリポジトリをそのまま使えます。
//
// ### まだないリポジトリにプッシュする
//
// ECR はプッシュのときにリポジトリを作りません。作っていないリポジトリ `sample-web-typo` にプッシュしようとすると、どうなるでしょうか。

// ── セル 11 ──
try
{
    await workshop.PushImageAsync(image.Value, "sample-web-typo");
}
catch (WorkshopStepException e)
{
    Console.WriteLine($"エラーコード: {e.AwsError?.ErrorCode}");
    display(e.Explanation);
}

// `RepositoryNotFoundException` になりました。名前の書き間違いや、別のリージョンを見ている場合も、同じエラーになります。`docker push` で同じことをすると、ECR は `name unknown`（リポジトリがない）というエラーを返します。どちらの場合も、リポジトリ名を確かめ、なければ `aws ecr create-repository` で作ります。
//
// ## AWS モードでは
//
// - ECR では、保管しているイメージの容量に応じて料金がかかります。このサンプルは小さいですが、使い終わったイメージやリポジトリは残さないようにします。レッスン 09 の `CleanupAsync` は、このワークショップが作ったリポジトリを、中のイメージごと削除します（`aws ecr delete-repository --force` に当たります）。
// - AWS モードでも、ヘルパーライブラリは Docker があれば Docker エンジンで `docker build`、`docker login`、`docker push` をします。手でやるなら、ステップ 3 のコマンドと同じです。
// - リポジトリ URI のホスト名は、シミュレーターのアドレスではなく `アカウントID.dkr.ecr.リージョン.amazonaws.com` になります。
//
// ## 演習
//
// 同じイメージに、2 つ目のタグ `latest` を付けてプッシュします。イメージの中身は同じなので、レイヤーは送り直されず、マニフェストに新しいタグが付くだけのはずです。

// ── セル 12（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 1: 同じイメージ（image.Value）を、タグ "latest" でもプッシュします。
var pushedLatest = await workshop.PushImageAsync(image.Value, tag: "latest");
display(pushedLatest);

display(await workshop.Checks.ImageIsPushedAsync("sample-web", "latest"));
var imagesNow = (await workshop.DescribeRepositoryAsync("sample-web")).Value.Images;
var bothTags = imagesNow.Any(i => i.Digest == image.Value.Digest && i.Tags.Contains("v1") && i.Tags.Contains("latest"));
display(workshop.Check("演習 1: 2 つのタグが 1 つのイメージを指しているか",
    new CheckItem(imagesNow.Length == 1, $"リポジトリのイメージ（ダイジェスト）は {imagesNow.Length} つです",
        "同じ `image.Value` をプッシュしてください。別の内容をプッシュすると、別のダイジェストのイメージが増えます"),
    new CheckItem(bothTags,
        bothTags ? $"タグ `v1` と `latest` が、どちらもダイジェスト {image.Value.Digest} を指しています" : "タグ `v1` と `latest` が、同じイメージを指していません",
        "`await workshop.PushImageAsync(image.Value, tag: \"latest\")` を実行してください")));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 1: 同じイメージ（image.Value）を、タグ "latest" でもプッシュします。
// var pushedLatest = await workshop.PushImageAsync(image.Value, tag: "latest");
// display(pushedLatest);
//
// display(await workshop.Checks.ImageIsPushedAsync("sample-web", "latest"));
// var imagesNow = (await workshop.DescribeRepositoryAsync("sample-web")).Value.Images;
// var bothTags = imagesNow.Any(i => i.Digest == image.Value.Digest && i.Tags.Contains("v1") && i.Tags.Contains("latest"));
// workshop.Check("演習 1: 2 つのタグが 1 つのイメージを指しているか",
//     new CheckItem(imagesNow.Length == 1, $"リポジトリのイメージ（ダイジェスト）は {imagesNow.Length} つです",
//         "同じ `image.Value` をプッシュしてください。別の内容をプッシュすると、別のダイジェストのイメージが増えます"),
//     new CheckItem(bothTags,
//         bothTags ? $"タグ `v1` と `latest` が、どちらもダイジェスト {image.Value.Digest} を指しています" : "タグ `v1` と `latest` が、同じイメージを指していません",
//         "`await workshop.PushImageAsync(image.Value, tag: \"latest\")` を実行してください"))
// ```
//
// </details>
//
// プッシュの結果の注記を読んでください。blob（Docker ならレイヤー）はどれもリポジトリにあったので、アップロードせずにマニフェストだけを登録した、と書かれています。`docker push` は、このとき `Layer already exists` と表示します。ECR の一覧でも、イメージは 1 行のままで、そのタグが `v1` と `latest` の 2 つになっています。タグは、同じダイジェストを指す名前を増やしただけです。
//
// なお、`latest` は「最新」を自動で指す特別なタグではありません。プッシュのときに付けた名前にすぎず、付け替えない限り古いイメージを指したままです。タスク定義では、どのイメージが動くかがはっきりするように、`v1` のような固定のタグかダイジェストを使うのがおすすめです。
//
// ## まとめ
//
// - ECR のリポジトリ URI は `レジストリ/リポジトリ名` で、イメージは `URI:タグ` か `URI@sha256:…` で指定します。リポジトリはプッシュの前に作っておきます。
// - ログインには、`GetAuthorizationToken` が発行するユーザー名 `AWS` と 12 時間有効なパスワードを使います。パスワードは表示せず、`--password-stdin` で渡します。
// - プッシュは、blob（レイヤーと設定）を送ってから、マニフェストをタグ付きで登録します。すでにある blob は送りません。
// - ECR に記録されたダイジェストは、ビルドしたイメージのダイジェストと同じです。タグを増やしても、イメージは 1 つのままです。
//
// ## 次のレッスン
//
// イメージの準備ができました。次は、タスクを動かす場所であるクラスターを作ります: [03. クラスターを作る](03-cluster.ipynb)

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
