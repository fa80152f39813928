using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Sessions;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>Step: create the cluster (<c>aws ecs create-cluster</c>). An existing cluster of that name is returned as is.</summary>
    public Task<StepResult<ClusterView>> CreateClusterAsync(string name = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("クラスターの作成", async () =>
        {
            var response = await _aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name, Tags = Tags.ForEcs() }, cancellationToken).ConfigureAwait(false);
            return _results.Of("クラスターを作成しました", Views.Of(response.Cluster!),
                AwsCliCommand.For("ecs", "create-cluster").With("cluster-name", name),
                "`status` が `ACTIVE` なら使えます。Fargate のクラスターはタスクを動かす「場所の名前」で、サーバー (コンテナインスタンス) は 0 台のままです。",
                ExplanationTopic.Cluster);
        });

    /// <summary>Step: describe a cluster (<c>aws ecs describe-clusters</c>).</summary>
    public Task<StepResult<ClusterView>> DescribeClusterAsync(string name = DefaultCluster, CancellationToken cancellationToken = default) =>
        Step("クラスターの確認", async () =>
        {
            var cluster = await _ecs.FindClusterAsync(name, cancellationToken).ConfigureAwait(false)
                ?? throw Missing("ClusterNotFoundException", "Cluster not found.", "ecs", "DescribeClusters");
            return _results.Of("クラスター", Views.Of(cluster),
                AwsCliCommand.For("ecs", "describe-clusters").With("clusters", name),
                "`runningTasksCount` (実行中のタスク数) と `activeServicesCount` (サービス数) を見てください。", ExplanationTopic.Cluster);
        });

    /// <summary>Step: the Fargate task sizes (which cpu goes with which memory).</summary>
    public StepResult<FargateSizeTable> FargateSizes() =>
        _results.Of("Fargate で使える CPU とメモリ", FargateSizeTable.Standard, null,
            "タスク定義の `cpu` と `memory` は、この表の組み合わせだけが使えます。表にない組み合わせは登録のときに `ClientException` エラーになり、登録は拒否されます。",
            ExplanationTopic.FargateSizes);

    /// <summary>Step: judge a cpu/memory pair against the Fargate sizes before registering.</summary>
    public StepResult<FargateSizeTable> FargateSizes(string cpu, string memory) =>
        _results.Of("Fargate のサイズの判定", FargateSizeTable.Standard.WithRequest(cpu, memory), null,
            "「判定」が OK ならそのままタスク定義に書けます。", ExplanationTopic.FargateSizes);
}
