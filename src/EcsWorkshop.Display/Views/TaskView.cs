using System.Collections.Immutable;

namespace EcsWorkshop.Display.Views;

/// <summary>A task as a step shows it (from <c>RunTask</c>, <c>StopTask</c> or <c>DescribeTasks</c>).</summary>
public sealed record TaskView
{
    /// <summary>The task id (the last part of the ARN: 32 hex digits).</summary>
    public required string Id { get; init; }

    /// <summary>The task ARN, when known.</summary>
    public string? Arn { get; init; }

    /// <summary>Where the task is in its lifecycle: <c>PROVISIONING</c> … <c>RUNNING</c> … <c>STOPPED</c>.</summary>
    public required string LastStatus { get; init; }

    /// <summary>Where ECS is taking it: <c>RUNNING</c> or <c>STOPPED</c>.</summary>
    public required string DesiredStatus { get; init; }

    /// <summary>The task definition (ARN or <c>family:revision</c>).</summary>
    public string? TaskDefinition { get; init; }

    /// <summary><c>service:NAME</c> for a service's task, <c>family:FAMILY</c> for RunTask's.</summary>
    public string? Group { get; init; }

    /// <summary><c>FARGATE</c>, <c>EC2</c> or <c>EXTERNAL</c>.</summary>
    public string? LaunchType { get; init; }

    /// <summary>The capacity provider the task was placed with (<c>FARGATE</c>, <c>FARGATE_SPOT</c>), or null for a launch type.</summary>
    public string? CapacityProviderName { get; init; }

    /// <summary>Whether ECS Exec (<c>aws ecs execute-command</c>) can open a shell in the task's containers.</summary>
    public bool EnableExecuteCommand { get; init; }

    /// <summary>Task CPU units and memory MiB, as strings.</summary>
    public string? Cpu { get; init; }
    public string? Memory { get; init; }

    /// <summary>The stop code once the task is stopping (<c>EssentialContainerExited</c> …), else null.</summary>
    public string? StopCode { get; init; }

    /// <summary>Why the task stopped, in ECS's words, else null.</summary>
    public string? StoppedReason { get; init; }

    /// <summary>The task's private IPv4 address (awsvpc), or null.</summary>
    public string? PrivateIpv4Address { get; init; }

    /// <summary>The containers of the task.</summary>
    public ImmutableArray<TaskContainerView> Containers { get; init; } = [];

    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? PullStartedAt { get; init; }
    public DateTimeOffset? PullStoppedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? StoppingAt { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>The service the task belongs to (from <see cref="Group"/>), or null.</summary>
    public string? ServiceName => Group is { } g && g.StartsWith("service:", StringComparison.Ordinal) ? g["service:".Length..] : null;

    /// <summary>The last part of an ARN (a task id from a task ARN); the text itself when it is not an ARN.</summary>
    public static string IdFromArn(string arn) => Facts.Arns.Arn.NameOf(arn);
}

/// <summary>A container of a running or stopped task.</summary>
public sealed record TaskContainerView
{
    /// <summary>The container name.</summary>
    public required string Name { get; init; }

    /// <summary><c>PENDING</c>, <c>RUNNING</c> or <c>STOPPED</c>.</summary>
    public required string LastStatus { get; init; }

    /// <summary>The image reference from the task definition.</summary>
    public string? Image { get; init; }

    /// <summary>The digest the image resolved to (<c>sha256:…</c>), once pulled.</summary>
    public string? ImageDigest { get; init; }

    /// <summary>The exit code once the container stopped.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Why the container stopped or could not start (<c>CannotPullContainerError: …</c>).</summary>
    public string? Reason { get; init; }

    /// <summary><c>HEALTHY</c>, <c>UNHEALTHY</c> or <c>UNKNOWN</c>.</summary>
    public string? HealthStatus { get; init; }
}
