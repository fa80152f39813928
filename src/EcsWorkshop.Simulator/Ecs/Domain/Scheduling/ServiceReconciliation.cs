using EcsWorkshop.Simulator.Errors;
using System.Collections.Immutable;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Ecs.Domain.Scheduling;

/// <summary>
/// One tick of the scheduler for one service. In order: learn from the primary deployment's launches (failures
/// counted once, the launch throttle), trip the circuit breaker (and roll back), stop tasks that are surplus or
/// replaced while enough keep running (minimumHealthyPercent), start the primary's missing tasks within
/// maximumPercent, drop deployments whose tasks are all gone, complete the deployment, report a steady state.
/// A DRAINING service only has its tasks stopped, and turns INACTIVE once they are.
/// </summary>
/// <remarks>
/// Counting: a task is <i>live</i> while it is alive and meant to run (desired RUNNING); a task being stopped is
/// still alive and keeps its place under maximumPercent until it has STOPPED, so the limits hold for the counts
/// DescribeServices shows at every moment.
/// </remarks>
internal sealed class ServiceReconciliation
{
    /// <summary>At most this many tasks are started for one service in one tick.</summary>
    public const int MaxLaunchesPerTick = 10;

    private readonly EcsTransaction _transaction;
    private readonly Dictionary<string, EcsTask> _tasks;
    private readonly List<string> _events = [];
    private Service _service;

    private ServiceReconciliation(EcsTransaction transaction, Service service, IEnumerable<EcsTask> tasks)
    {
        _transaction = transaction;
        _service = service;
        _tasks = tasks.ToDictionary(t => t.Arn, StringComparer.Ordinal);
    }

    /// <summary>The service after one tick (the same instance when nothing changed); task changes are stored as they happen.</summary>
    public static Service Run(EcsTransaction transaction, Service service, IReadOnlyList<EcsTask> tasks)
    {
        var run = new ServiceReconciliation(transaction, service, tasks);
        if (service.Status == ServiceStatus.Draining) run.Drain();
        else run.Reconcile();
        return run.WithEvents();
    }

    private DateTimeOffset Now => _transaction.Now;

    private string Name => _service.Name;

    private Deployment Primary => _service.Primary;

    private IEnumerable<EcsTask> Alive => _tasks.Values.Where(t => t.IsAlive);

    private IEnumerable<EcsTask> Live => Alive.Where(t => t.DesiredStatus == EcsTaskStatus.Running);

    private IEnumerable<EcsTask> LiveOf(Deployment deployment) => Live.Where(t => t.StartedBy == deployment.Id);

    private static bool IsRunning(EcsTask task) => task.LastStatus == EcsTaskStatus.Running;

    private ImmutableArray<ServiceLoadBalancer> Balancers => _service.TargetGroups();

    private ILoadBalancing LoadBalancing => _transaction.LoadBalancing;

    /// <summary>A task's target in a target group: its private IP and the container port (null before it has an IP).</summary>
    private static TaskTarget? TargetOf(EcsTask task, ServiceLoadBalancer balancer) =>
        task.NetworkInterface?.PrivateIpv4Address is { } ip ? new TaskTarget(ip, balancer.ContainerPort, task.AvailabilityZone) : null;

    /// <summary>
    /// RUNNING and, for a service behind load balancers, healthy in each of its target groups: only such a task counts
    /// toward the deployment ("considered healthy if they're in the RUNNING state and are reported as healthy by the
    /// load balancer", CreateService's documentation).
    /// </summary>
    private bool IsInService(EcsTask task) =>
        IsRunning(task) && Balancers.All(b => TargetOf(task, b) is { } target && LoadBalancing.Health(b.TargetGroupArn, target).IsHealthy);

    /// <summary>
    /// A task that stopped, or is stopping, on its own before it ever reached RUNNING, or that was stopped because it
    /// failed its ELB health checks (the circuit breaker counts those too).
    /// </summary>
    private static bool IsStartFailure(EcsTask task) =>
        task.DesiredStatus == EcsTaskStatus.Stopped
        && ((task.StartedAt is null && task.StopCode is StopCode.TaskFailedToStart or StopCode.EssentialContainerExited)
            || FailedElbHealthChecks(task));

    private static readonly string ElbHealthFailurePrefix = StopReasons.ElbHealthChecksFailed.Template[..StopReasons.ElbHealthChecksFailed.Template.IndexOf('{')];

    private static bool FailedElbHealthChecks(EcsTask task) =>
        task.StopCode == StopCode.ServiceSchedulerInitiated && task.StoppedReason?.StartsWith(ElbHealthFailurePrefix, StringComparison.Ordinal) == true;

    /// <summary>Whether a task of the deployment has served: RUNNING, and behind load balancers also healthy.</summary>
    private bool HasServed(EcsTask task) => Balancers.IsEmpty ? task.StartedAt is not null : IsInService(task);

    private void Reconcile()
    {
        AccountPrimaryLaunches();
        TripCircuitBreaker();
        DeregisterStoppingTasks();
        RegisterActivatingTasks();
        ReplaceTasksFailingHealthChecks();
        var stopped = StopSurplusAndReplacedTasks();
        StartMissingTasks(stopped);
        RetireDrainedDeployments();
        CompleteDeployment();
        ReportSteadyState();
    }

    private void Drain()
    {
        Stop([.. Live]);
        DeregisterStoppingTasks();
        if (!Alive.Any()) _service = _service with { Status = ServiceStatus.Inactive };
    }

    /// <summary>
    /// Counts each new start failure of the primary deployment once: into failedTasks (until one of its tasks has
    /// reached RUNNING, which resets it to zero for good) and into the launch throttle's run of failures (which a
    /// RUNNING task ends).
    /// </summary>
    private void AccountPrimaryLaunches()
    {
        var primary = Primary;
        var launches = primary.LaunchHistory;
        var tasks = _tasks.Values.Where(t => t.StartedBy == primary.Id).ToList();

        var reachedRunning = launches.TaskReachedRunning || tasks.Any(HasServed);
        var failedTasks = reachedRunning && !launches.TaskReachedRunning ? 0 : primary.FailedTasks;
        var newFailures = tasks.Where(t => IsStartFailure(t) && !launches.CountedFailures.Contains(t.Arn)).Select(t => t.Arn).ToList();
        var streak = launches.ConsecutiveFailures;
        var nextLaunchAt = launches.NextLaunchAt;
        if (newFailures.Count > 0)
        {
            var before = streak;
            streak += newFailures.Count;
            if (!reachedRunning) failedTasks += newFailures.Count;
            var delay = LaunchThrottle.DelayAfter(streak);
            nextLaunchAt = delay > TimeSpan.Zero ? Now + _transaction.Settings.Scaled(delay) : null;
            if (before < LaunchThrottle.EngagesAfter && streak >= LaunchThrottle.EngagesAfter && !WillTripCircuitBreaker(failedTasks, reachedRunning))
                ReportOnce(ServiceMessages.UnableToConsistentlyStart(Name));
        }
        if (tasks.Any(t => t.DesiredStatus == EcsTaskStatus.Running && (Balancers.IsEmpty ? IsRunning(t) : IsInService(t))))
        {
            streak = 0;
            nextLaunchAt = null;
        }
        var world = _transaction.World;
        var remembered = launches.CountedFailures.RemoveAll(arn => !world.Tasks.ContainsKey(arn)).AddRange(newFailures);

        var updated = new LaunchRecord(reachedRunning, streak, nextLaunchAt, remembered);
        if (failedTasks == primary.FailedTasks && reachedRunning == launches.TaskReachedRunning && streak == launches.ConsecutiveFailures
            && nextLaunchAt == launches.NextLaunchAt && remembered.SequenceEqual(launches.CountedFailures))
            return;
        ReplacePrimary(primary with
        {
            FailedTasks = failedTasks,
            Launches = updated,
            UpdatedAt = failedTasks == primary.FailedTasks ? primary.UpdatedAt : Now,
        });
    }

    private bool WillTripCircuitBreaker(int failedTasks, bool reachedRunning) =>
        _service.DeploymentConfiguration.CircuitBreakerEnabled
        && !reachedRunning
        && failedTasks >= DeploymentRules.CircuitBreakerThreshold(_service.DesiredCount);

    /// <summary>
    /// With the circuit breaker on, a primary deployment whose failed tasks reach the threshold FAILS and starts no
    /// more tasks; with rollback, a new primary deployment of the last completed one takes over.
    /// </summary>
    private void TripCircuitBreaker()
    {
        var configuration = _service.DeploymentConfiguration;
        var primary = Primary;
        if (primary.RolloutState != RolloutState.InProgress
            || !WillTripCircuitBreaker(primary.FailedTasks, primary.LaunchHistory.TaskReachedRunning))
            return;

        var failed = primary with
        {
            RolloutState = RolloutState.Failed,
            RolloutStateReason = ServiceMessages.CircuitBreakerTripped,
            UpdatedAt = Now,
        };
        _events.Add(ServiceMessages.DeploymentFailed(Name, primary.Id));
        if (configuration.CircuitBreakerRollback
            && _service.LastCompletedDeployment is { } completed
            && _transaction.World.TaskDefinitions.TryGetValue(completed.TaskDefinitionArn, out var definition))
        {
            var rollback = ServiceCommands.NewDeployment(
                _transaction, definition, completed.LaunchType, completed.PlatformVersion, completed.NetworkConfiguration,
                _service.DesiredCount, ServiceMessages.RolloutRollingBack(completed.Id), completed.StrategyOf(_service));
            _service = _service with
            {
                TaskDefinitionArn = completed.TaskDefinitionArn,
                NetworkConfiguration = completed.NetworkConfiguration,
                Deployments = [rollback, .. _service.Deployments.Select(d => d.Id == primary.Id ? failed with { Status = DeploymentStatus.Active } : d)],
            };
            _events.Add(ServiceMessages.RollingBack(Name, completed.Id));
        }
        else
        {
            ReplacePrimary(failed);
        }
    }

    /// <summary>
    /// Stops the primary's tasks beyond the desired count (those still starting first), every task of an older
    /// deployment that is still starting, and older RUNNING tasks as long as minimumHealthyPercent stays RUNNING.
    /// Returns how many tasks it stopped.
    /// </summary>
    private int StopSurplusAndReplacedTasks()
    {
        var desired = _service.DesiredCount;
        var primary = Primary;
        var toStop = new List<EcsTask>();

        var primaryLive = LiveOf(primary).ToList();
        toStop.AddRange(primaryLive.OrderBy(IsRunning).ThenByDescending(t => t.CreatedAt).Take(primaryLive.Count - desired));

        var older = Live.Where(t => t.StartedBy != primary.Id).ToList();
        toStop.AddRange(older.Where(t => !IsRunning(t)));
        var runningAfterStops = Live.Count(IsInService) - toStop.Count(IsInService);
        var spare = runningAfterStops - DeploymentRules.MinimumHealthyTasks(desired, _service.DeploymentConfiguration);
        toStop.AddRange(older.Where(IsRunning).OrderBy(IsInService).ThenBy(t => t.StartedAt).Take(spare));

        Stop(toStop);
        return toStop.Count;
    }

    /// <summary>
    /// Starts the primary deployment's missing tasks, as many as maximumPercent leaves room for, unless the
    /// deployment failed or the launch throttle asks to wait. EC2 and EXTERNAL tasks cannot be placed: the
    /// simulator has no container instances.
    /// </summary>
    private void StartMissingTasks(int stoppedThisTick)
    {
        var primary = Primary;
        var desired = _service.DesiredCount;
        var missing = desired - LiveOf(primary).Count();
        if (missing <= 0 || primary.RolloutState == RolloutState.Failed || primary.LaunchHistory.NextLaunchAt > Now) return;

        var room = DeploymentRules.MaximumTasks(desired, _service.DeploymentConfiguration) - Alive.Count();
        var count = Math.Min(Math.Min(missing, room), MaxLaunchesPerTick);
        if (count <= 0)
        {
            var inFlight = Alive.Any(t => t.DesiredStatus != EcsTaskStatus.Running || !IsInService(t));
            if (stoppedThisTick == 0 && !inFlight) ReportOnce(ServiceMessages.BlockedByDeploymentConfiguration(Name));
            return;
        }
        if (primary.EffectiveLaunchType != LaunchType.Fargate)
        {
            ReportOnce(ServiceMessages.NoContainerInstances(Name));
            return;
        }
        Launch(primary, count);
    }

    private void Launch(Deployment primary, int count)
    {
        var world = _transaction.World;
        if (!world.TaskDefinitions.TryGetValue(primary.TaskDefinitionArn, out var definition)
            || !world.Clusters.TryGetValue(_service.ClusterArn, out var cluster))
        {
            ReportOnce(ServiceMessages.UnableToPlace(Name, "Unable to describe task definition."));
            return;
        }
        var request = new TaskLaunchRequest(
            cluster, definition, LaunchType.Fargate, primary.PlatformVersion, primary.NetworkConfiguration,
            Group: $"service:{Name}", StartedBy: primary.Id, ServiceArn: _service.Arn,
            _service.EnableExecuteCommand, TagsFor(cluster, definition), TaskOverrides.None);
        var placed = LiveOf(primary)
            .Where(t => t.CapacityProviderName is not null)
            .GroupBy(t => t.CapacityProviderName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var started = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var provider = CapacityProviderRules.ChooseFor(primary.StrategyOf(_service), placed);
            if (TaskCapacity.Refusal(_transaction, definition, TaskOverrides.None) is { } refusal)
            {
                ReportOnce(ServiceMessages.UnableToPlace(Name, refusal.EventReason));
                break;
            }
            EcsTask task;
            try
            {
                task = TaskLauncher.Launch(_transaction, request with { CapacityProviderName = provider });
            }
            catch (DomainError e)
            {
                ReportOnce(ServiceMessages.UnableToPlace(Name, e.Message));
                break;
            }
            _tasks[task.Arn] = task;
            started.Add(task.Id);
            if (provider is not null) placed[provider] = placed.GetValueOrDefault(provider) + 1;
        }
        if (started.Count > 0) _events.Add(ServiceMessages.StartedTasks(Name, started));
    }

    /// <summary>The tags a new task gets: the service's or the task definition's (propagateTags), and ECS's managed tags.</summary>
    private ImmutableArray<Tag> TagsFor(Cluster cluster, TaskDefinition definition)
    {
        var tags = _service.PropagateTags switch
        {
            PropagateTagsFrom.Service => _service.Tags,
            PropagateTagsFrom.TaskDefinition => definition.Tags,
            _ => [],
        };
        if (tags.IsDefault) tags = [];
        return _service.EnableEcsManagedTags
            ? tags.Add(new Tag("aws:ecs:clusterName", cluster.Name)).Add(new Tag("aws:ecs:serviceName", Name))
            : tags;
    }

    /// <summary>
    /// Stops tasks (ServiceSchedulerInitiated, with <paramref name="reason"/> or the scaling activity's words). Behind
    /// a load balancer, their targets are deregistered first and each task waits in DEACTIVATING until its targets
    /// have drained (at most the target group's deregistration delay), as ECS waits for them to be unused.
    /// </summary>
    private void Stop(IReadOnlyCollection<EcsTask> tasks, Func<EcsTask, string>? reason = null)
    {
        if (tasks.Count == 0) return;
        foreach (var task in tasks)
            _tasks[task.Arn] = TaskLauncher.RequestStop(
                _transaction, task, StopCode.ServiceSchedulerInitiated, reason?.Invoke(task) ?? ServiceMessages.ScalingActivity(task.StartedBy ?? Primary.Id));
        _events.Add(ServiceMessages.StoppedTasks(Name, [.. tasks.Select(t => t.Id)]));
        if (Balancers.IsEmpty) return;
        DeregisterStoppingTasks();
        foreach (var task in tasks) HoldWhileDraining(_tasks[task.Arn]);
    }

    /// <summary>A RUNNING task being stopped turns DEACTIVATING now and stays so until its targets have drained.</summary>
    private void HoldWhileDraining(EcsTask task)
    {
        if (task.LastStatus != EcsTaskStatus.Running || task.DesiredStatus != EcsTaskStatus.Stopped) return;
        var deactivating = TaskTransitions.Deactivate(task, Now, _transaction.Settings);
        foreach (var balancer in Balancers)
            if (TargetOf(task, balancer) is { } target && LoadBalancing.Health(balancer.TargetGroupArn, target).DrainingUntil is { } until
                && until > deactivating.NextTransitionAt)
                deactivating = deactivating with { NextTransitionAt = until };
        deactivating = deactivating with { Version = task.Version + 1 };
        _transaction.Put(deactivating);
        _tasks[task.Arn] = deactivating;
    }

    /// <summary>
    /// Registers the targets of tasks that are ACTIVATING or RUNNING and meant to run (the current ECS guide puts
    /// registration in ACTIVATING), with one "registered N targets" event per target group.
    /// </summary>
    private void RegisterActivatingTasks()
    {
        foreach (var balancer in Balancers)
        {
            var count = 0;
            foreach (var task in Live.Where(t => t.LastStatus is EcsTaskStatus.Activating or EcsTaskStatus.Running).ToList())
            {
                if (TargetOf(task, balancer) is not { } target || LoadBalancing.Health(balancer.TargetGroupArn, target).Registered) continue;
                LoadBalancing.Register(balancer.TargetGroupArn, target);
                count++;
            }
            if (count > 0) _events.Add(ServiceMessages.RegisteredTargets(Name, count, balancer.TargetGroupArn));
        }
    }

    /// <summary>
    /// Deregisters the targets of every task that is being stopped, whoever stopped it, with ECS's
    /// "deregistered N targets" event per target group and one "has begun draining connections" event.
    /// </summary>
    private void DeregisterStoppingTasks()
    {
        var draining = new HashSet<string>(StringComparer.Ordinal);
        foreach (var balancer in Balancers)
        {
            var count = 0;
            foreach (var task in Alive.Where(t => t.DesiredStatus == EcsTaskStatus.Stopped).ToList())
            {
                if (TargetOf(task, balancer) is not { } target) continue;
                var health = LoadBalancing.Health(balancer.TargetGroupArn, target);
                if (!health.Registered || health.IsDraining) continue;
                LoadBalancing.Deregister(balancer.TargetGroupArn, target);
                draining.Add(task.Arn);
                count++;
            }
            if (count > 0) _events.Add(ServiceMessages.DeregisteredTargets(Name, count, balancer.TargetGroupArn));
        }
        if (draining.Count > 0) _events.Add(ServiceMessages.BegunDraining(Name, draining.Count));
    }

    /// <summary>
    /// Stops RUNNING tasks whose target is unhealthy once the health check grace period (from RUNNING) has passed:
    /// ECS's "is unhealthy in" event, then the task stops with "Task failed ELB health checks in (target-group …)" and
    /// the scheduler starts a replacement.
    /// </summary>
    private void ReplaceTasksFailingHealthChecks()
    {
        if (Balancers.IsEmpty) return;
        var grace = _transaction.Settings.Scaled(TimeSpan.FromSeconds(_service.HealthCheckGracePeriodSeconds ?? 0));
        var failing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var task in Live.Where(IsRunning).ToList())
        {
            if (task.StartedAt is not { } startedAt || startedAt + grace > Now) continue;
            foreach (var balancer in Balancers)
            {
                if (TargetOf(task, balancer) is not { } target) continue;
                var health = LoadBalancing.Health(balancer.TargetGroupArn, target);
                if (!health.IsUnhealthy) continue;
                _events.Add(ServiceMessages.TargetUnhealthy(Name, balancer.ContainerPort, balancer.TargetGroupArn, health.Description ?? "Health checks failed"));
                failing[task.Arn] = balancer.TargetGroupArn;
                break;
            }
        }
        if (failing.Count > 0)
            Stop([.. failing.Keys.Select(arn => _tasks[arn])], task => StopReasons.ElbHealthChecksFailed.Format(failing[task.Arn]));
    }

    /// <summary>
    /// Older deployments whose tasks have all stopped drop out, except one the circuit breaker failed, which stays
    /// listed (ACTIVE, rolloutState FAILED) while the rollback it caused is in progress; the others show the tasks
    /// they still keep.
    /// </summary>
    private void RetireDrainedDeployments()
    {
        var withTasks = Alive.Select(t => t.StartedBy).ToHashSet(StringComparer.Ordinal);
        var liveCounts = Live.GroupBy(t => t.StartedBy ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var changed = false;
        var kept = ImmutableArray.CreateBuilder<Deployment>(_service.Deployments.Length);
        foreach (var deployment in _service.Deployments)
        {
            if (deployment.Status == DeploymentStatus.Primary)
            {
                kept.Add(deployment);
            }
            else if (!withTasks.Contains(deployment.Id) && !IsFailedDuringRollback(deployment))
            {
                changed = true;
            }
            else if (liveCounts.GetValueOrDefault(deployment.Id) is var live && live != deployment.DesiredCount)
            {
                kept.Add(deployment with { DesiredCount = live, UpdatedAt = Now });
                changed = true;
            }
            else
            {
                kept.Add(deployment);
            }
        }
        if (changed) _service = _service with { Deployments = kept.ToImmutable() };
    }

    /// <summary>A deployment the circuit breaker failed, while the PRIMARY deployment (the rollback) is still in progress.</summary>
    private bool IsFailedDuringRollback(Deployment deployment) =>
        deployment.RolloutState == RolloutState.Failed && deployment.Status != DeploymentStatus.Primary
        && Primary.RolloutState == RolloutState.InProgress;

    private void CompleteDeployment()
    {
        var primary = Primary;
        if (primary.RolloutState != RolloutState.InProgress || !IsSettled(primary)) return;
        var completed = primary with
        {
            RolloutState = RolloutState.Completed,
            RolloutStateReason = ServiceMessages.RolloutCompleted(primary.Id),
            UpdatedAt = Now,
        };
        ReplacePrimary(completed);
        _service = _service with { LastCompletedDeployment = completed };
        _events.Add(ServiceMessages.DeploymentCompleted(Name, primary.Id));
    }

    /// <summary>
    /// Reports a steady state when the deployment is complete and exactly the desired count runs; not again while
    /// nothing else has happened, except every six hours.
    /// </summary>
    private void ReportSteadyState()
    {
        var primary = Primary;
        if (primary.RolloutState != RolloutState.Completed || !IsSettled(primary)) return;
        var message = ServiceMessages.SteadyState(Name);
        if (_events.Count == 0 && ServiceEventLog.IsLatest(_service.Events, message, Now)) return;
        _events.Add(message);
    }

    /// <summary>
    /// One deployment (besides a failed one without tasks that a rollback keeps listed), and exactly its desired count
    /// of tasks alive, all RUNNING and meant to run.
    /// </summary>
    private bool IsSettled(Deployment primary)
    {
        if (_service.Deployments.Any(d => d.Id != primary.Id && (d.RolloutState != RolloutState.Failed || Alive.Any(t => t.StartedBy == d.Id))))
            return false;
        var count = 0;
        foreach (var task in Alive)
        {
            if (task.StartedBy != primary.Id || task.DesiredStatus != EcsTaskStatus.Running || !IsInService(task)) return false;
            count++;
        }
        return count == _service.DesiredCount;
    }

    /// <summary>Adds a problem report unless the same one was made within six hours.</summary>
    private void ReportOnce(string message)
    {
        if (!_events.Contains(message) && !ServiceEventLog.ReportedRecently(_service.Events, message, Now)) _events.Add(message);
    }

    private void ReplacePrimary(Deployment primary) =>
        _service = _service with
        {
            Deployments = [.. _service.Deployments.Select(d => d.Status == DeploymentStatus.Primary ? primary : d)],
        };

    private Service WithEvents()
    {
        if (_events.Count == 0) return _service;
        var events = _service.Events;
        foreach (var message in _events) events = ServiceEventLog.Add(events, _transaction.Ids.Uuid(), Now, message);
        return _service with { Events = events };
    }
}
