using System.Collections.Immutable;
using EcsWorkshop.Display.Diagrams;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Formatting;

/// <summary>The cards of Elastic Load Balancing: a load balancer with its target group and listener, target health, a fetched page, a traffic run.</summary>
internal static class LoadBalancerCards
{
    /// <summary>The badge of a load balancer state or a target's health state (both lower case on the wire).</summary>
    public static StatusBadge Badge(string? state) => state switch
    {
        "active" => new StatusBadge(state, StatusKind.Good, "アクティブ"),
        "provisioning" => new StatusBadge(state, StatusKind.Progress, "プロビジョニング中"),
        "active_impaired" => new StatusBadge(state, StatusKind.Warning, "一部に障害"),
        "failed" => new StatusBadge(state, StatusKind.Bad, "失敗"),
        "healthy" => new StatusBadge(state, StatusKind.Good, "正常"),
        "initial" => new StatusBadge(state, StatusKind.Progress, "初期ヘルスチェック中"),
        "unhealthy" => new StatusBadge(state, StatusKind.Bad, "異常"),
        "draining" => new StatusBadge(state, StatusKind.Warning, "登録解除中"),
        "unused" => new StatusBadge(state, StatusKind.Neutral, "未使用"),
        "unavailable" => new StatusBadge(state, StatusKind.Neutral, "ヘルスチェック無効"),
        null or "" => new StatusBadge("-", StatusKind.Neutral, null),
        _ => new StatusBadge(state, StatusKind.Neutral, null),
    };

    public static Card Setup(LoadBalancerSetupView setup)
    {
        var lb = setup.LoadBalancer;
        var group = setup.TargetGroup;
        var blocks = new List<Block>
        {
            new HeadingBlock(JapaneseText.From("ロードバランサー (Application Load Balancer)")),
            new FieldsBlock(
            [
                new("名前", Cell.Code(lb.Name)),
                new("状態", Cell.Status(Badge(lb.State))),
                new("DNS 名", Cell.Code(lb.DnsName)),
                new("スキーム", Cell.Code(lb.Scheme)),
                new("VPC", Cell.Code(lb.VpcId)),
                new("サブネット", Cell.List(lb.Zones.Select(z => Cell.Code($"{z.Zone}: {z.SubnetId}")))),
                new("セキュリティグループ", Cell.List(lb.SecurityGroups.Select(g => Cell.Code(g)))),
                new("ARN", Cell.Code(lb.Arn)),
            ]),
            new HeadingBlock(JapaneseText.From("ターゲットグループ")),
            new FieldsBlock([.. TargetGroupFields(group)]),
            new HeadingBlock(JapaneseText.From("リスナー")),
            new FieldsBlock(
            [
                new("プロトコルとポート", Cell.Code($"{setup.Listener.Protocol}:{setup.Listener.Port}")),
                new("デフォルトアクション", Cell.Code($"forward → {group.Name}")),
                new("ARN", Cell.Code(setup.Listener.Arn)),
            ]),
        };
        if (setup.Url is not null)
            blocks.Add(new FieldsBlock([new("開く URL", Cell.Code(setup.Url))]));
        for (var i = 0; i < setup.Steps.Length; i++)
            blocks.Add(new CommandBlock($"AWS CLI で同じことをするには ({i + 1}/{setup.Steps.Length}: {setup.Steps[i].What})", setup.Steps[i].CommandLine));
        return new Card("load-balancer", "ロードバランサー", lb.Name, Badge(lb.State), [.. blocks]);
    }

    public static Card TargetGroup(TargetGroupView group) =>
        new("target-group", "ターゲットグループ", group.Name, null, [new FieldsBlock([.. TargetGroupFields(group)])]);

    private static IEnumerable<Field> TargetGroupFields(TargetGroupView group)
    {
        yield return new("名前", Cell.Code(group.Name));
        yield return new("プロトコルとポート", Cell.Code($"{group.Protocol}:{group.Port}"));
        yield return new("ターゲットの種類", Cell.Code(group.TargetType));
        yield return new("ヘルスチェックのパス", Cell.Code(group.HealthCheckPath));
        yield return new("ヘルスチェックの間隔", Cell.Text(group.HealthCheckIntervalSeconds is { } i ? $"{i} 秒" : null));
        yield return new("タイムアウト", Cell.Text(group.HealthCheckTimeoutSeconds is { } t ? $"{t} 秒" : null));
        yield return new("正常のしきい値 / 非正常のしきい値", Cell.Text(group.HealthyThresholdCount is { } h && group.UnhealthyThresholdCount is { } u ? $"{h} 回 / {u} 回" : null));
        yield return new("成功コード", Cell.Code(group.Matcher));
        yield return new("登録解除の遅延", Cell.Text(group.DeregistrationDelaySeconds is { } d ? $"{d} 秒" : null));
        yield return new("ARN", Cell.Code(group.Arn));
    }

    public static Card TargetHealth(TargetHealthView health)
    {
        var rows = health.Targets.Select(t => new TableRow(
        [
            Cell.Code(t.Port is { } port ? $"{t.Id}:{port}" : t.Id),
            Cell.Code(t.TaskId),
            Cell.Code(t.Zone),
            Cell.Status(Badge(t.State)),
            Cell.Code(t.Reason),
            Cell.Text(t.Description),
        ], Highlight: t.State == "unhealthy"));
        var fields = new List<Field> { new("ターゲットグループ", Cell.Code(health.TargetGroup)), new("まとめ", Cell.Text(health.Summary)) };
        if (health.At is { } at) fields.Add(new("時刻", Cell.Time(at)));
        return new Card("target-health", "ターゲットのヘルス", health.TargetGroup, null,
        [
            new FieldsBlock([.. fields]),
            new TableBlock("ターゲット (DescribeTargetHealth)", ["ターゲット (IP:ポート)", "タスク", "アベイラビリティーゾーン", "状態", "理由コード", "説明"],
                [.. rows], "登録されているターゲットはありません"),
        ]);
    }

    public static Card Page(WebPageView page)
    {
        var fields = new List<Field>
        {
            new("URL", Cell.Code(page.Url)),
            new("HTTP ステータス", Cell.Status(new StatusBadge(page.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                page.StatusCode is >= 200 and < 300 ? StatusKind.Good : StatusKind.Bad, page.ReasonPhrase))),
        };
        if (page.TaskId is not null) fields.Add(new("答えたタスク", Cell.Code(page.TaskId)));
        if (page.AppVersion is not null) fields.Add(new("APP_VERSION", Cell.Code(page.AppVersion)));
        if (page.IsStandIn) fields.Add(new("注意", Cell.Text("シミュレーターの代理ページです (シミュレーションのランタイムではコンテナが動かないため)")));
        var headers = page.Headers.Select(h => new TableRow([Cell.Code(h.Key), Cell.Code(h.Value)]));
        return new Card("page", "ページ", page.Url, null,
        [
            new FieldsBlock([.. fields]),
            new TableBlock("レスポンスヘッダー", ["名前", "値"], [.. headers], "ヘッダーはありません"),
            new OriginalBlock("本文 (テキスト)", page.Text.Length == 0 ? "(空)" : page.Text),
        ]);
    }

    public static Card Traffic(TrafficView traffic)
    {
        var fields = ImmutableArray.Create(
            new Field("URL", Cell.Code(traffic.Url)),
            new Field("リクエスト数", Cell.Number(traffic.Total)),
            new Field("失敗したリクエスト", Cell.Number(traffic.Failures)),
            new Field("答えたバージョン (APP_VERSION)", Cell.List(traffic.Versions.Select(v => Cell.Code(v)))),
            new Field("答えたタスクの数", Cell.Number(traffic.Tasks)));
        return new Card("traffic", "リクエストの記録", null,
            traffic.Failures == 0 ? new StatusBadge("OK", StatusKind.Good, "失敗 0 件") : new StatusBadge("NG", StatusKind.Bad, $"失敗 {traffic.Failures} 件"),
        [
            new FieldsBlock(fields),
            new RenderedBlock($"<div class=\"ecsws-diagram\" style=\"{Theme.StyleFor("ecsws-diagram")}\">{TrafficChart.Render(traffic)}</div>", TrafficChart.Text(traffic)),
        ]);
    }
}
