// 09-cleanup.cs: notebooks/09-cleanup.ipynb から `workshop export-apps` で生成したファイルです。
// 手で直さずに、ノートブックを直してから生成し直してください（dotnet run --project src/EcsWorkshop.Cli -- export-apps）。
// 実行: レッスンの順に、リポジトリのルートで次のように実行します（シミュレーターは動いているものを使い、なければアプリの中で起動します）。
//   dotnet run notebooks/apps/09-cleanup.cs
#:project ../../src/EcsWorkshop/EcsWorkshop.csproj
#:property PublishAot=false

using EcsWorkshop;
using EcsWorkshop.Steps;
using EcsWorkshop.Checks;
using EcsWorkshop.Errors;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Aws;

// ノートブックと同じく、レッスンのフォルダー (このファイルの 1 つ上) を作業フォルダーにします。セルの相対パスはそこから数えます。
Environment.CurrentDirectory = System.IO.Path.GetFullPath(System.IO.Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, ".."));

// # 09. 後片付け
//
// お疲れさまでした。最後に、ここまでのレッスンで作ったものを削除します。シミュレーターでは料金はかかりませんが、AWS モードでは、動いているタスクや ECR に置いたイメージ、CloudWatch Logs のログに料金がかかり続けます。「作ったら消す」までを一つの手順として身につけましょう。
//
// ## このレッスンのゴール
//
// - ECS のリソースを削除する順番と、その順番でなければならない理由を説明できる
// - このセッションが作ったものだけを削除し、何も残っていないことを確かめられる
//
// AWS モードでは、削除したサービスが `INACTIVE` になるまで（`aws ecs wait services-inactive`）数分かかることがあります。

// ── セル 1（セットアップ） ──
// ノートブックではこのセルが notebooks/setup.csx でヘルパーライブラリをビルドし、読み込みます。
// このアプリでは、ファイルの先頭の `#:project` が同じライブラリを参照し、`dotnet run` がいっしょにビルドします。

// ── セル 2 ──
var workshop = await Workshop.StartAsync("09-cleanup");
display(workshop);

// ## 削除する順番
//
// ECS のリソースは、ほかのリソースから使われている間は削除できません。そのため、作ったときとおおむね逆の順番で削除します。
//
// ![後片付けの順番: サービス、単独のタスク、タスク定義、クラスター、ECR リポジトリ、ロググループ](../images/cleanup-order.svg)
//
// 1. **サービス**: タスクの必要数を 0 にしてから削除します（`update-service --desired-count 0`、`delete-service`）。サービスは `DRAINING` を経て `INACTIVE` になり、タスクは止められます。ロードバランサーの後ろのサービスなら、ECS がタスクのターゲットを登録解除してから止めます。
// 2. **ロードバランサー**（レッスン 07）: リスナー（`elbv2 delete-listener`）、ロードバランサー（`elbv2 delete-load-balancer`）、ターゲットグループ（`elbv2 delete-target-group`）の順に削除します。ターゲットグループは、リスナーから使われている間は削除できません（`ResourceInUse`）。最後に、ロードバランサーのために作ったセキュリティグループを削除します（`ec2 delete-security-group`）。セキュリティグループは、ネットワークインターフェイスに使われている間は削除できません（`DependencyViolation`）。AWS では、ロードバランサーを削除した直後はまだ使われていることがあるので、ヘルパーライブラリは削除できるまで繰り返します。
// 3. **単独のタスク**: `run-task` で起動してまだ動いているタスクを止めます（`stop-task`）。
// 4. **タスク定義**: 登録したリビジョンを登録解除します（`deregister-task-definition`）。登録解除したリビジョンは `INACTIVE` になり、新しいタスクやサービスには使えなくなります。リビジョンの番号は再利用されません。
// 5. **クラスター**: サービスが残っていたり、タスクが動いていたりすると、削除できません。サービスと単独のタスクが片付いてから削除します（`delete-cluster`）。
// 6. **ECR リポジトリ**: 中のイメージごと削除します（`delete-repository --force`）。
// 7. **ロググループ**: タスクのログを削除します（`logs delete-log-group`）。
//
// ## 順番を守らないと
//
// シミュレーターで、サービスが残っているクラスターを先に削除しようとしてみます。（AWS モードでは、このセルは何もしません。）

// ── セル 3 ──
if (workshop.Mode == WorkshopMode.Simulator)
{
    try
    {
        await workshop.Aws.Ecs.DeleteClusterAsync(new() { Cluster = "fargate-cluster" });
        Console.WriteLine("クラスターを削除できました。サービスもタスクも残っていなかったようです（レッスン 06 を飛ばしたときなど）。");
    }
    catch (AwsServiceException refused)
    {
        display(WorkshopStepException.FromAws("クラスターの削除", refused));
    }
}

// ### 結果の見どころ
//
// - レッスン 06 のサービスが残っていれば、`ClusterContainsServicesException` エラーになり、削除は拒否されます。サービスを先に削除する必要がある、という意味です。
// - 拒否されたときは、何も削除されていません。
//
// ## このセッションが作ったものを削除する
//
// ヘルパーライブラリの `CleanupAsync` は、上の順番で削除します。削除するのは、このセッションが作ったものだけです。
//
// - ECS のリソース（クラスター、サービス、タスク、タスク定義）とロードバランサー、ターゲットグループは、作ったときに付けたタグ `ecs-workshop:session` で見分けます。
// - ECR リポジトリ、ロググループ、セキュリティグループは、セッションの記録（作ったものの名前や ID）で見分けます。
// - サービスをスケーラブルリソースとして登録していれば（レッスン 08）、サービスより先に登録を解除します（`application-autoscaling deregister-scalable-target`）。スケーリングポリシーと、ポリシーが作ったアラームも一緒に削除されます。
//
// 同じ AWS アカウントにほかの人やほかのシステムが作ったものがあっても、それには手を付けません。

// ── セル 4 ──
var cleanup = await workshop.CleanupAsync();
display(cleanup);

// ### 結果の見どころ
//
// - 削除したサービス、タスク、タスク定義、クラスター、リポジトリ、ロググループ、ロードバランサー、ターゲットグループ、セキュリティグループの名前が並びます。レッスン 07 の `web-alb` と `web-alb-targets`、`web-alb-sg` もあります。レッスン 03 の演習の `practice-cluster` や、レッスン 05 の `sample-fargate-typo` も含まれています。
// - 「AWS CLI で同じことをするには」に、実際に行った操作が順番どおりに並んでいます。AWS CLI だけで後片付けをするときの手順書にもなります。
//
// 最後に、何も残っていないことをセルフチェックで確かめます。

// ── セル 5 ──
display(await workshop.Checks.CleanedUpAsync());

// ## 演習
//
// セルフチェックに頼らず、自分でも確かめてみましょう。`workshop.Aws.Ecs` は ECS の API をそのまま呼べるクライアントです。`ListAllClusterArnsAsync()` で ACTIVE なクラスターの ARN を集めて `clusterArns` に入れ、`fargate-cluster` が含まれていないことを確かめてください（`aws ecs list-clusters` に当たります）。

// ── セル 6（演習） ──
// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。
// 演習 1: ACTIVE なクラスターの一覧に fargate-cluster がないことを確かめます。
List<string>? clusterArns = [];
await foreach (var arn in workshop.Aws.Ecs.ListAllClusterArnsAsync())
{
    clusterArns.Add(arn);
}

display(workshop.Check("演習 1: クラスターの一覧",
    new CheckItem(clusterArns is not null, clusterArns is null ? "一覧をまだ集めていません" : $"ACTIVE なクラスターは {clusterArns.Count} 個です",
        "`await foreach (var arn in workshop.Aws.Ecs.ListAllClusterArnsAsync())` で 1 つずつ加えます"),
    new CheckItem(clusterArns is not null && !clusterArns.Any(arn => arn.EndsWith("/fargate-cluster")), "一覧に fargate-cluster はありません",
        "`CleanupAsync` を実行してから、もう一度集めてください")));

// <details><summary>模範解答</summary>
//
// ```csharp
// // 演習 1: ACTIVE なクラスターの一覧に fargate-cluster がないことを確かめます。
// List<string>? clusterArns = [];
// await foreach (var arn in workshop.Aws.Ecs.ListAllClusterArnsAsync())
// {
//     clusterArns.Add(arn);
// }
//
// workshop.Check("演習 1: クラスターの一覧",
//     new CheckItem(clusterArns is not null, clusterArns is null ? "一覧をまだ集めていません" : $"ACTIVE なクラスターは {clusterArns.Count} 個です",
//         "`await foreach (var arn in workshop.Aws.Ecs.ListAllClusterArnsAsync())` で 1 つずつ加えます"),
//     new CheckItem(clusterArns is not null && !clusterArns.Any(arn => arn.EndsWith("/fargate-cluster")), "一覧に fargate-cluster はありません",
//         "`CleanupAsync` を実行してから、もう一度集めてください"))
// ```
//
// 削除したクラスターはしばらくの間 `INACTIVE` として `describe-clusters` に出てきますが、`list-clusters` には出てきません。
//
// </details>

// ## AWS モードで進めた人へ
//
// - `CleanupAsync` が終わったら、AWS マネジメントコンソールの ECS、ECR、CloudWatch Logs、EC2（ロードバランサー、ターゲットグループ、セキュリティグループ）の画面でも、何も残っていないことを確かめてください。
// - ヘルパーライブラリがタスク実行ロール `ecsTaskExecutionRole` を作った場合、このロールは削除しません。ほかの ECS のタスクでも使う共通のロールで、残っていても料金はかかりません。
// - このワークブックは、AWS のアクセスキーやパスワードを画面に表示しません。作業の記録を共有するときも安心です。
//
// ## まとめ
//
// - 削除は、使われている側から順に行います: サービス → ロードバランサー（リスナー → ロードバランサー → ターゲットグループ → セキュリティグループ）→ タスク → タスク定義 → クラスター → リポジトリ → ロググループ。
// - タグで自分のセッションのものだけを選んで消せば、共有のアカウントでも安全に片付けられます。
//
// ## おわりに
//
// これで、コンテナイメージを作ってから、ECS のサービスで動かし、片付けるまでを一通り体験しました。ここから先は、次のテーマに進むとよいでしょう。
//
// - Service Auto Scaling で、負荷に応じてタスクの必要数を自動で変える
// - デプロイサーキットブレーカーや Blue/Green デプロイ（AWS CodeDeploy）で、安全にリリースする
// - Amazon ECS の公式ドキュメント（日本語）: https://docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/
//
// 最初からもう一度試すときは、[00. はじめに](00-setup.ipynb) に戻ってください。

// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。
static void display(object? value) => Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
