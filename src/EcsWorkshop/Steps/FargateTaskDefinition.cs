using System.Collections.Immutable;

namespace EcsWorkshop.Steps;

/// <summary>
/// The hands-on's Fargate task definition: one container, awsvpc, task-level cpu and memory.
/// <code>new FargateTaskDefinition { Family = "sample-fargate", Image = "httpd:2.4" }</code>
/// </summary>
public sealed record FargateTaskDefinition
{
    /// <summary>The family (<c>sample-fargate</c>); each registration makes a new revision of it.</summary>
    public required string Family { get; init; }

    /// <summary>The container image (<c>httpd:2.4</c>, or a pushed ECR image URI).</summary>
    public required string Image { get; init; }

    /// <summary>The container's name; the family's name when null.</summary>
    public string? ContainerName { get; init; }

    /// <summary>Task CPU units (<c>256</c> = 0.25 vCPU).</summary>
    public string Cpu { get; init; } = "256";

    /// <summary>Task memory in MiB (<c>512</c>).</summary>
    public string Memory { get; init; } = "512";

    /// <summary>The container port (awsvpc: host port = container port); null for none.</summary>
    public int? Port { get; init; } = 80;

    /// <summary>Environment variables of the container.</summary>
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// The container's command (<c>command</c>), replacing the image's <c>CMD</c>; null keeps the image's. For example
    /// <c>["sh", "-c", "echo starting; sleep 20; exit 1"]</c> makes a container that fails after 20 seconds.
    /// </summary>
    public ImmutableArray<string>? Command { get; init; }

    /// <summary>The same definition with <see cref="Command"/> set.</summary>
    public FargateTaskDefinition WithCommand(params string[] command) => this with { Command = [.. command] };

    /// <summary>Send the container's output to CloudWatch Logs (awslogs); the log group is created if missing.</summary>
    public bool AwsLogs { get; init; } = true;

    /// <summary>The log group; <c>/ecs/FAMILY</c> when null.</summary>
    public string? LogGroup { get; init; }

    /// <summary>The execution role; null = the simulator's, or <c>ecsTaskExecutionRole</c> ensured in AWS mode.</summary>
    public string? ExecutionRoleArn { get; init; }

    /// <summary>The task role (the application's permissions), or null.</summary>
    public string? TaskRoleArn { get; init; }

    /// <summary>The same definition with one more environment variable (or a new value for it).</summary>
    public FargateTaskDefinition WithEnvironment(string name, string value) => this with { Environment = Environment.SetItem(name, value) };

    /// <summary>The container's name as registered.</summary>
    public string EffectiveContainerName => ContainerName ?? Family;

    /// <summary>The log group as registered.</summary>
    public string EffectiveLogGroup => LogGroup ?? $"/ecs/{Family}";
}
