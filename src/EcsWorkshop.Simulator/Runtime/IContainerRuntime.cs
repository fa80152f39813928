using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Runtime;

/// <summary>
/// What runs the tasks' containers: nothing (the simulated runtime, where the lifecycle runs on the clock alone), or
/// a Docker engine. The ECS domain stays the source of truth; a runtime watches it and reports back.
/// </summary>
public interface IContainerRuntime
{
    ContainerRuntimeKind Kind { get; }

    /// <summary>Where the runtime runs containers (for <c>/_workshop/health</c>), or null.</summary>
    string? Engine { get; }

    /// <summary>The published ports of every running task.</summary>
    IReadOnlyList<TaskEndpoint> Endpoints();

    /// <summary>Runs <paramref name="command"/> in a running container of <paramref name="task"/> (ECS Exec).</summary>
    Task<ExecResult> ExecAsync(EcsTask task, TaskContainer container, IReadOnlyList<string> command, CancellationToken cancellationToken);
}

/// <summary>The runtime that runs no containers: every task's lifecycle runs on the simulation clock.</summary>
public sealed class SimulatedRuntime : IContainerRuntime
{
    public static SimulatedRuntime Instance { get; } = new();

    /// <summary>Why ECS Exec cannot work here.</summary>
    public const string NoExecMessage =
        "The simulated runtime runs no containers, so there is nothing to run a command in. Start workshop serve with --runtime docker (a Docker engine is needed) to use ECS Exec.";

    public ContainerRuntimeKind Kind => ContainerRuntimeKind.Simulated;

    public string? Engine => null;

    public IReadOnlyList<TaskEndpoint> Endpoints() => [];

    public Task<ExecResult> ExecAsync(EcsTask task, TaskContainer container, IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        throw new ExecUnavailableException(NoExecMessage);
}

/// <summary>The runtime cannot run a command in a container right now.</summary>
public sealed class ExecUnavailableException(string message) : Exception(message);
