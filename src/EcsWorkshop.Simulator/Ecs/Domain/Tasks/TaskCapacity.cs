using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Quotas;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>
/// Whether one more task may start in this account: the account's task and container quotas
/// (<see cref="AccountQuotas"/>) and the classroom's shared memory (<see cref="RoomMemoryBudget"/>). Asked before
/// every launch, by RunTask (a refused task is a <c>failures[]</c> entry) and by the service scheduler (a service
/// event); a refused task is never created.
/// </summary>
public static class TaskCapacity
{
    /// <summary>
    /// Fargate's answer when the account's concurrent-task quota is reached: the <c>failures[].reason</c> of RunTask, word for
    /// word as clients match it (real, quoted in code that checks RunTask's failures), and the reason in the service event.
    /// </summary>
    public const string TaskLimitReached = "You've reached the limit on the number of tasks you can run concurrently";

    /// <summary>
    /// What a service event adds after <see cref="TaskLimitReached"/>: the whole event is
    /// "service NAME was unable to place a task. Reason: You've reached the limit on the number of tasks you can run
    /// concurrently. For more information, see the Troubleshooting section." (real, wellcomecollection/platform#3875).
    /// </summary>
    public const string TaskLimitEventReason = TaskLimitReached + ". For more information, see the Troubleshooting section";

    /// <summary>
    /// Fargate's answer when it has no capacity for the task (real: RunTask failures and service events quoted in
    /// gchq/sleeper#904 and sil-org/ecs-deploy#277): the classroom's shared memory is all taken.
    /// </summary>
    public const string CapacityUnavailable = "Capacity is unavailable at this time. Please try again later or in a different availability zone";

    /// <summary>Why a task of <paramref name="definition"/> may not start now, or null when it may.</summary>
    public static CapacityRefusal? Refusal(EcsTransaction transaction, TaskDefinition definition, TaskOverrides overrides)
    {
        var quotas = transaction.Settings.Quotas;
        var share = transaction.Settings.RoomMemoryShare;
        if (quotas.IsUnlimited && share is null) return null;

        var world = transaction.World;
        if (quotas.Tasks is { } maxTasks && world.Tasks.Values.Count(t => t.IsAlive) >= maxTasks)
            return CapacityRefusal.TaskLimit;
        if (quotas.Containers is { } maxContainers &&
            world.Tasks.Values.Where(t => t.IsAlive).Sum(t => t.Containers.Length) + definition.ContainerDefinitions.Length > maxContainers)
            return CapacityRefusal.TaskLimit;
        if (share is not null && !share.TryClaim(world, MemoryOf(definition, overrides)))
            return CapacityRefusal.NoCapacity;
        return null;
    }

    /// <summary>The memory a new task will ask for (MiB): RunTask's override, the task size, else its containers'.</summary>
    public static long MemoryOf(TaskDefinition definition, TaskOverrides overrides) =>
        RoomMemoryBudget.ParseMiB(overrides.Memory) ?? definition.MemoryMiB
            ?? definition.ContainerDefinitions.Sum(c => (long)(c.Memory ?? c.MemoryReservation ?? 0));
}

/// <summary>Why a task may not start: the words RunTask's failure and the service event use.</summary>
public sealed record CapacityRefusal(string FailureReason, string EventReason)
{
    /// <summary>The account's task or container quota is reached.</summary>
    public static CapacityRefusal TaskLimit { get; } = new(TaskCapacity.TaskLimitReached, TaskCapacity.TaskLimitEventReason);

    /// <summary>The classroom's shared memory is all taken.</summary>
    public static CapacityRefusal NoCapacity { get; } = new(TaskCapacity.CapacityUnavailable, TaskCapacity.CapacityUnavailable);
}
