using System.Collections.Immutable;
using System.Globalization;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>What RunTask asks for.</summary>
public sealed record RunTaskCommand(
    string ClusterArn,
    string? TaskDefinition,
    int? Count,
    LaunchType? LaunchType,
    ImmutableArray<CapacityProviderStrategyItem> CapacityProviderStrategy,
    string? PlatformVersion,
    NetworkConfiguration? NetworkConfiguration,
    TaskOverrides Overrides,
    string? StartedBy,
    string? Group,
    ImmutableArray<Tag> Tags,
    bool EnableExecuteCommand)
{
    /// <summary>The length of the request's <c>overrides</c> as JSON text, as the client sent it (AWS limits it to 8 KiB).</summary>
    public int OverridesLength { get; init; }
}

/// <summary>
/// What RunTask answers: the tasks it started, and one failure reason per task it could not start (the account's
/// task quota, or no capacity left in the classroom: see <see cref="TaskCapacity"/>).
/// </summary>
public sealed record RunTaskResult(IReadOnlyList<EcsTask> Tasks, IReadOnlyList<string> Failures);

/// <summary>Running tasks by hand (RunTask) and stopping them (StopTask).</summary>
public static class TaskCommands
{
    /// <summary>RunTask starts at most this many tasks per call.</summary>
    public const int MaxCount = 10;

    /// <summary>The limit on <c>startedBy</c>.</summary>
    public const int MaxStartedByLength = 128;

    /// <summary>The limit on <c>group</c> and on StopTask's <c>reason</c>.</summary>
    public const int MaxGroupLength = 255, MaxReasonLength = 255;

    /// <summary>The limit on the overrides, measured on their JSON text as the client sent it (formatting included).</summary>
    public const int MaxContainerOverridesLength = 8192;

    /// <summary>The stoppedReason of a StopTask that gave none.</summary>
    public static readonly string DefaultStopReason = StopReasons.UserInitiated.Format();

    /// <summary>
    /// Validates a RunTask request the way ECS does and starts <c>count</c> tasks in PROVISIONING. The simulator
    /// has no container instances, so the EC2 and EXTERNAL launch types are refused as on an empty cluster; with no
    /// launch type and no capacity provider strategy (the cluster's default included), ECS uses EC2. Each task must
    /// also fit the account's quotas and the classroom's memory (<see cref="TaskCapacity"/>); one that does not is
    /// answered in <c>failures</c>, as Fargate does, and the others still start.
    /// </summary>
    public static RunTaskResult Run(EcsTransaction transaction, EcsArns arns, RunTaskCommand command)
    {
        var count = command.Count ?? 1;
        if (count is < 1 or > MaxCount)
            throw EcsErrors.CountOutOfRange.With(MaxCount);
        if (command.LaunchType is not null && !command.CapacityProviderStrategy.IsDefaultOrEmpty)
            throw EcsErrors.LaunchTypeAndCapacityProviders.With();
        if (command.StartedBy?.Length > MaxStartedByLength)
            throw EcsErrors.StartedByTooLong.With(MaxStartedByLength);
        if (command.Group?.Length > MaxGroupLength)
            throw EcsErrors.GroupTooLong.With(MaxGroupLength);
        TagRules.Validate(command.Tags);

        var world = transaction.World;
        var cluster = ClusterCommands.RequireActive(world, command.ClusterArn);
        var definition = TaskDefinitionLookup.RequireActive(world, arns, command.TaskDefinition);
        var strategy = command.CapacityProviderStrategy.IsDefaultOrEmpty && command.LaunchType is null
            ? cluster.DefaultCapacityProviderStrategy
            : command.CapacityProviderStrategy;
        CapacityProviderRules.RequireUsable(cluster, strategy);
        var providers = CapacityProviderRules.Spread(strategy, count);
        var launchType = command.LaunchType ?? (providers is null ? LaunchType.Ec2 : LaunchType.Fargate);

        TaskLaunchRules.RequireCompatible(definition, launchType);
        if (launchType == LaunchType.Fargate) TaskLaunchRules.RequireKnownPlatformVersion(definition, command.PlatformVersion);
        TaskLaunchRules.RequireValidNetwork(transaction.Networks, arns.Region, definition, launchType, command.NetworkConfiguration);
        if (launchType != LaunchType.Fargate) throw EcsErrors.NoContainerInstances.With();
        RequireValidOverrides(definition, command.Overrides, command.OverridesLength);

        var request = new TaskLaunchRequest(
            cluster, definition, launchType, command.PlatformVersion, command.NetworkConfiguration,
            string.IsNullOrEmpty(command.Group) ? $"family:{definition.Family}" : command.Group,
            string.IsNullOrEmpty(command.StartedBy) ? null : command.StartedBy,
            ServiceArn: null, command.EnableExecuteCommand, command.Tags.IsDefault ? [] : command.Tags, command.Overrides);
        var tasks = new List<EcsTask>();
        var failures = new List<string>();
        for (var i = 0; i < count; i++)
        {
            if (TaskCapacity.Refusal(transaction, definition, command.Overrides) is { } refusal)
                failures.Add(refusal.FailureReason);
            else
                tasks.Add(TaskLauncher.Launch(transaction, request with { CapacityProviderName = providers?[i] }));
        }
        return new RunTaskResult(tasks, failures);
    }

    /// <summary>
    /// StopTask: asks a task to stop (stopCode UserInitiated) and returns it; a task already stopping keeps its
    /// first reason.
    /// </summary>
    public static EcsTask Stop(EcsTransaction transaction, EcsArns arns, string clusterArn, string? taskReference, string? reason)
    {
        if (string.IsNullOrEmpty(taskReference)) throw EcsErrors.Missing.With("task");
        if (reason?.Length > MaxReasonLength)
            throw EcsErrors.ReasonTooLong.With(MaxReasonLength);
        if (!transaction.World.Clusters.ContainsKey(clusterArn)) throw EcsErrors.ClusterNotFound.With();
        var task = TaskQueries.Find(transaction.World, arns, clusterArn, taskReference) ?? throw EcsErrors.TaskNotFound.With();
        return TaskLauncher.RequestStop(transaction, task, StopCode.UserInitiated, string.IsNullOrEmpty(reason) ? DefaultStopReason : reason);
    }

    private static void RequireValidOverrides(TaskDefinition definition, TaskOverrides overrides, int sentLength)
    {
        foreach (var containerOverride in overrides.ContainerOverrides)
            if (!definition.ContainerDefinitions.Any(c => c.Name == containerOverride.Name))
                throw EcsErrors.OverrideForUnknownContainer.With(containerOverride.Name);
        if (sentLength > MaxContainerOverridesLength)
            throw EcsErrors.ContainerOverridesTooLong.With(MaxContainerOverridesLength);
        RequireUnits(overrides.Cpu, "cpu");
        RequireUnits(overrides.Memory, "memory");
    }

    private static void RequireUnits(string? value, string member)
    {
        if (value is not null && !(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var units) && units > 0))
            throw EcsErrors.InvalidTaskOverrideSize.With(member, value);
    }
}
