namespace EcsWorkshop.Simulator.Quotas;

/// <summary>
/// How much one simulated account may hold at once, so that one learner's runaway loop cannot starve a classroom.
/// A <see cref="Hosting.Simulation"/> serves one account, so each limit counts everything in its world. Null means
/// no limit. Each service answers a limit that is reached with its own limit-exceeded error (see
/// <see cref="Ecs.Domain.Tasks.TaskCapacity"/>, <c>ServiceCommands</c>, the ELBv2 create commands and
/// <see cref="Ecr.Domain.RegistryStorage"/>); nothing is half created.
/// </summary>
public sealed record AccountQuotas
{
    /// <summary>Tasks not yet STOPPED (PROVISIONING to DEPROVISIONING), RunTask's and the services' together.</summary>
    public int? Tasks { get; init; }

    /// <summary>
    /// Containers of the tasks not yet STOPPED. With the Docker runtime each one is a real container on the host;
    /// with the simulated runtime the same count applies to the simulated ones.
    /// </summary>
    public int? Containers { get; init; }

    /// <summary>Services not yet INACTIVE (ACTIVE and DRAINING), in every cluster.</summary>
    public int? Services { get; init; }

    /// <summary>Load balancers.</summary>
    public int? LoadBalancers { get; init; }

    /// <summary>Target groups.</summary>
    public int? TargetGroups { get; init; }

    /// <summary>Listeners, on every load balancer together.</summary>
    public int? Listeners { get; init; }

    /// <summary>
    /// Bytes stored in the account's registry: layers, configs and manifests (each distinct one once, counted by
    /// <see cref="Ecr.Domain.RegistryStorage.BytesStored"/>), and the upload or manifest being pushed.
    /// </summary>
    public long? RegistryStorageBytes { get; init; }

    /// <summary>No limits: a learner's own simulator (<c>workshop serve</c> without <c>--classroom</c>).</summary>
    public static AccountQuotas None { get; } = new();

    /// <summary>
    /// A classroom's defaults: room for the whole workbook, with headroom for a learner's own experiments. Lesson 08 holds
    /// up to 22 tasks at once (its exercise rolls spot-service over to 6 tasks, 12 for a while, beside the services of
    /// lessons 06–08); lessons 06–08 keep four services, one load balancer with one listener and one or two target
    /// groups; the lesson images are a few MiB.
    /// </summary>
    public static AccountQuotas Classroom { get; } = new()
    {
        Tasks = 30,
        Containers = 30,
        Services = 10,
        LoadBalancers = 3,
        TargetGroups = 10,
        Listeners = 5,
        RegistryStorageBytes = 2L * 1024 * 1024 * 1024,
    };

    /// <summary>True when no limit is set.</summary>
    public bool IsUnlimited => this == None;
}
