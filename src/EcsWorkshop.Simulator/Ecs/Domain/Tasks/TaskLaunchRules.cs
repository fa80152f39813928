using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>
/// What ECS checks before it places a task, whoever asks (RunTask, CreateService, UpdateService): the launch type
/// the task definition supports, the Fargate platform version, and the awsvpc network configuration.
/// </summary>
public static class TaskLaunchRules
{
    /// <summary>At most this many subnets in an awsvpc configuration.</summary>
    public const int MaxSubnets = 16;

    /// <summary>At most this many security groups in an awsvpc configuration.</summary>
    public const int MaxSecurityGroups = 5;

    /// <summary>The OS family ECS reports for a Fargate task or service: <c>Linux</c>, or the Windows Server family of the task definition.</summary>
    public static string PlatformFamilyOf(TaskDefinition definition) =>
        definition.RuntimePlatform is { IsWindows: true, OperatingSystemFamily: { } family } ? family : "Linux";

    /// <summary>The task definition must list the launch type among its compatibilities.</summary>
    public static void RequireCompatible(TaskDefinition definition, LaunchType launchType)
    {
        if (!definition.Compatibilities.Contains(launchType))
            throw EcsErrors.LaunchTypeNotSupportedByTaskDefinition.With(EcsWireNames.LaunchTypes.NameOf(launchType));
    }

    /// <summary>
    /// A Fargate platform version must exist for the task's OS: LATEST, 1.4.0 or 1.3.0 on Linux; LATEST or 1.0.0 on
    /// Windows. 1.3.0 lacks what 8 and 16 vCPU tasks and extra ephemeral storage need.
    /// </summary>
    public static void RequireKnownPlatformVersion(TaskDefinition definition, string? requested)
    {
        if (string.IsNullOrEmpty(requested) || requested == "LATEST") return;
        var windows = definition.RuntimePlatform?.IsWindows == true;
        var known = windows ? requested is "1.0.0" : requested is "1.4.0" or "1.3.0";
        if (!known) throw EcsErrors.PlatformUnknown.With(requested);
        if (requested == "1.3.0" && (definition.CpuUnits >= 8192 || definition.EphemeralStorageGiB is not null))
            throw EcsErrors.PlatformTaskDefinitionIncompatibility.With();
    }

    /// <summary>
    /// An awsvpc task needs a network configuration whose subnets and security groups exist in the region's VPCs
    /// (asked of <paramref name="networks"/>; ECS answers a missing one with EC2's error inside its own); any other
    /// network mode must not have one. A public IP is only for Fargate.
    /// </summary>
    public static void RequireValidNetwork(ITaskNetworks networks, string region, TaskDefinition definition, LaunchType launchType, NetworkConfiguration? network)
    {
        if (definition.EffectiveNetworkMode != NetworkMode.Awsvpc)
        {
            if (network is not null)
                throw EcsErrors.NetworkConfigurationNotValid.With();
            return;
        }
        if (network is null)
            throw EcsErrors.AwsvpcNeedsNetworkConfiguration.With();
        if (network.Subnets.IsDefaultOrEmpty)
            throw EcsErrors.SubnetsEmpty.With();
        if (network.Subnets.Length > MaxSubnets)
            throw EcsErrors.TooManySubnets.With(MaxSubnets);
        foreach (var subnet in network.Subnets)
            if (networks.Subnet(region, subnet) is null)
                throw EcsErrors.SubnetNotFound.With(subnet);
        var groups = network.SecurityGroups.IsDefault ? [] : network.SecurityGroups;
        if (groups.Length > MaxSecurityGroups)
            throw EcsErrors.TooManySecurityGroups.With(MaxSecurityGroups);
        foreach (var group in groups)
            if (!networks.SecurityGroupExists(region, group))
                throw EcsErrors.SecurityGroupNotFound.With(group);
        if (network.AssignPublicIp && launchType != LaunchType.Fargate)
            throw EcsErrors.AssignPublicIpUnsupported.With();
    }
}
