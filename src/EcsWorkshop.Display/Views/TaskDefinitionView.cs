using System.Collections.Immutable;

namespace EcsWorkshop.Display.Views;

/// <summary>A task definition revision as a step shows it.</summary>
public sealed record TaskDefinitionView
{
    /// <summary>The family (the name shared by all revisions).</summary>
    public required string Family { get; init; }

    /// <summary>The revision number (1, 2, …).</summary>
    public required int Revision { get; init; }

    /// <summary>The task definition ARN, when known.</summary>
    public string? Arn { get; init; }

    /// <summary><c>ACTIVE</c>, <c>INACTIVE</c> or <c>DELETE_IN_PROGRESS</c>, when known.</summary>
    public string? Status { get; init; }

    /// <summary>Task-level CPU units as ECS stores them (<c>"256"</c>), or null.</summary>
    public string? Cpu { get; init; }

    /// <summary>Task-level memory in MiB as ECS stores it (<c>"512"</c>), or null.</summary>
    public string? Memory { get; init; }

    /// <summary><c>awsvpc</c>, <c>bridge</c>, <c>host</c> or <c>none</c>; null when not set (bridge on EC2).</summary>
    public string? NetworkMode { get; init; }

    /// <summary>The launch types asked for (<c>requiresCompatibilities</c>).</summary>
    public ImmutableArray<string> RequiresCompatibilities { get; init; } = [];

    /// <summary>The launch types the definition can run on, as ECS worked them out (<c>compatibilities</c>).</summary>
    public ImmutableArray<string> Compatibilities { get; init; } = [];

    /// <summary>The task execution role (the agent's: image pulls, awslogs), or null.</summary>
    public string? ExecutionRoleArn { get; init; }

    /// <summary>The task role (the application's), or null.</summary>
    public string? TaskRoleArn { get; init; }

    /// <summary>The containers, in definition order.</summary>
    public ImmutableArray<ContainerDefinitionView> Containers { get; init; } = [];

    /// <summary><c>family:revision</c>, the short way to name this revision.</summary>
    public string FamilyRevision => $"{Family}:{Revision}";
}

/// <summary>A container of a task definition.</summary>
public sealed record ContainerDefinitionView
{
    /// <summary>The container name.</summary>
    public required string Name { get; init; }

    /// <summary>The image reference.</summary>
    public required string Image { get; init; }

    /// <summary>Whether the task stops when this container stops (default true).</summary>
    public bool Essential { get; init; } = true;

    /// <summary>Container CPU units, or null.</summary>
    public int? Cpu { get; init; }

    /// <summary>Hard memory limit in MiB, or null.</summary>
    public int? Memory { get; init; }

    /// <summary>Soft memory reservation in MiB, or null.</summary>
    public int? MemoryReservation { get; init; }

    /// <summary>The port mappings.</summary>
    public ImmutableArray<PortMappingView> Ports { get; init; } = [];

    /// <summary>The log driver (<c>awslogs</c>), or null when the container has no log configuration.</summary>
    public string? LogDriver { get; init; }

    /// <summary>The <c>awslogs-group</c> option, or null.</summary>
    public string? LogGroup { get; init; }

    /// <summary>The <c>awslogs-stream-prefix</c> option, or null.</summary>
    public string? LogStreamPrefix { get; init; }
}

/// <summary>A port mapping: container port, host port (null when not set) and protocol.</summary>
public sealed record PortMappingView(int ContainerPort, int? HostPort = null, string Protocol = "tcp")
{
    /// <summary><c>80/tcp</c>, or <c>8080→80/tcp</c> when the host port differs.</summary>
    public override string ToString() =>
        HostPort is { } host && host != ContainerPort ? $"{host}→{ContainerPort}/{Protocol}" : $"{ContainerPort}/{Protocol}";
}
