using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Checks;

/// <summary>
/// Self-checks a learner runs after a step: each looks at the real state (simulator or AWS) and says, in Japanese,
/// what is right and what is missing with the fix.
/// </summary>
public sealed class WorkshopChecks
{
    private readonly Workshop _workshop;

    internal WorkshopChecks(Workshop workshop) => _workshop = workshop;

    /// <summary>Is the cluster there and ACTIVE?</summary>
    public Task<CheckResult> ClusterExistsAsync(string name = Workshop.DefaultCluster, CancellationToken cancellationToken = default) =>
        Reported("ClusterExists", LookClusterExistsAsync(name, cancellationToken));

    private async Task<CheckResult> LookClusterExistsAsync(string name, CancellationToken cancellationToken)
    {
        var cluster = await _workshop.Lookups.FindClusterAsync(name, cancellationToken).ConfigureAwait(false);
        return new CheckResult($"クラスター {name}",
        [
            cluster is not null
                ? new CheckItem(true, $"クラスター `{name}` があり、`ACTIVE` です")
                : new CheckItem(false, $"クラスター `{name}` がありません", $"`await workshop.CreateClusterAsync(\"{name}\")` (または `aws ecs create-cluster --cluster-name {name}`) で作ってください"),
        ]);
    }

    /// <summary>Can the family's latest revision run on Fargate (compatibility, awsvpc, a valid size, execution role, awslogs)?</summary>
    public Task<CheckResult> TaskDefinitionIsFargateReadyAsync(string family, CancellationToken cancellationToken = default) =>
        Reported("TaskDefinitionIsFargateReady", LookTaskDefinitionIsFargateReadyAsync(family, cancellationToken));

    private async Task<CheckResult> LookTaskDefinitionIsFargateReadyAsync(string family, CancellationToken cancellationToken)
    {
        var title = $"タスク定義 {family} は Fargate で動かせるか";
        TaskDefinition definition;
        try
        {
            definition = (await _workshop.Aws.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = family }, cancellationToken).ConfigureAwait(false)).TaskDefinition!;
        }
        catch (AwsServiceException e) when (e.ErrorCode is "ClientException" or "InvalidParameterException")
        {
            return new CheckResult(title, [new CheckItem(false, $"タスク定義 `{family}` が登録されていません", "`await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { … })` で登録してください")]);
        }
        var items = new List<CheckItem>
        {
            new(true, $"`{definition.Family}:{definition.Revision}` が登録されています"),
            (definition.RequiresCompatibilities ?? []).Contains(Compatibilities.Fargate)
                ? new(true, "`requiresCompatibilities` に `FARGATE` があります")
                : new(false, "`requiresCompatibilities` に `FARGATE` がありません", "`requiresCompatibilities: [\"FARGATE\"]` にして新しいリビジョンを登録してください"),
            definition.NetworkMode == NetworkModes.Awsvpc
                ? new(true, "ネットワークモードは `awsvpc` です")
                : new(false, $"ネットワークモードが `{definition.NetworkMode ?? "(なし)"}` です", "Fargate では `networkMode` を `awsvpc` にします"),
        };
        if (definition.Cpu is { } cpu && definition.Memory is { } memory)
        {
            var judged = FargateSizeTable.Standard.WithRequest(cpu, memory).Request!;
            items.Add(judged.IsValid
                ? new(true, $"cpu `{cpu}` と memory `{memory}` は Fargate の組み合わせです")
                : new(false, judged.Reason.ToString(), judged.Suggestion.ToString()));
        }
        else
        {
            items.Add(new(false, "タスクレベルの `cpu` と `memory` がありません", "Fargate ではタスク定義に `cpu` と `memory` を書きます (例: `256` と `512`)"));
        }
        items.Add(definition.ExecutionRoleArn is { } role
            ? new(true, $"タスク実行ロール `{role}` があります")
            : new(false, "タスク実行ロール (`executionRoleArn`) がありません", "ECR のイメージや awslogs を使うには `ecsTaskExecutionRole` を指定します"));
        foreach (var container in definition.ContainerDefinitions ?? [])
        {
            var log = container.LogConfiguration;
            items.Add(log?.LogDriver != LogDrivers.AwsLogs
                ? new(false, $"コンテナ `{container.Name}` のログが CloudWatch Logs に送られません", "`logConfiguration` に `awslogs` (グループとストリームプレフィックス) を指定してください")
                : Views.Option(log, "awslogs-stream-prefix") is null
                    ? new(false, $"コンテナ `{container.Name}` の awslogs に `awslogs-stream-prefix` がありません", "Fargate では `awslogs-stream-prefix` が必須です (例: `ecs`)")
                    : new(true, $"コンテナ `{container.Name}` のログは `{Views.Option(log, "awslogs-group")}` に送られます"));
        }
        return new CheckResult(title, [.. items]);
    }

    /// <summary>Is the service ACTIVE, on one deployment, with every desired task running?</summary>
    public Task<CheckResult> ServiceIsSteadyAsync(string service, string cluster = Workshop.DefaultCluster, CancellationToken cancellationToken = default) =>
        Reported("ServiceIsSteady", LookServiceIsSteadyAsync(service, cluster, cancellationToken));

    private async Task<CheckResult> LookServiceIsSteadyAsync(string service, string cluster, CancellationToken cancellationToken)
    {
        var title = $"サービス {service} は定常状態か";
        var found = (await _workshop.Aws.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [service] }, cancellationToken).ConfigureAwait(false))
            .Services?.FirstOrDefault(s => s.Status == "ACTIVE");
        if (found is null)
            return new CheckResult(title, [new CheckItem(false, $"クラスター `{cluster}` にサービス `{service}` がありません", "`await workshop.CreateServiceAsync(…)` で作ってください")]);
        var view = Views.Of(found);
        return new CheckResult(title,
        [
            new(true, $"サービス `{service}` は `ACTIVE` です"),
            view.DesiredCount > 0
                ? new(true, $"タスクの必要数は {view.DesiredCount} です")
                : new(false, "タスクの必要数が 0 です", "`await workshop.ScaleAsync(\"" + service + "\", 1)` で 1 以上にしてください"),
            view.RunningCount == view.DesiredCount && view.PendingCount == 0
                ? new(true, $"実行中のタスクは {view.RunningCount} で、タスクの必要数と同じです")
                : new(false, $"実行中 {view.RunningCount} / 希望 {view.DesiredCount} (起動中 {view.PendingCount}) です", "少し待ってから `WaitForSteadyStateAsync` で待つか、止まったタスクの理由を `ListTasksAsync(stopped: true)` で確認してください"),
            view.Deployments.Length == 1
                ? new(true, "デプロイは 1 つ (`PRIMARY`) だけです")
                : new(false, $"デプロイが {view.Deployments.Length} つあります (入れ替えの途中)", "ローリング更新が終わるまで待ってください"),
        ]);
    }

    /// <summary>Is the repository there, with an image of that tag?</summary>
    public Task<CheckResult> ImageIsPushedAsync(string repository, string tag = "latest", CancellationToken cancellationToken = default) =>
        Reported("ImageIsPushed", LookImageIsPushedAsync(repository, tag, cancellationToken));

    private async Task<CheckResult> LookImageIsPushedAsync(string repository, string tag, CancellationToken cancellationToken)
    {
        var title = $"イメージ {repository}:{tag} はプッシュされているか";
        try
        {
            await _workshop.Aws.Ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [repository] }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "RepositoryNotFoundException")
        {
            return new CheckResult(title, [new CheckItem(false, $"リポジトリ `{repository}` がありません", $"`await workshop.CreateRepositoryAsync(\"{repository}\")` で作ってください")]);
        }
        try
        {
            var images = await _workshop.Aws.Ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = repository, ImageIds = [new ImageIdentifier { ImageTag = tag }] }, cancellationToken).ConfigureAwait(false);
            var digest = images.ImageDetails?.FirstOrDefault()?.ImageDigest;
            return new CheckResult(title, [new(true, $"リポジトリ `{repository}` があります"), new(true, $"タグ `{tag}` のイメージがあります ({digest})")]);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ImageNotFoundException")
        {
            return new CheckResult(title,
            [
                new(true, $"リポジトリ `{repository}` があります"),
                new(false, $"タグ `{tag}` のイメージがありません", "`BuildImageAsync` でビルドし、`PushImageAsync` でプッシュしてください"),
            ]);
        }
    }

    /// <summary>Is everything this session created gone (services, task definitions, clusters, repositories, log groups, load balancers)?</summary>
    public Task<CheckResult> CleanedUpAsync(CancellationToken cancellationToken = default) =>
        Reported("CleanedUp", LookCleanedUpAsync(cancellationToken));

    private async Task<CheckResult> LookCleanedUpAsync(CancellationToken cancellationToken)
    {
        var left = await _workshop.Inventory.FindAsync(cancellationToken).ConfigureAwait(false);
        var fix = "`await workshop.CleanupAsync()` で削除してください";
        return new CheckResult("このセッションが作ったものは削除されたか",
        [
            Item("サービス", left.Services, fix),
            Item("タスク定義 (ACTIVE)", left.TaskDefinitions, fix),
            Item("クラスター", left.Clusters, fix),
            Item("ECR リポジトリ", left.Repositories, fix),
            Item("ロググループ", left.LogGroups, fix),
            Item("ロードバランサー", [.. left.LoadBalancers.Select(l => l.LoadBalancerName ?? "")], fix),
            Item("ターゲットグループ", [.. left.TargetGroups.Select(g => g.TargetGroupName ?? "")], fix),
            Item("セキュリティグループ", left.SecurityGroups, fix),
        ]);

        static CheckItem Item(string kind, IReadOnlyList<string> names, string fix) => names.Count == 0
            ? new CheckItem(true, $"{kind}: 残っていません")
            : new CheckItem(false, $"{kind}: {string.Join("、", names.Select(n => $"`{n}`"))} が残っています", fix);
    }

    /// <summary>
    /// Does the target group have <paramref name="count"/> targets, every one <c>healthy</c>? A target still in
    /// <c>initial</c>, one that is <c>unhealthy</c> and one that is <c>draining</c> are each explained.
    /// </summary>
    public Task<CheckResult> TargetsAreHealthyAsync(string targetGroup, int count, string cluster = Workshop.DefaultCluster, CancellationToken cancellationToken = default) =>
        Reported("TargetsAreHealthy", LookTargetsAreHealthyAsync(targetGroup, count, cluster, cancellationToken));

    private async Task<CheckResult> LookTargetsAreHealthyAsync(string targetGroup, int count, string cluster, CancellationToken cancellationToken)
    {
        var view = (await _workshop.DescribeTargetHealthAsync(targetGroup, cluster, cancellationToken).ConfigureAwait(false)).Value;
        var healthy = view.Targets.Count(t => t.State == "healthy");
        var items = new List<CheckItem>
        {
            new(healthy == count, $"正常 (`healthy`) なターゲットは {healthy} 個です (期待は {count} 個)",
                healthy < count ? "タスクの必要数を確かめ、`WatchTargetHealthAsync` でターゲットが `healthy` になるまで待ってください" : "タスクの必要数が多すぎないか確かめてください"),
        };
        foreach (var target in view.Targets.Where(t => t.State != "healthy"))
            items.Add(new(false, $"ターゲット `{target.Id}` ({target.TaskId ?? "タスク不明"}) は `{target.State}` です: {target.Description}", target.State switch
            {
                "initial" => "登録されたばかりで、初期ヘルスチェックの途中です。少し待ってから、もう一度確かめてください",
                "unhealthy" => "ヘルスチェックのパスにアプリが 200 を返しているか確かめてください。ECS はこのタスクを止めて入れ替えます",
                "draining" => "登録解除の遅延の途中です (止められるタスク)。終わるまで待ってください",
                _ => "`DescribeTargetHealthAsync` で理由コードを確かめてください",
            }));
        return new CheckResult($"ターゲットグループ {view.TargetGroup} のターゲットはすべて正常か", [.. items]);
    }

    /// <summary>Reports the result to the simulator the session talks to (never to AWS), then answers it.</summary>
    private async Task<CheckResult> Reported(string check, Task<CheckResult> checking) =>
        _workshop.Reported(check, await checking.ConfigureAwait(false));
}
