namespace EcsWorkshop.Simulator.Elbv2.DataPlane;

/// <summary>
/// Where a target really is. With the Docker runtime, a task's container port published on 127.0.0.1 (never the
/// container's bridge address); with the simulated runtime there is no container, so the listener answers the
/// simulator's stand-in page for it.
/// </summary>
public abstract record TargetAddress
{
    private TargetAddress() { }

    /// <summary>A real server on the loopback address.</summary>
    public sealed record Loopback(Uri Url) : TargetAddress;

    /// <summary>No container runs: the page names the task, its task definition revision and APP_VERSION.</summary>
    public sealed record StandIn(string TaskId, string TaskDefinition, string? AppVersion) : TargetAddress;
}

/// <summary>Resolves a target (an IP address and port of a region) to where requests for it go, or null when nothing answers for it.</summary>
public interface ITargetAddresses
{
    TargetAddress? Resolve(string region, string ip, int port);
}
