using System.Collections.Immutable;
using System.Globalization;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>Everything needed to start one task (from RunTask or from the service scheduler).</summary>
public sealed record TaskLaunchRequest(
    Cluster Cluster,
    TaskDefinition TaskDefinition,
    LaunchType LaunchType,
    string? PlatformVersion,
    NetworkConfiguration? NetworkConfiguration,
    string Group,
    string? StartedBy,
    string? ServiceArn,
    bool EnableExecuteCommand,
    ImmutableArray<Tag> Tags,
    TaskOverrides Overrides)
{
    /// <summary>The capacity provider the task was placed with (<c>FARGATE</c>, <c>FARGATE_SPOT</c>), if any.</summary>
    public string? CapacityProviderName { get; init; }
}

/// <summary>
/// Starts tasks (PROVISIONING) and asks them to stop (desired STOPPED); <see cref="Scheduling.TaskLifecycle"/> does
/// the rest on the clock.
/// </summary>
/// <remarks>
/// <para><b>Simulated faults.</b> The simulator runs no containers, so a lesson that needs a failing task says so in
/// the task's environment. A container whose environment (task definition, or RunTask's container overrides) holds
/// <c>WORKSHOP_SIMULATE_EXIT_CODE=&lt;n&gt;</c> (an exit code 0–255) exits with that code;
/// <c>WORKSHOP_SIMULATE_EXIT_AFTER=&lt;seconds&gt;</c> says after how long it has been RUNNING (default 0: it exits
/// while starting and the task never reaches RUNNING). Durations are real seconds, scaled by the simulation speed.
/// When the container is essential the task stops as in ECS: stopCode <c>EssentialContainerExited</c>, stoppedReason
/// <c>Essential container in task exited</c>, the container's exitCode set. A non-essential container just stops
/// and the task runs on. Only the first container (in task definition order) that asks for a fault gets one; values
/// that are not whole numbers in range are ignored, like any other environment variable.</para>
/// </remarks>
public static class TaskLauncher
{
    /// <summary>The environment variable that makes a container exit with the given code.</summary>
    public const string SimulateExitCodeVariable = "WORKSHOP_SIMULATE_EXIT_CODE";

    /// <summary>The environment variable that delays the simulated exit by the given seconds of RUNNING.</summary>
    public const string SimulateExitAfterVariable = "WORKSHOP_SIMULATE_EXIT_AFTER";

    /// <summary>The Fargate platform version LATEST stands for on Linux.</summary>
    public const string LatestLinuxPlatformVersion = "1.4.0";

    /// <summary>The Fargate platform version LATEST stands for on Windows.</summary>
    public const string LatestWindowsPlatformVersion = "1.0.0";

    /// <summary>The ephemeral storage every Fargate task gets unless its task definition asks for more.</summary>
    public const int DefaultEphemeralStorageGiB = 20;

    /// <summary>
    /// Creates a task in PROVISIONING (desired RUNNING) and stores it. The request must already be valid: RunTask
    /// and CreateService check it. An awsvpc task without a subnet is refused (InvalidParameterException), since it
    /// could have no network interface.
    /// </summary>
    public static EcsTask Launch(EcsTransaction transaction, TaskLaunchRequest request)
    {
        var definition = request.TaskDefinition;
        var clusterArn = request.Cluster.Arn;
        var arns = EcsArns.Of(clusterArn);
        var clusterName = EcsArns.ClusterName(clusterArn);
        var ids = transaction.Ids;
        var taskId = ids.TaskId();

        var choice = definition.EffectiveNetworkMode == NetworkMode.Awsvpc
            ? TaskAddresses.ChooseSubnet(transaction, arns.Region, request.Group, request.NetworkConfiguration)
            : null;
        var subnet = choice?.Subnet;
        // A full subnet: the task is created all the same and stops when its network interface cannot be made.
        var networkInterface = choice is { IsFull: false } ? NewNetworkInterface(transaction, arns.Region, choice.Subnet) : null;
        var networkFailure = choice is { IsFull: true }
            ? (request.NetworkConfiguration!.AssignPublicIp ? StopReasons.SubnetHasNoFreeAddressesWithPublicIp : StopReasons.SubnetHasNoFreeAddresses)
                .Format(choice.Subnet.SubnetId)
            : null;
        var containers = definition.ContainerDefinitions
            .Select(c => NewContainer(c, request.Overrides, arns.Container(clusterName, taskId, ids.Uuid()), request.EnableExecuteCommand)
                with { Readiness = transaction.Environment.Check(arns.Region, c) })
            .ToImmutableArray();
        var isFargate = request.LaunchType == LaunchType.Fargate;

        var task = new EcsTask(
            Arn: arns.Task(clusterName, taskId),
            Id: taskId,
            ClusterArn: clusterArn,
            TaskDefinitionArn: definition.Arn,
            Group: request.Group,
            StartedBy: request.StartedBy,
            ServiceArn: request.ServiceArn,
            LaunchType: request.LaunchType,
            PlatformVersion: isFargate ? ResolvePlatformVersion(definition, request.PlatformVersion) : null,
            PlatformFamily: isFargate ? TaskLaunchRules.PlatformFamilyOf(definition) : null,
            Cpu: request.Overrides.Cpu ?? definition.Cpu,
            Memory: request.Overrides.Memory ?? definition.Memory,
            LastStatus: EcsTaskStatus.Provisioning,
            DesiredStatus: EcsTaskStatus.Running,
            Containers: containers,
            NetworkInterface: networkInterface,
            AvailabilityZone: subnet?.AvailabilityZone ?? AvailabilityZoneFor(arns.Region, ids),
            EnableExecuteCommand: request.EnableExecuteCommand,
            Tags: request.Tags.IsDefault ? [] : request.Tags,
            Overrides: request.Overrides,
            SimulatedExit: transaction.Settings.RunsContainers
                ? null
                : SimulatedExitOf(definition, request.Overrides) ?? SimulatedCommand.ExitOf(definition, request.Overrides) ?? ExitAtStartOf(containers, request.Overrides),
            CreatedAt: transaction.Now,
            PullStartedAt: null,
            PullStoppedAt: null,
            ConnectivityAt: null,
            StartedAt: null,
            StoppingAt: null,
            ExecutionStoppedAt: null,
            StoppedAt: null,
            StopCode: null,
            StoppedReason: null,
            NextTransitionAt: transaction.Now + transaction.Settings.Scaled(transaction.Settings.Timings.Provisioning),
            Version: 1,
            CapacityProviderName: request.CapacityProviderName,
            EphemeralStorageGiB: isFargate ? definition.EphemeralStorageGiB ?? DefaultEphemeralStorageGiB : null,
            SpotInterruptionAt: SpotInterruptions.DrawFor(transaction, request.CapacityProviderName),
            NetworkInterfaceFailure: networkFailure);
        transaction.Put(task);
        return task;
    }

    /// <summary>
    /// Sets the task's desired status to STOPPED with a stop code and reason; stores and returns it. A RUNNING task
    /// goes to DEACTIVATING next; a task still starting goes straight to its stop path. A task already asked to stop
    /// is returned unchanged (the first reason is kept). The task is first brought up to the transaction's time, so
    /// a stop never rewrites what had already happened.
    /// </summary>
    public static EcsTask RequestStop(EcsTransaction transaction, EcsTask task, StopCode code, string reason)
    {
        var current = TaskTransitions.CatchUp(task, transaction.Now, transaction.Settings);
        if (current.DesiredStatus == EcsTaskStatus.Stopped)
        {
            if (!ReferenceEquals(current, task)) transaction.Put(current);
            return current;
        }
        var stopping = current with
        {
            DesiredStatus = EcsTaskStatus.Stopped,
            StopCode = code,
            StoppedReason = reason,
            StoppingAt = transaction.Now,
            NextTransitionAt = transaction.Now,
            Version = current.Version + 1,
        };
        transaction.Put(stopping);
        return stopping;
    }

    /// <summary>The platform version a Fargate task runs on: LATEST (or none) is the newest for its OS.</summary>
    public static string ResolvePlatformVersion(TaskDefinition definition, string? requested) =>
        string.IsNullOrEmpty(requested) || requested == "LATEST"
            ? definition.RuntimePlatform?.IsWindows == true ? LatestWindowsPlatformVersion : LatestLinuxPlatformVersion
            : requested;

    private static TaskContainer NewContainer(ContainerDefinition definition, TaskOverrides overrides, string containerArn, bool executeCommand)
    {
        var containerOverride = overrides.ContainerOverrides.FirstOrDefault(o => o.Name == definition.Name);
        return new TaskContainer(
            ContainerArn: containerArn,
            Name: definition.Name,
            Image: definition.Image,
            ImageDigest: null,
            RuntimeId: null,
            LastStatus: EcsTaskStatus.Pending,
            ExitCode: null,
            Reason: null,
            HealthStatus: ContainerHealth.Unknown,
            Cpu: Text(containerOverride?.Cpu ?? definition.Cpu),
            Memory: Text(containerOverride?.Memory ?? definition.Memory),
            MemoryReservation: Text(containerOverride?.MemoryReservation ?? definition.MemoryReservation),
            Essential: definition.Essential,
            PortMappings: definition.PortMappings.IsDefault ? [] : definition.PortMappings,
            ExecuteCommandAgent: executeCommand,
            HealthCheck: definition.HealthCheck);
    }

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static NetworkInterfaceAttachment NewNetworkInterface(EcsTransaction transaction, string region, TaskSubnet subnet)
    {
        var ids = transaction.Ids;
        var ip = TaskAddresses.FreeAddress(transaction.World, subnet, ids);
        var dnsSuffix = region == "us-east-1" ? "ec2.internal" : $"{region}.compute.internal";
        return new NetworkInterfaceAttachment(
            AttachmentId: ids.Uuid(),
            Status: AttachmentStatus.Precreated,
            SubnetId: subnet.SubnetId,
            NetworkInterfaceId: ids.NetworkInterfaceId(),
            MacAddress: ids.MacAddress(),
            PrivateDnsName: $"ip-{ip.Replace('.', '-')}.{dnsSuffix}",
            PrivateIpv4Address: ip);
    }

    /// <summary>The zone of a task without a network interface of its own (bridge or host mode): any of a, c or d.</summary>
    private static string AvailabilityZoneFor(string region, IdGenerator ids)
    {
        const string suffixes = "acd";
        return region + suffixes[ids.Next(0, suffixes.Length)];
    }

    /// <summary>
    /// The first container whose program the environment says exits as it starts (its readiness was read for the
    /// definition's own command, so a container whose command RunTask overrides is left running), or null.
    /// </summary>
    private static SimulatedExit? ExitAtStartOf(IEnumerable<TaskContainer> containers, TaskOverrides overrides) =>
        containers
            .Where(c => c.Readiness?.ExitAtStart is not null && overrides.ContainerOverrides.All(o => o.Name != c.Name || o.Command is null))
            .Select(c => c.Readiness!.ExitAtStart! with { ContainerName = c.Name })
            .FirstOrDefault();

    /// <summary>The fault the task's environment asks for (see the remarks on <see cref="TaskLauncher"/>), or null.</summary>
    public static SimulatedExit? SimulatedExitOf(TaskDefinition definition, TaskOverrides overrides)
    {
        foreach (var container in definition.ContainerDefinitions)
        {
            var environment = EffectiveEnvironment(container, overrides);
            if (!environment.TryGetValue(SimulateExitCodeVariable, out var codeText)) continue;
            if (!int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code > 255) continue;
            var after = environment.TryGetValue(SimulateExitAfterVariable, out var afterText)
                && double.TryParse(afterText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
                && double.IsFinite(seconds) && seconds <= TimeSpan.MaxValue.TotalSeconds / 2
                    ? TimeSpan.FromSeconds(seconds)
                    : TimeSpan.Zero;
            return new SimulatedExit(container.Name, code, after);
        }
        return null;
    }

    /// <summary>A container's environment as the task sees it: the definition's, with RunTask's overrides on top.</summary>
    private static Dictionary<string, string> EffectiveEnvironment(ContainerDefinition container, TaskOverrides overrides)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!container.Environment.IsDefault)
            foreach (var variable in container.Environment) environment[variable.Name] = variable.Value;
        foreach (var containerOverride in overrides.ContainerOverrides.Where(o => o.Name == container.Name))
            if (!containerOverride.Environment.IsDefault)
                foreach (var variable in containerOverride.Environment) environment[variable.Name] = variable.Value;
        return environment;
    }
}

/// <summary>The states of a task's elastic network interface attachment, as DescribeTasks shows them.</summary>
public static class AttachmentStatus
{
    public const string Precreated = "PRECREATED";
    public const string Attached = "ATTACHED";
    public const string Deleted = "DELETED";
}
