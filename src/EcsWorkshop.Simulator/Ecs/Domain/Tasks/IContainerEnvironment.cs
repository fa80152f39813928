using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>
/// What ECS asks of the world around it before a container can start: can its image be pulled (and to which
/// digest), and can its log driver write where it is told to? ECS itself knows nothing of registries or log groups;
/// the simulator plugs ECR and CloudWatch Logs in behind this port.
/// </summary>
public interface IContainerEnvironment
{
    /// <summary>Checks one container of a task about to launch in <paramref name="region"/>.</summary>
    ContainerReadiness Check(string region, ContainerDefinition container);
}

/// <summary>
/// The answer for one container: the digest its image resolves to (if known), or why it cannot start; and, for the
/// simulated runtime, how its program exits as soon as it starts when the simulator can tell from the image (BusyBox
/// httpd told to serve a folder the image lacks), for the definition's own command.
/// </summary>
public sealed record ContainerReadiness(string? ImageDigest, string? StartFailure, SimulatedExit? ExitAtStart = null)
{
    /// <summary>The image can be pulled (the digest is null when the registry is not one the simulator holds).</summary>
    public static ContainerReadiness Ready(string? imageDigest) => new(imageDigest, null);

    /// <summary>The container cannot start, for the reason ECS would give.</summary>
    public static ContainerReadiness Failed(string reason) => new(null, reason);
}

/// <summary>
/// ECS on its own, with no registry or log service around it: every image pulls (digest unknown) and log drivers are
/// not checked. The server replaces it with the ECR and CloudWatch Logs it simulates.
/// </summary>
public sealed class StandaloneEnvironment : IContainerEnvironment
{
    public static StandaloneEnvironment Instance { get; } = new();

    public ContainerReadiness Check(string region, ContainerDefinition container) => ContainerReadiness.Ready(null);
}
