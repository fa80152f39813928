using EcsWorkshop.Simulator.Ecs.Domain.Services;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>One container the runtime started: its runtime id (the Docker container id) and the digest it runs.</summary>
public sealed record StartedContainer(string Name, string RuntimeId, string? ImageDigest);

/// <summary>How one container ended: its exit code (null if it never ran) and the reason ECS shows on it, if any.</summary>
public sealed record ContainerExit(string Name, int? ExitCode, string? Reason);

/// <summary>
/// What a container runtime tells ECS about the tasks it runs, as domain commands. The domain stays the source of
/// truth: a report about a task that has moved on (or is gone) changes nothing, so a late or repeated report is safe.
/// </summary>
public static class TaskRuntimeReports
{
    /// <summary>The images are pulled and the containers run: PENDING → ACTIVATING (RUNNING follows on the clock).</summary>
    public static EcsTask? Started(EcsTransaction transaction, string taskArn, IReadOnlyList<StartedContainer> started)
    {
        if (Find(transaction, taskArn) is not { LastStatus: EcsTaskStatus.Pending, DesiredStatus: EcsTaskStatus.Running } task) return null;
        var byName = started.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var now = transaction.Now;
        var next = task with
        {
            LastStatus = EcsTaskStatus.Activating,
            PullStoppedAt = now,
            Containers = [.. task.Containers.Select(c => byName.TryGetValue(c.Name, out var s)
                ? c with { RuntimeId = s.RuntimeId, ImageDigest = s.ImageDigest ?? c.Readiness?.ImageDigest }
                : c)],
            NextTransitionAt = now + transaction.Settings.Scaled(transaction.Settings.Timings.Activating),
            Version = task.Version + 1,
        };
        transaction.Put(next);
        return next;
    }

    /// <summary>
    /// A container could not be created or started (its image cannot be pulled, for one): the task stops with
    /// TaskFailedToStart and that reason.
    /// </summary>
    public static EcsTask? FailedToStart(EcsTransaction transaction, string taskArn, string containerName, string reason)
    {
        if (Find(transaction, taskArn) is not { LastStatus: < EcsTaskStatus.Running, DesiredStatus: EcsTaskStatus.Running } task) return null;
        var next = TaskTransitions.FailToStart(task, transaction.Now, transaction.Settings,
            new Dictionary<string, string>(StringComparer.Ordinal) { [containerName] = reason }) with { Version = task.Version + 1 };
        transaction.Put(next);
        return next;
    }

    /// <summary>
    /// A container exited on its own (or was killed from outside). An essential one stops the task
    /// (EssentialContainerExited); another one just stops. A task already being stopped only records the exit.
    /// </summary>
    public static EcsTask? Exited(EcsTransaction transaction, string taskArn, ContainerExit exit)
    {
        if (Find(transaction, taskArn) is not { IsAlive: true } task) return null;
        if (task.Containers.FirstOrDefault(c => c.Name == exit.Name) is not { LastStatus: not EcsTaskStatus.Stopped } container) return null;
        var now = transaction.Now;
        var next = task with
        {
            Containers = [.. task.Containers.Select(c => c.Name == exit.Name
                ? c with { LastStatus = EcsTaskStatus.Stopped, ExitCode = exit.ExitCode, Reason = exit.Reason ?? c.Reason }
                : c)],
            Version = task.Version + 1,
        };
        if (container.Essential && task.DesiredStatus == EcsTaskStatus.Running)
        {
            next = TaskTransitions.StopBecauseEssentialExited(next, now);
            next = next.LastStatus == EcsTaskStatus.Running
                ? TaskTransitions.Deactivate(next, now, transaction.Settings)
                : TaskTransitions.BeginStopping(next, now, transaction.Settings);
        }
        transaction.Put(next);
        return next;
    }

    /// <summary>
    /// Every container of a STOPPING task is gone: each gets the exit code the runtime saw (a container that
    /// already exited keeps its own), and the task moves on to DEPROVISIONING.
    /// </summary>
    public static EcsTask? Stopped(EcsTransaction transaction, string taskArn, IReadOnlyList<ContainerExit> exits)
    {
        if (Find(transaction, taskArn) is not { LastStatus: EcsTaskStatus.Stopping } task) return null;
        var byName = exits.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var withExits = task with
        {
            Containers = [.. task.Containers.Select(c => c.LastStatus != EcsTaskStatus.Stopped && byName.TryGetValue(c.Name, out var e)
                ? c with { LastStatus = EcsTaskStatus.Stopped, ExitCode = e.ExitCode, Reason = e.Reason ?? c.Reason }
                : c)],
        };
        var next = TaskTransitions.Deprovision(withExits, transaction.Now, transaction.Settings) with { Version = task.Version + 1 };
        transaction.Put(next);
        return next;
    }

    /// <summary>
    /// A container's health check result changed. An UNHEALTHY essential container of a service task makes the
    /// service scheduler stop the task (it is then replaced); a task run by hand runs on whatever its health.
    /// </summary>
    public static EcsTask? HealthChanged(EcsTransaction transaction, string taskArn, string containerName, string health)
    {
        if (Find(transaction, taskArn) is not { IsAlive: true } task) return null;
        if (task.Containers.FirstOrDefault(c => c.Name == containerName) is not { } container || container.HealthStatus == health) return null;
        var next = task with
        {
            Containers = [.. task.Containers.Select(c => c.Name == containerName ? c with { HealthStatus = health } : c)],
            Version = task.Version + 1,
        };
        transaction.Put(next);
        if (health == ContainerHealth.Unhealthy && container.Essential && next.ServiceArn is not null && next.DesiredStatus == EcsTaskStatus.Running)
        {
            var reason = StopReasons.FailedContainerHealthChecks;
            next = TaskLauncher.RequestStop(transaction, next, reason.StopCode, reason.Format());
            if (next.ServiceArn is { } serviceArn && transaction.World.Services.GetValueOrDefault(serviceArn) is { } service)
            {
                transaction.Put(service with
                {
                    Events = ServiceEventLog.Add(service.Events, transaction.Ids.Uuid(), transaction.Now, ServiceMessages.FailedContainerHealthChecks(service.Name, next.Id)),
                });
            }
        }
        return next;
    }

    /// <summary>
    /// The task's containers are gone from the engine (removed while the simulator was not watching): the task
    /// stops with that reason, and a service replaces it.
    /// </summary>
    public static EcsTask? Lost(EcsTransaction transaction, string taskArn)
    {
        var reason = StopReasons.ContainersVanished.Format();
        if (Find(transaction, taskArn) is not { IsAlive: true } task) return null;
        var now = transaction.Now;
        var next = task with
        {
            DesiredStatus = EcsTaskStatus.Stopped,
            StopCode = task.StopCode ?? StopReasons.ContainersVanished.StopCode,
            StoppedReason = task.StoppedReason ?? reason,
            StoppingAt = task.StoppingAt ?? now,
            Containers = [.. task.Containers.Select(c => c.LastStatus == EcsTaskStatus.Stopped ? c : c with { LastStatus = EcsTaskStatus.Stopped, Reason = reason })],
        };
        next = TaskTransitions.Deprovision(next, now, transaction.Settings) with { Version = task.Version + 1 };
        transaction.Put(next);
        return next;
    }

    private static EcsTask? Find(EcsTransaction transaction, string taskArn) => transaction.World.Tasks.GetValueOrDefault(taskArn);
}
