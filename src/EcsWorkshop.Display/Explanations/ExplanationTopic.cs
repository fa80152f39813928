namespace EcsWorkshop.Display.Explanations;

/// <summary>The concepts the steps show, each with a short Japanese note (<c>Explanations/&lt;topic&gt;.md</c>).</summary>
public enum ExplanationTopic
{
    /// <summary>クラスター.</summary>
    Cluster,

    /// <summary>タスク定義.</summary>
    TaskDefinition,

    /// <summary>Fargate のタスクサイズ (CPU とメモリの組み合わせ).</summary>
    FargateSizes,

    /// <summary>起動タイプ: Fargate / EC2 / 外部.</summary>
    LaunchTypes,

    /// <summary>ネットワークモード: awsvpc / bridge / host / none.</summary>
    NetworkModes,

    /// <summary>タスクロールとタスク実行ロール.</summary>
    TaskRoles,

    /// <summary>サービス.</summary>
    Service,

    /// <summary>タスクの必要数.</summary>
    DesiredCount,

    /// <summary>デプロイとローリング更新.</summary>
    RollingUpdate,

    /// <summary>デプロイサーキットブレーカー.</summary>
    CircuitBreaker,

    /// <summary>タスクのライフサイクルとステータス.</summary>
    TaskLifecycle,

    /// <summary>ECR リポジトリ.</summary>
    EcrRepository,

    /// <summary>ECR の認証 (レジストリへのログイン).</summary>
    EcrAuthentication,

    /// <summary>ECR へのイメージのプッシュ.</summary>
    EcrPush,

    /// <summary>awslogs ログドライバーと CloudWatch Logs.</summary>
    Awslogs,
}
