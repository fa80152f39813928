using EcsWorkshop.Simulator.Errors;
using System.Collections.Immutable;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Ecs.Domain.Services;

/// <summary>What CreateService asks for (enum members already checked against ECS's value sets).</summary>
public sealed record CreateServiceCommand(
    string ClusterArn,
    string? ServiceName,
    string? TaskDefinition,
    int? DesiredCount,
    LaunchType? LaunchType,
    ImmutableArray<CapacityProviderStrategyItem> CapacityProviderStrategy,
    string? PlatformVersion,
    NetworkConfiguration? NetworkConfiguration,
    DeploymentConfigurationChange? DeploymentConfiguration,
    string DeploymentController,
    string SchedulingStrategy,
    int? HealthCheckGracePeriodSeconds,
    bool EnableExecuteCommand,
    bool EnableEcsManagedTags,
    string PropagateTags,
    ImmutableArray<Tag> Tags,
    string? ClientToken)
{
    /// <summary>The <c>loadBalancers</c> entries (none when absent).</summary>
    public IReadOnlyList<LoadBalancerInput> LoadBalancers { get; init; } = [];

    /// <summary>
    /// A digest of the whole request as the client sent it (taken at the wire edge), so that a retried CreateService
    /// can be told from a different one with the same client token.
    /// </summary>
    public string? RequestFingerprint { get; init; }
}

/// <summary>What UpdateService asks for: null members stay as they are.</summary>
public sealed record UpdateServiceCommand(
    string ClusterArn,
    string? Service,
    int? DesiredCount,
    string? TaskDefinition,
    string? PlatformVersion,
    NetworkConfiguration? NetworkConfiguration,
    DeploymentConfigurationChange? DeploymentConfiguration,
    bool ForceNewDeployment,
    int? HealthCheckGracePeriodSeconds,
    bool? EnableExecuteCommand,
    bool? EnableEcsManagedTags,
    string? PropagateTags)
{
    /// <summary>The new <c>loadBalancers</c> (an empty list removes them), or null to keep them.</summary>
    public IReadOnlyList<LoadBalancerInput>? LoadBalancers { get; init; }

    /// <summary>The new capacity provider strategy, or null (or empty) to keep the current one.</summary>
    public ImmutableArray<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }
}

/// <summary>The values of <c>propagateTags</c>.</summary>
public static class PropagateTagsFrom
{
    public const string None = "NONE";
    public const string Service = "SERVICE";
    public const string TaskDefinition = "TASK_DEFINITION";
}

/// <summary>
/// Creating, updating and deleting services. These only record what is wanted (desired count, deployments); the
/// <see cref="Scheduling.ServiceScheduler"/> starts and stops the tasks on the following ticks.
/// </summary>
public static class ServiceCommands
{
    /// <summary>The only deployment controller the simulator runs: ECS rolling updates.</summary>
    public const string EcsController = "ECS";

    /// <summary>
    /// Creates a service and its first deployment, after checking the request as ECS does. A service of the same
    /// name that is ACTIVE is returned again only for the same client token and the same request (for a service whose
    /// request fingerprint is unknown, migrated from an older state folder, the same client token); a DRAINING one
    /// blocks the name until it is INACTIVE.
    /// </summary>
    public static Service Create(EcsTransaction transaction, EcsArns arns, CreateServiceCommand command)
    {
        var name = command.ServiceName;
        if (string.IsNullOrEmpty(name)) throw EcsErrors.Missing.With("serviceName");
        if (!Names.IsValid(name))
            throw EcsErrors.InvalidServiceName.With(name);
        var world = transaction.World;
        var cluster = ClusterCommands.RequireActive(world, command.ClusterArn);
        var definition = TaskDefinitionLookup.RequireActive(world, arns, command.TaskDefinition);
        RequireEcsController(command.DeploymentController);
        var daemon = command.SchedulingStrategy == SchedulingStrategies.Daemon;
        var (launchType, strategy) = PlacementFor(cluster, command.LaunchType, command.CapacityProviderStrategy, daemon);
        RequireRunnable(transaction, arns.Region, definition, launchType, command.PlatformVersion, command.NetworkConfiguration);
        var desiredCount = DesiredCountFor(command.DesiredCount, daemon);
        var configuration = DeploymentRules.Apply(DeploymentRules.DefaultFor(daemon), command.DeploymentConfiguration, daemon);
        TagRules.Validate(command.Tags);
        RequireValidGracePeriod(command.HealthCheckGracePeriodSeconds);
        var loadBalancers = LoadBalancerRules.Validate(transaction.LoadBalancing, definition, command.LoadBalancers);

        var arn = arns.Service(cluster.Name, name);
        var fingerprint = command.RequestFingerprint;
        if (world.Services.TryGetValue(arn, out var existing))
        {
            if (existing.Status == ServiceStatus.Active)
                return !string.IsNullOrEmpty(command.ClientToken) && existing.ClientToken == command.ClientToken && (existing.RequestFingerprint ?? fingerprint) == fingerprint
                    ? existing
                    : throw EcsErrors.ServiceNotIdempotent.With();
            if (existing.Status == ServiceStatus.Draining)
                throw EcsErrors.ServiceStillDraining.With();
        }

        if (transaction.Settings.Quotas.Services is { } maxServices &&
            world.Services.Values.Count(s => s.Status != ServiceStatus.Inactive) >= maxServices)
            throw EcsErrors.ServiceLimitExceeded.With(maxServices);

        var fargate = launchType == LaunchType.Fargate;
        var serviceLaunchType = strategy.IsEmpty ? launchType : (LaunchType?)null;
        var platformVersion = fargate ? command.PlatformVersion ?? "LATEST" : null;
        var service = new Service(
            Arn: arn,
            Name: name,
            ClusterArn: cluster.Arn,
            Status: ServiceStatus.Active,
            DesiredCount: desiredCount,
            TaskDefinitionArn: definition.Arn,
            LaunchType: serviceLaunchType,
            CapacityProviderStrategy: strategy,
            PlatformVersion: platformVersion,
            PlatformFamily: fargate ? TaskLaunchRules.PlatformFamilyOf(definition) : null,
            NetworkConfiguration: command.NetworkConfiguration,
            DeploymentConfiguration: configuration,
            DeploymentController: EcsController,
            SchedulingStrategy: command.SchedulingStrategy,
            EnableExecuteCommand: command.EnableExecuteCommand,
            EnableEcsManagedTags: command.EnableEcsManagedTags,
            PropagateTags: command.PropagateTags,
            HealthCheckGracePeriodSeconds: command.HealthCheckGracePeriodSeconds,
            ClientToken: command.ClientToken,
            Deployments: [NewDeployment(transaction, definition, serviceLaunchType, platformVersion, command.NetworkConfiguration, desiredCount, strategy: strategy)],
            Events: [],
            CreatedAt: transaction.Now,
            DeletedAt: null,
            Tags: command.Tags,
            LastCompletedDeployment: null,
            RequestFingerprint: fingerprint,
            LoadBalancers: loadBalancers);
        transaction.Put(service);
        return service;
    }

    /// <summary>
    /// Changes an ACTIVE service. A new task definition, network configuration or platform version, or
    /// <c>forceNewDeployment</c>, starts a new PRIMARY deployment (the previous one turns ACTIVE and is drained by
    /// the rolling update); the desired count and the other settings change in place. A new capacity provider
    /// strategy is only taken with <c>forceNewDeployment</c>, as ECS requires, and the new deployment places its
    /// tasks with it.
    /// </summary>
    public static Service Update(EcsTransaction transaction, EcsArns arns, UpdateServiceCommand command)
    {
        var world = transaction.World;
        var service = ServiceLookup.Require(world, arns, command.ClusterArn, command.Service);
        if (service.Status != ServiceStatus.Active) throw EcsErrors.ServiceNotActive.With();
        var cluster = ClusterCommands.RequireActive(world, service.ClusterArn);
        var daemon = service.IsDaemon;
        var desiredCount = service.DesiredCount;
        if (command.DesiredCount is { } requested)
        {
            if (daemon) throw DaemonDesiredCount();
            desiredCount = DesiredCountFor(requested, daemon: false);
        }

        var primary = service.Primary;
        var definition = command.TaskDefinition is null
            ? world.TaskDefinitions.GetValueOrDefault(primary.TaskDefinitionArn) ?? throw EcsErrors.TaskDefinitionNotFound.With()
            : TaskDefinitionLookup.RequireActive(world, arns, command.TaskDefinition);
        var currentStrategy = primary.StrategyOf(service);
        var strategy = StrategyAfterUpdate(cluster, service, currentStrategy, command);
        var strategyChanged = !strategy.SequenceEqual(currentStrategy);
        var launchType = strategyChanged ? LaunchType.Fargate : primary.EffectiveLaunchType;
        if (strategyChanged) TaskLaunchRules.RequireCompatible(definition, launchType);
        var definitionChanged = definition.Arn != primary.TaskDefinitionArn;
        if (definitionChanged) TaskLaunchRules.RequireCompatible(definition, launchType);
        var platformVersion = command.PlatformVersion ?? service.PlatformVersion;
        if (command.PlatformVersion is not null || definitionChanged) RequirePlatformVersion(definition, launchType, platformVersion);
        var network = command.NetworkConfiguration ?? service.NetworkConfiguration;
        if (command.NetworkConfiguration is not null || definitionChanged) TaskLaunchRules.RequireValidNetwork(transaction.Networks, arns.Region, definition, launchType, network);
        var configuration = DeploymentRules.Apply(service.DeploymentConfiguration, command.DeploymentConfiguration, daemon);
        RequireValidGracePeriod(command.HealthCheckGracePeriodSeconds);
        var loadBalancers = command.LoadBalancers is { } requestedBalancers
            ? LoadBalancerRules.Validate(transaction.LoadBalancing, definition, requestedBalancers)
            : service.TargetGroups();
        if (command.LoadBalancers is null && definitionChanged) LoadBalancerRules.Revalidate(transaction.LoadBalancing, definition, loadBalancers);
        var loadBalancersChanged = !loadBalancers.SequenceEqual(service.TargetGroups());

        var newDeployment = command.ForceNewDeployment
            || strategyChanged
            || definitionChanged
            || loadBalancersChanged
            || (command.NetworkConfiguration is not null && !SameNetwork(network, service.NetworkConfiguration))
            || (command.PlatformVersion is not null && command.PlatformVersion != service.PlatformVersion);
        var now = transaction.Now;
        var deployments = newDeployment
            ? [NewDeployment(transaction, definition, strategy.IsEmpty ? primary.LaunchType : null, platformVersion, network, desiredCount, strategy: strategy),
               .. service.Deployments.Select(d => d.Status == DeploymentStatus.Primary ? d with { Status = DeploymentStatus.Active, UpdatedAt = now } : d)]
            : service.Deployments.Select(d => d.Status == DeploymentStatus.Primary && d.DesiredCount != desiredCount
                ? d with { DesiredCount = desiredCount, UpdatedAt = now }
                : d).ToImmutableArray();

        var updated = service with
        {
            DesiredCount = desiredCount,
            TaskDefinitionArn = newDeployment ? definition.Arn : service.TaskDefinitionArn,
            LaunchType = strategy.IsEmpty ? service.LaunchType : null,
            CapacityProviderStrategy = strategy,
            PlatformVersion = platformVersion,
            NetworkConfiguration = network,
            DeploymentConfiguration = configuration,
            EnableExecuteCommand = command.EnableExecuteCommand ?? service.EnableExecuteCommand,
            EnableEcsManagedTags = command.EnableEcsManagedTags ?? service.EnableEcsManagedTags,
            PropagateTags = command.PropagateTags ?? service.PropagateTags,
            HealthCheckGracePeriodSeconds = command.HealthCheckGracePeriodSeconds ?? service.HealthCheckGracePeriodSeconds,
            Deployments = deployments,
            LoadBalancers = loadBalancers,
        };
        transaction.Put(updated);
        return updated;
    }

    /// <summary>
    /// Deletes a service: it turns DRAINING with desired count 0, the scheduler stops its tasks, and it turns
    /// INACTIVE once they have stopped. Refused while the service is scaled above 0, unless forced.
    /// </summary>
    public static Service Delete(EcsTransaction transaction, EcsArns arns, string clusterArn, string? reference, bool force)
    {
        var service = ServiceLookup.Require(transaction.World, arns, clusterArn, reference);
        if (service.Status == ServiceStatus.Inactive) throw EcsErrors.ServiceNotActive.With();
        if (service.Status == ServiceStatus.Draining) return service;
        if (!force && service.DesiredCount > 0)
            throw EcsErrors.ServiceScaledAboveZero.With();
        var now = transaction.Now;
        var draining = service with
        {
            Status = ServiceStatus.Draining,
            DesiredCount = 0,
            DeletedAt = now,
            Deployments = [.. service.Deployments.Select(d => d with { DesiredCount = 0, UpdatedAt = now })],
        };
        transaction.Put(draining);
        return draining;
    }

    /// <summary>A new PRIMARY deployment, IN_PROGRESS, of a task definition, placing its tasks with <paramref name="strategy"/> (if any).</summary>
    public static Deployment NewDeployment(
        EcsTransaction transaction, TaskDefinition definition, LaunchType? launchType, string? platformVersion,
        NetworkConfiguration? network, int desiredCount, string? rolloutStateReason = null,
        ImmutableArray<CapacityProviderStrategyItem> strategy = default)
    {
        var id = transaction.Ids.DeploymentId();
        var fargate = (launchType ?? LaunchType.Fargate) == LaunchType.Fargate;
        return new Deployment(
            Id: id,
            Status: DeploymentStatus.Primary,
            TaskDefinitionArn: definition.Arn,
            DesiredCount: desiredCount,
            FailedTasks: 0,
            LaunchType: launchType,
            PlatformVersion: fargate ? TaskLauncher.ResolvePlatformVersion(definition, platformVersion) : null,
            NetworkConfiguration: network,
            RolloutState: RolloutState.InProgress,
            RolloutStateReason: rolloutStateReason ?? ServiceMessages.RolloutInProgress(id),
            CreatedAt: transaction.Now,
            UpdatedAt: transaction.Now,
            Launches: LaunchRecord.None,
            CapacityProviderStrategy: strategy.IsDefault ? [] : strategy);
    }

    /// <summary>
    /// The strategy a service places its tasks with after UpdateService: the requested one if any (checked as
    /// CreateService checks it), else the current one. Changing it (or switching from a launch type to one) needs
    /// <c>forceNewDeployment</c>: ECS refuses it otherwise ("you must force a new deployment when doing so",
    /// Developer Guide, capacity providers).
    /// </summary>
    private static ImmutableArray<CapacityProviderStrategyItem> StrategyAfterUpdate(
        Cluster cluster, Service service, ImmutableArray<CapacityProviderStrategyItem> current, UpdateServiceCommand command)
    {
        if (command.CapacityProviderStrategy is not { IsDefaultOrEmpty: false } requested) return current;
        if (service.IsDaemon) throw EcsErrors.DaemonCapacityProviders.With();
        CapacityProviderRules.RequireUsable(cluster, requested);
        if (requested.SequenceEqual(current)) return current;
        if (!command.ForceNewDeployment) throw EcsErrors.CapacityProviderChangeNeedsNewDeployment.With();
        return requested;
    }

    /// <summary>True when two network configurations name the same subnets, security groups and public IP setting.</summary>
    public static bool SameNetwork(NetworkConfiguration? a, NetworkConfiguration? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.AssignPublicIp == b.AssignPublicIp && a.Subnets.SequenceEqual(b.Subnets) && a.SecurityGroups.SequenceEqual(b.SecurityGroups);

    private static void RequireEcsController(string controller)
    {
        if (controller != EcsController)
            throw EcsErrors.DeploymentControllerNotSimulated.With(controller);
    }

    /// <summary>
    /// The launch type the service's tasks use and the capacity provider strategy that chose it. With neither a
    /// launch type nor a strategy, the cluster's default strategy applies, and without one ECS uses EC2.
    /// </summary>
    private static (LaunchType LaunchType, ImmutableArray<CapacityProviderStrategyItem> Strategy) PlacementFor(
        Cluster cluster, LaunchType? launchType, ImmutableArray<CapacityProviderStrategyItem> strategy, bool daemon)
    {
        if (launchType is { } given)
        {
            if (!strategy.IsDefaultOrEmpty)
                throw EcsErrors.LaunchTypeAndCapacityProviders.With();
            if (daemon && given == LaunchType.Fargate)
                throw EcsErrors.DaemonFargate.With();
            return (given, []);
        }
        var effective = strategy.IsDefaultOrEmpty ? cluster.DefaultCapacityProviderStrategy : strategy;
        if (effective.IsDefaultOrEmpty) return (LaunchType.Ec2, []);
        if (daemon)
            throw EcsErrors.DaemonCapacityProviders.With();
        CapacityProviderRules.RequireUsable(cluster, effective);
        return (LaunchType.Fargate, effective);
    }

    /// <summary>The task definition must support the launch type, with a known platform version and a valid network.</summary>
    private static void RequireRunnable(EcsTransaction transaction, string region, TaskDefinition definition, LaunchType launchType, string? platformVersion,
        NetworkConfiguration? network)
    {
        TaskLaunchRules.RequireCompatible(definition, launchType);
        RequirePlatformVersion(definition, launchType, platformVersion);
        TaskLaunchRules.RequireValidNetwork(transaction.Networks, region, definition, launchType, network);
    }

    private static void RequirePlatformVersion(TaskDefinition definition, LaunchType launchType, string? platformVersion)
    {
        if (launchType == LaunchType.Fargate)
            TaskLaunchRules.RequireKnownPlatformVersion(definition, platformVersion);
        else if (platformVersion is not null)
            throw EcsErrors.PlatformVersionWithLaunchType.With(EcsWireNames.LaunchTypes.NameOf(launchType));
    }

    private static int DesiredCountFor(int? requested, bool daemon)
    {
        if (daemon)
            return requested is null ? 0 : throw DaemonDesiredCount();
        var count = requested ?? 0;
        return count >= 0 ? count : throw EcsErrors.NegativeDesiredCount.With();
    }

    private static DomainError DaemonDesiredCount() => EcsErrors.DaemonDesiredCount.With();

    private static void RequireValidGracePeriod(int? seconds)
    {
        if (seconds < 0) throw EcsErrors.NegativeGracePeriod.With();
    }
}
