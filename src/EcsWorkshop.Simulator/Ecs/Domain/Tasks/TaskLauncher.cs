using System.Collections.Immutable;
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
    TaskOverrides Overrides);

/// <summary>Starts tasks (PROVISIONING) and asks them to stop (desired STOPPED); the lifecycle does the rest.</summary>
public static class TaskLauncher
{
    /// <summary>Creates a task in PROVISIONING and stores it.</summary>
    public static EcsTask Launch(EcsTransaction transaction, TaskLaunchRequest request) =>
        throw new NotImplementedException("Written in the tasks slice.");

    /// <summary>Sets the task's desired status to STOPPED with a stop code and reason; stores and returns it.</summary>
    public static EcsTask RequestStop(EcsTransaction transaction, EcsTask task, StopCode code, string reason) =>
        throw new NotImplementedException("Written in the tasks slice.");
}
