using EcsWorkshop.Simulator.Clock;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>
/// The task lifecycle as pure steps: given a task and the time its next step is due, the task after that step.
/// Every timestamp a step writes is the step's due time, never "now", so the same history results however coarsely
/// the clock is ticked.
/// </summary>
/// <remarks>
/// Starting: PROVISIONING → PENDING (ENI attached, agent connected, image pull starts) → ACTIVATING (pull done,
/// containers created) → RUNNING (containers running). Stopping: RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING
/// (containers stopped) → STOPPED (ENI deleted). A task asked to stop while starting skips what it never reached:
/// from PROVISIONING it goes to DEPROVISIONING, from PENDING or ACTIVATING to STOPPING.
/// A container stopped by ECS (StopTask, the scheduler, another essential container exiting) exits with code 0: the
/// simulated applications shut down cleanly on SIGTERM (as nginx does) instead of being killed after the stop timeout
/// (which would show 137). Containers that never started get no exit code.
/// </remarks>
public static class TaskTransitions
{
    /// <summary>How long ECS keeps showing a STOPPED task (real time, whatever the simulation speed).</summary>
    public static readonly TimeSpan StoppedRetention = TimeSpan.FromHours(1);

    /// <summary>The reason ECS gives when an essential container exits.</summary>
    public static readonly string EssentialContainerExitedReason = StopReasons.EssentialContainerExited.Format();

    /// <summary>True when the lifecycle has a step due for the task at <paramref name="now"/> (removal excluded).</summary>
    public static bool HasStepDue(EcsTask task, DateTimeOffset now) =>
        task.LastStatus != EcsTaskStatus.Stopped && task.NextTransitionAt is { } at && at <= now;

    /// <summary>True when a STOPPED task has been kept long enough and is to be forgotten.</summary>
    public static bool IsExpired(EcsTask task, DateTimeOffset now) =>
        task.LastStatus == EcsTaskStatus.Stopped && task.NextTransitionAt is { } at && at <= now;

    /// <summary>Applies every step due by <paramref name="now"/>, in order (the task itself if none is due).</summary>
    public static EcsTask CatchUp(EcsTask task, DateTimeOffset now, SimulationSettings settings)
    {
        while (HasStepDue(task, now)) task = Step(task, settings);
        return task;
    }

    /// <summary>The task after its next step, which is due at <see cref="EcsTask.NextTransitionAt"/>.</summary>
    public static EcsTask Step(EcsTask task, SimulationSettings settings)
    {
        var at = task.NextTransitionAt ?? throw new InvalidOperationException($"Task {task.Id} has no step due.");
        var next = task.LastStatus switch
        {
            EcsTaskStatus.Provisioning when IsStopRequested(task) => Deprovision(task, at, settings),
            EcsTaskStatus.Provisioning when task.NetworkInterfaceFailure is { } failure => FailToProvision(task, at, settings, failure),
            EcsTaskStatus.Provisioning => StartPulling(task, at, settings),
            EcsTaskStatus.Pending when IsStopRequested(task) => BeginStopping(task, at, settings),
            EcsTaskStatus.Pending => Activate(task, at, settings),
            EcsTaskStatus.Activating when IsStopRequested(task) => BeginStopping(task, at, settings),
            EcsTaskStatus.Activating => Start(task, at, settings),
            EcsTaskStatus.Running when IsStopRequested(task) => Deactivate(task, at, settings),
            EcsTaskStatus.Running => WhileRunning(task, at, settings),
            EcsTaskStatus.Deactivating => BeginStopping(task, at, settings),
            EcsTaskStatus.Stopping => Deprovision(task, at, settings),
            EcsTaskStatus.Deprovisioning => Finish(task, at),
            _ => throw new InvalidOperationException($"Task {task.Id} is {task.LastStatus}; nothing follows."),
        };
        return next with { Version = task.Version + 1 };
    }

    private static bool IsStopRequested(EcsTask task) => task.DesiredStatus == EcsTaskStatus.Stopped;

    /// <summary>
    /// PROVISIONING → DEPROVISIONING when the task's network interface could not be created (its subnet is full): it
    /// stops with TaskFailedToStart and EC2's reason, no container having started.
    /// </summary>
    private static EcsTask FailToProvision(EcsTask task, DateTimeOffset at, SimulationSettings settings, string reason) =>
        Deprovision(task with
        {
            DesiredStatus = EcsTaskStatus.Stopped,
            StopCode = Tasks.StopCode.TaskFailedToStart,
            StoppedReason = reason,
            StoppingAt = at,
        }, at, settings);

    private static EcsTask StartPulling(EcsTask task, DateTimeOffset at, SimulationSettings settings) => task with
    {
        LastStatus = EcsTaskStatus.Pending,
        NetworkInterface = task.NetworkInterface is { } eni ? eni with { Status = AttachmentStatus.Attached } : null,
        ConnectivityAt = at,
        PullStartedAt = at,
        NextTransitionAt = settings.RunsContainers ? null : at + settings.Scaled(settings.Timings.Pending),
    };

    /// <summary>
    /// PENDING → ACTIVATING: the images are pulled (each container gets the digest it resolved to), unless a container
    /// could not start (its image cannot be pulled, its log driver cannot write): then the task stops with
    /// TaskFailedToStart and that reason, as ECS stops it.
    /// </summary>
    private static EcsTask Activate(EcsTask task, DateTimeOffset at, SimulationSettings settings)
    {
        if (task.Containers.FirstOrDefault(c => c.Readiness?.StartFailure is not null) is { Readiness.StartFailure: not null })
            return FailToStart(task, at, settings, task.Containers.Where(c => c.Readiness?.StartFailure is not null)
                .ToDictionary(c => c.Name, c => c.Readiness!.StartFailure!, StringComparer.Ordinal));
        return task with
        {
            LastStatus = EcsTaskStatus.Activating,
            PullStoppedAt = at,
            Containers = [.. task.Containers.Select((c, i) => c with { RuntimeId = RuntimeIdFor(task, i), ImageDigest = c.Readiness?.ImageDigest })],
            NextTransitionAt = at + settings.Scaled(settings.Timings.Activating),
        };
    }

    /// <summary>
    /// The task could not start: it stops with TaskFailedToStart, the first failing container's reason as the task's
    /// stoppedReason, and each failing container's reason on it.
    /// </summary>
    internal static EcsTask FailToStart(EcsTask task, DateTimeOffset at, SimulationSettings settings, IReadOnlyDictionary<string, string> reasons) =>
        BeginStopping(task with
        {
            DesiredStatus = EcsTaskStatus.Stopped,
            StopCode = Tasks.StopCode.TaskFailedToStart,
            StoppedReason = task.Containers.Select(c => reasons.GetValueOrDefault(c.Name)).First(r => r is not null),
            StoppingAt = at,
            PullStoppedAt = at,
            Containers = [.. task.Containers.Select(c => reasons.TryGetValue(c.Name, out var reason) ? c with { Reason = reason } : c)],
        }, at, settings);

    /// <summary>Fargate's runtime id: the task id, a dash and a number unique to the container.</summary>
    private static string RuntimeIdFor(EcsTask task, int index)
    {
        var hash = 2166136261u;
        foreach (var c in task.Containers[index].ContainerArn) hash = (hash ^ c) * 16777619u;
        return $"{task.Id}-{hash % 9_000_000_000u + 1_000_000_000u}";
    }

    /// <summary>ACTIVATING → RUNNING, unless the simulated fault makes an essential container exit while starting.</summary>
    private static EcsTask Start(EcsTask task, DateTimeOffset at, SimulationSettings settings)
    {
        if (task.SimulatedExit is { After.Ticks: 0 } exit && IsEssential(task, exit.ContainerName))
        {
            var exited = ExitContainer(task, exit);
            return BeginStopping(StopBecauseEssentialExited(exited, at), at, settings);
        }
        var running = task with
        {
            LastStatus = EcsTaskStatus.Running,
            StartedAt = at,
            Containers = [.. task.Containers.Select(c => c.LastStatus == EcsTaskStatus.Stopped ? c : c with { LastStatus = EcsTaskStatus.Running })],
        };
        if (task.SimulatedExit is { After.Ticks: 0 } nonEssential) running = ExitContainer(running, nonEssential);
        return running with { NextTransitionAt = NextRunningEvent(running, settings) };
    }

    /// <summary>A RUNNING task's scheduled events: health checks passing, and the simulated exit.</summary>
    private static EcsTask WhileRunning(EcsTask task, DateTimeOffset at, SimulationSettings settings)
    {
        var startedAt = task.StartedAt ?? at;
        var containers = task.Containers.Select(c =>
            c.LastStatus == EcsTaskStatus.Running && HealthCheckDue(c, startedAt, settings) is { } due && due <= at
                ? c with { HealthStatus = ContainerHealth.Healthy }
                : c);
        var current = task with { Containers = [.. containers] };
        if (PendingExit(current) is { } exit && startedAt + settings.Scaled(exit.After) <= at)
        {
            current = ExitContainer(current, exit);
            if (IsEssential(current, exit.ContainerName))
                return Deactivate(StopBecauseEssentialExited(current, at), at, settings);
        }
        return current with { NextTransitionAt = NextRunningEvent(current, settings) };
    }

    /// <summary>When the lifecycle next has something to do for a RUNNING task, or null if nothing is scheduled.</summary>
    private static DateTimeOffset? NextRunningEvent(EcsTask task, SimulationSettings settings)
    {
        if (settings.RunsContainers) return null;
        var startedAt = task.StartedAt ?? throw new InvalidOperationException($"Task {task.Id} is running without startedAt.");
        DateTimeOffset? next = null;
        foreach (var container in task.Containers)
            if (container.LastStatus == EcsTaskStatus.Running && HealthCheckDue(container, startedAt, settings) is { } due)
                next = next is null || due < next ? due : next;
        if (PendingExit(task) is { } exit)
        {
            var due = startedAt + settings.Scaled(exit.After);
            next = next is null || due < next ? due : next;
        }
        return next;
    }

    /// <summary>
    /// When a container's first health check passes: one interval after it started (Docker runs the first check after
    /// one interval; a passing check counts even inside the start period). Null without a check, or once known.
    /// </summary>
    private static DateTimeOffset? HealthCheckDue(TaskContainer container, DateTimeOffset startedAt, SimulationSettings settings) =>
        container is { HealthCheck: { } check, HealthStatus: ContainerHealth.Unknown }
            ? startedAt + settings.Scaled(TimeSpan.FromSeconds(Math.Max(check.Interval, 1)))
            : null;

    private static SimulatedExit? PendingExit(EcsTask task) =>
        task.SimulatedExit is { } exit && task.Containers.Any(c => c.Name == exit.ContainerName && c.LastStatus != EcsTaskStatus.Stopped)
            ? exit
            : null;

    private static bool IsEssential(EcsTask task, string containerName) =>
        task.Containers.Any(c => c.Name == containerName && c.Essential);

    private static EcsTask ExitContainer(EcsTask task, SimulatedExit exit) => task with
    {
        Containers = [.. task.Containers.Select(c => c.Name == exit.ContainerName
            ? c with { LastStatus = EcsTaskStatus.Stopped, ExitCode = exit.ExitCode }
            : c)],
    };

    internal static EcsTask StopBecauseEssentialExited(EcsTask task, DateTimeOffset at) => task with
    {
        DesiredStatus = EcsTaskStatus.Stopped,
        StopCode = Tasks.StopCode.EssentialContainerExited,
        StoppedReason = EssentialContainerExitedReason,
        StoppingAt = at,
    };

    internal static EcsTask Deactivate(EcsTask task, DateTimeOffset at, SimulationSettings settings) => task with
    {
        LastStatus = EcsTaskStatus.Deactivating,
        NextTransitionAt = at + settings.Scaled(settings.Timings.Deactivating),
    };

    internal static EcsTask BeginStopping(EcsTask task, DateTimeOffset at, SimulationSettings settings) => task with
    {
        LastStatus = EcsTaskStatus.Stopping,
        NextTransitionAt = settings.RunsContainers ? null : at + settings.Scaled(settings.Timings.Stopping),
    };

    /// <summary>The containers are gone (running ones exited cleanly); the network interface is being removed.</summary>
    internal static EcsTask Deprovision(EcsTask task, DateTimeOffset at, SimulationSettings settings) => task with
    {
        LastStatus = EcsTaskStatus.Deprovisioning,
        Containers = [.. task.Containers.Select(StopContainer)],
        ExecutionStoppedAt = at,
        NextTransitionAt = at + settings.Scaled(settings.Timings.Deprovisioning),
    };

    private static TaskContainer StopContainer(TaskContainer container) => container.LastStatus switch
    {
        EcsTaskStatus.Stopped => container,
        EcsTaskStatus.Running => container with { LastStatus = EcsTaskStatus.Stopped, ExitCode = 0 },
        _ => container with { LastStatus = EcsTaskStatus.Stopped },
    };

    private static EcsTask Finish(EcsTask task, DateTimeOffset at) => task with
    {
        LastStatus = EcsTaskStatus.Stopped,
        NetworkInterface = task.NetworkInterface is { } eni ? eni with { Status = AttachmentStatus.Deleted } : null,
        StoppedAt = at,
        NextTransitionAt = at + StoppedRetention,
    };
}
