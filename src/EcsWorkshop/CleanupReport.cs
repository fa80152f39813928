using System.Collections.Immutable;

namespace EcsWorkshop;

/// <summary>What <see cref="Workshop.CleanupAsync"/> deleted, and the AWS CLI commands that do the same.</summary>
public sealed record CleanupReport
{
    /// <summary>The session whose resources were deleted.</summary>
    public required string SessionId { get; init; }

    /// <summary>Services deleted, as <c>CLUSTER/NAME</c>.</summary>
    public ImmutableArray<string> Services { get; init; } = [];

    /// <summary>Standalone tasks stopped (ids).</summary>
    public ImmutableArray<string> Tasks { get; init; } = [];

    /// <summary>Task definitions deregistered (<c>family:rev</c>).</summary>
    public ImmutableArray<string> TaskDefinitions { get; init; } = [];

    /// <summary>Clusters deleted.</summary>
    public ImmutableArray<string> Clusters { get; init; } = [];

    /// <summary>ECR repositories deleted (with their images).</summary>
    public ImmutableArray<string> Repositories { get; init; } = [];

    /// <summary>Log groups deleted.</summary>
    public ImmutableArray<string> LogGroups { get; init; } = [];

    /// <summary>Load balancers deleted (with their listeners).</summary>
    public ImmutableArray<string> LoadBalancers { get; init; } = [];

    /// <summary>Target groups deleted.</summary>
    public ImmutableArray<string> TargetGroups { get; init; } = [];

    /// <summary>Security groups deleted (the load balancers' own).</summary>
    public ImmutableArray<string> SecurityGroups { get; init; } = [];

    /// <summary>The AWS CLI commands that do the same, in order.</summary>
    public ImmutableArray<string> Commands { get; init; } = [];
}
