// 03-cluster.cs: notebooks/03-cluster.ipynb から `workshop export-apps` で生成したファイルです。
// 手で直さずに、ノートブックを直してから生成し直してください（dotnet run --project src/EcsWorkshop.Cli -- export-apps）。
// 実行: レッスンの順に、リポジトリのルートで次のように実行します（シミュレーターは動いているものを使い、なければアプリの中で起動します）。
//   dotnet run notebooks/apps/03-cluster.cs
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

// # 03. クラスターを作る
//
// ここからは ECS そのものの部品を作っていきます。最初の部品は **クラスター** です。
//
// ## このレッスンのゴール
//
// - クラスターが ECS の中でどんな役割を持つのかを説明できる
// - ヘルパーライブラリ（と同じ意味の AWS CLI）でクラスターを作り、状態を確かめられる
// - Fargate では、クラスターにサーバーを登録しなくてもタスクが動く理由がわかる
//
// このレッスンは、前のレッスンの結果を使いません。01 と 02 を飛ばして来た場合も、そのまま進められます。

// ## クラスターとは
//
// クラスターは、サービスとタスクをまとめて置いておく「場所」です。ECS のサービスもタスクも、必ずどれか 1 つのクラスターに属します。
//
// ![クラスターの中に、サービスとタスクが入る。タスクはタスク定義から作られ、1 つ以上のコンテナを持つ](../images/ecs-building-blocks.svg)
//
// 図のように、部品は入れ子になっています。
//
// - **クラスター** (`fargate-cluster`): サービスとタスクの入れ物。このレッスンで作ります。
// - **タスク定義** (`sample-fargate`): タスクの設計図。どのイメージを、どれだけの CPU とメモリで動かすかを書きます（レッスン 04）。クラスターの外にあり、どのクラスターからでも使えます。
// - **タスク**: タスク定義から作られた、実際に動く単位。1 つ以上のコンテナを持ちます（レッスン 05）。
// - **サービス** (`fargate-service`): 決めた数のタスクを動かし続ける係（レッスン 06）。
//
// ### サーバーはどこにあるのか
//
// 起動タイプが EC2 のときは、自分で用意した EC2 インスタンスを「コンテナインスタンス」としてクラスターに登録し、その上でタスクを動かします。インスタンスの台数や OS の更新も自分の仕事です。
//
// このワークショップで使う **Fargate** では、タスクを動かすサーバーを AWS が用意します。クラスターに何も登録しなくても、タスクを起動すればその分の計算資源が割り当てられます。そのため、Fargate だけで使うクラスターは「名前の付いた入れ物」と考えてかまいません。クラスター自体には料金もかかりません（料金がかかるのは、動いているタスクです）。

// ── セル 1（セットアップ） ──
// ノートブックではこのセルが notebooks/setup.csx でヘルパーライブラリをビルドし、読み込みます。
// このアプリでは、ファイルの先頭の `#:project` が同じライブラリを参照し、`dotnet run` がいっしょにビルドします。

// 次のセルでワークショップのセッションを始めます。シミュレーターを見つけてつながり、どこにつながったかを表示します。

// ── セル 2 ──
var workshop = await Workshop.StartAsync("03-cluster");
display(workshop);

// ## クラスターを作る
//
// ハンズオンでは、次の AWS CLI のコマンドでクラスターを作ります。
//
// ```sh
// aws ecs create-cluster --cluster-name fargate-cluster
// ```
//
// このワークブックでは、同じことをヘルパーライブラリの `CreateClusterAsync` で行います。結果には、同じ操作をする AWS CLI のコマンドも表示されます（シミュレーターに向けるための `--endpoint-url` 付きです）。

// ── セル 3 ──
var created = await workshop.CreateClusterAsync("fargate-cluster");
display(created);

// ### 結果の見どころ
//
// - **ステータス** が `ACTIVE` になっています。使えるクラスターは `ACTIVE`、削除したクラスターは `INACTIVE` になります。
// - **ARN** は `arn:aws:ecs:リージョン:アカウントID:cluster/fargate-cluster` の形です。ARN（Amazon リソースネーム）は AWS のリソースを一意に指す名前で、ほかの操作でクラスター名の代わりに使えます。
// - **実行中のタスク数**、**保留中のタスク数**、**アクティブなサービス数**、**コンテナインスタンス数** は、どれも 0 です。Fargate ではコンテナインスタンスを登録しないので、あとでタスクが動きだしてもインスタンスの数は 0 のままです。
//
// 値は `created.Value` からも取り出せます。

// ── セル 4 ──
Console.WriteLine($"クラスター名: {created.Value.Name}");
Console.WriteLine($"ステータス: {created.Value.Status}");
Console.WriteLine($"ARN: {created.Value.Arn}");

// ## 同じ名前でもう一度作ると
//
// `create-cluster` は、同じ名前のクラスターがすでにあれば、エラーにせずにそのクラスターを返します。何度実行しても結果が同じになる操作を「冪等（べきとう）」といいます。手順書を最初からやり直しても困らないのは、このためです。

// ── セル 5 ──
var again = await workshop.CreateClusterAsync("fargate-cluster");
Console.WriteLine(again.Value.Arn == created.Value.Arn
    ? "同じ ARN のクラスターが返ってきました。新しいクラスターは作られていません。"
    : "別のクラスターができました（想定と違います）。");

// ## 名前の決まりを破ると
//
// クラスター名に使える文字は、英字・数字・ハイフン (`-`)・アンダースコア (`_`) だけで、長さは 1〜255 文字です。空白や記号を入れると、ECS は `InvalidParameterException` エラーを返します。
//
// わざと間違えてみましょう。ヘルパーライブラリは、AWS が返したエラーを日本語で説明します（元の英語のメッセージも残っています）。

// ── セル 6 ──
try
{
    await workshop.CreateClusterAsync("my cluster!");
}
catch (WorkshopStepException mistake)
{
    display(mistake.Explanation);
}

// ### 結果の見どころ
//
// - **コード** が `InvalidParameterException` です。元の英語のメッセージは `… must match ^[a-zA-Z0-9\-_]{1,255}$, but was my cluster!` で、名前がどの規則（正規表現）に合わなかったかを示しています。
// - 拒否されたリクエストでは、何も作られません。AWS でもシミュレーターでも、半分だけ作られることはありません。
//
// ## クラスターの様子を確かめる
//
// `DescribeClusterAsync` は、AWS CLI の `aws ecs describe-clusters` に当たります。クラスターの全体像を図で見ることもできます。まだサービスもタスクもないので、空のクラスターが描かれます。

// ── セル 7 ──
display(await workshop.DescribeClusterAsync("fargate-cluster"));

// ── セル 8 ──
display(await workshop.ClusterPictureAsync("fargate-cluster"));

// ### 結果の見どころ
//
// - 作った直後と同じく `ACTIVE` で、中身は空です。次のレッスンからサービスやタスクが加わると、この図が埋まっていきます。
//
// ## 演習
//
// ### 演習 1: クラスター名の規則を予想する
//
// クラスター名に使えるのは、英字・数字・ハイフン (`-`)・アンダースコア (`_`) だけで、長さは 1〜255 文字です。次の 4 つの名前で `create-cluster` を実行すると、それぞれ作れる（`true`）でしょうか、`InvalidParameterException` になる（`false`）でしょうか。予想を書いてから実行してください。セルは、4 つの名前で実際にクラスターを作ってみて、予想と比べます。
//
// 書くのは、`null` を `true` か `false` に変える 4 か所だけです。
//
// ```csharp
// ["名前"] = true,  // 作れる
// ["名前"] = false, // InvalidParameterException になる
// ```
//
// ここで作れたクラスターも、最後のレッスン（09）の後片付けで削除されます。

// ── セル 9（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 1: 4 つの名前が作れるか（true）、エラーになるか（false）を予想します。
var predictions = new Dictionary<string, bool?>
{
    ["practice-cluster"] = true,
    ["Practice_Cluster_2"] = true,
    ["practice.cluster"] = false,
    ["練習クラスター"] = false,
};

// ここから下は、実際に作ってみて予想と比べる部分です（書き換えなくてかまいません）。
var reasons = new Dictionary<string, string>
{
    ["practice-cluster"] = "英小文字とハイフンだけなので、規則に合います。",
    ["Practice_Cluster_2"] = "大文字・アンダースコア・数字も使えます。規則に合います。",
    ["practice.cluster"] = "ピリオド (`.`) は使えない文字です。`^[a-zA-Z0-9\\-_]{1,255}$` に合わないので `InvalidParameterException` になります。",
    ["練習クラスター"] = "日本語などの英数字以外の文字は使えません。`InvalidParameterException` になります。",
};
var results = new List<CheckItem>();
foreach (var (name, predicted) in predictions)
{
    bool accepted;
    try
    {
        await workshop.CreateClusterAsync(name);
        accepted = true;
    }
    catch (WorkshopStepException e) when (e.AwsError?.ErrorCode == "InvalidParameterException")
    {
        accepted = false;
    }
    var guess = predicted is null ? "未回答" : predicted.Value ? "作れる" : "エラー";
    results.Add(new CheckItem(predicted == accepted, $"`{name}`: 予想 {guess} / 実際 {(accepted ? "作れた" : "InvalidParameterException")}", reasons[name]));
}
display(workshop.Check("演習 1: クラスター名の規則", [.. results]));
display(await workshop.Checks.ClusterExistsAsync("practice-cluster"));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 1: 4 つの名前が作れるか（true）、エラーになるか（false）を予想します。
// var predictions = new Dictionary<string, bool?>
// {
//     ["practice-cluster"] = true,
//     ["Practice_Cluster_2"] = true,
//     ["practice.cluster"] = false,
//     ["練習クラスター"] = false,
// };
//
// // ここから下は、実際に作ってみて予想と比べる部分です（書き換えなくてかまいません）。
// var reasons = new Dictionary<string, string>
// {
//     ["practice-cluster"] = "英小文字とハイフンだけなので、規則に合います。",
//     ["Practice_Cluster_2"] = "大文字・アンダースコア・数字も使えます。規則に合います。",
//     ["practice.cluster"] = "ピリオド (`.`) は使えない文字です。`^[a-zA-Z0-9\\-_]{1,255}$` に合わないので `InvalidParameterException` になります。",
//     ["練習クラスター"] = "日本語などの英数字以外の文字は使えません。`InvalidParameterException` になります。",
// };
// var results = new List<CheckItem>();
// foreach (var (name, predicted) in predictions)
// {
//     bool accepted;
//     try
//     {
//         await workshop.CreateClusterAsync(name);
//         accepted = true;
//     }
//     catch (WorkshopStepException e) when (e.AwsError?.ErrorCode == "InvalidParameterException")
//     {
//         accepted = false;
//     }
//     var guess = predicted is null ? "未回答" : predicted.Value ? "作れる" : "エラー";
//     results.Add(new CheckItem(predicted == accepted, $"`{name}`: 予想 {guess} / 実際 {(accepted ? "作れた" : "InvalidParameterException")}", reasons[name]));
// }
// display(workshop.Check("演習 1: クラスター名の規則", [.. results]));
// await workshop.Checks.ClusterExistsAsync("practice-cluster")
// ```
//
// AWS CLI なら `aws ecs create-cluster --cluster-name practice-cluster` です。エラーになった 2 つの名前では、何も作られていません。
//
// </details>

// ## まとめ
//
// - クラスターは、サービスとタスクを入れておく場所です。Fargate ではサーバーを登録する必要がありません。
// - `create-cluster` は冪等で、同じ名前ならすでにあるクラスターを返します。
// - 名前の規則に合わないリクエストは、何も作られずに `InvalidParameterException` エラーになります。
//
// ## 次のレッスン
//
// クラスターの中で動かすタスクの設計図を作ります: [04. タスク定義を登録する](04-task-definition.ipynb)

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
