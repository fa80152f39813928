namespace EcsWorkshop.Simulator.Ecs.Domain.Services;

/// <summary>The words ECS uses in service events, rollout reasons and the stop reasons of service tasks.</summary>
public static class ServiceMessages
{
    /// <summary><c>(service web) has started 2 tasks: (task a1…) (task b2…).</c></summary>
    public static string StartedTasks(string service, IReadOnlyCollection<string> taskIds) =>
        $"(service {service}) has started {taskIds.Count} tasks: {TaskList(taskIds)}.";

    /// <summary><c>(service web) has stopped 1 running tasks: (task a1…).</c></summary>
    public static string StoppedTasks(string service, IReadOnlyCollection<string> taskIds) =>
        $"(service {service}) has stopped {taskIds.Count} running tasks: {TaskList(taskIds)}.";

    /// <summary>
    /// <c>(service web) registered 1 targets in (target-group arn:…)</c>: no period at the end, as captured from a real
    /// service (elbv2-facts.md §4.3).
    /// </summary>
    public static string RegisteredTargets(string service, int count, string targetGroupArn) =>
        $"(service {service}) registered {count} targets in (target-group {targetGroupArn})";

    /// <summary><c>(service web) deregistered 1 targets in (target-group arn:…)</c>, as captured (no period).</summary>
    public static string DeregisteredTargets(string service, int count, string targetGroupArn) =>
        $"(service {service}) deregistered {count} targets in (target-group {targetGroupArn})";

    /// <summary>
    /// <c>(service web) has begun draining connections on 1 tasks.</c> The 2018–2020 form; a 2025 capture names the
    /// task set too (<c>(service web, taskSet ecs-svc/…)</c>), which the simulator, having no task sets, leaves out.
    /// </summary>
    public static string BegunDraining(string service, int count) =>
        $"(service {service}) has begun draining connections on {count} tasks.";

    /// <summary>
    /// <c>(service web) (port 80) is unhealthy in (target-group arn:…) due to (reason Health checks failed).</c> The
    /// reason is the target health description. (The shorter "(task ID) failed ELB health checks in …" text is not
    /// confirmed by any AWS source, so it is not used.)
    /// </summary>
    public static string TargetUnhealthy(string service, int port, string targetGroupArn, string reason) =>
        $"(service {service}) (port {port}) is unhealthy in (target-group {targetGroupArn}) due to (reason {reason.TrimEnd('.')}).";

    /// <summary>
    /// A service task failed its container health checks (the scheduler stops and replaces it). The text is the one
    /// AWS's knowledge center quotes (KC/ecs-task-container-health-check-failures:
    /// "(service &lt;service&gt;) (task &lt;task-id&gt;) failed container health checks"); the closing period follows the
    /// other service events and is not confirmed.
    /// </summary>
    public static string FailedContainerHealthChecks(string service, string taskId) =>
        $"(service {service}) (task {taskId}) failed container health checks.";

    public static string SteadyState(string service) => $"(service {service}) has reached a steady state.";

    public static string DeploymentCompleted(string service, string deploymentId) =>
        $"(service {service}) (deployment {deploymentId}) deployment completed.";

    public static string DeploymentFailed(string service, string deploymentId) =>
        $"(service {service}) (deployment {deploymentId}) deployment failed: tasks failed to start.";

    public static string RollingBack(string service, string deploymentId) =>
        $"(service {service}) rolling back to deployment {deploymentId}.";

    /// <summary>The launch throttle has started: tasks keep failing to start.</summary>
    public static string UnableToConsistentlyStart(string service) =>
        $"(service {service}) is unable to consistently start tasks successfully.";

    /// <summary>EC2 and EXTERNAL tasks need container instances, and the simulator has none.</summary>
    public static string NoContainerInstances(string service) =>
        $"(service {service}) was unable to place a task because no container instance met all of its requirements. " +
        "Reason: No Container Instances were found in your cluster.";

    /// <summary>A launch was refused (for example the task definition is gone).</summary>
    public static string UnableToPlace(string service, string reason) =>
        $"(service {service}) was unable to place a task. Reason: {reason.TrimEnd('.')}.";

    /// <summary>minimumHealthyPercent and maximumPercent leave no room to stop or start a task.</summary>
    public static string BlockedByDeploymentConfiguration(string service) =>
        $"(service {service}) was unable to stop or start tasks during a deployment because of the service deployment " +
        "configuration. Update the minimumHealthyPercent or maximumPercent value and try again.";

    public static string RolloutInProgress(string deploymentId) => $"ECS deployment {deploymentId} in progress.";

    public static string RolloutCompleted(string deploymentId) => $"ECS deployment {deploymentId} completed.";

    public const string CircuitBreakerTripped = "ECS deployment circuit breaker: tasks failed to start.";

    public static string RolloutRollingBack(string completedDeploymentId) =>
        $"ECS deployment circuit breaker: rolling back to deploymentId {completedDeploymentId}.";

    /// <summary>The stoppedReason of a task the scheduler stops (scale-in, replacement, deletion).</summary>
    public static string ScalingActivity(string deploymentId) => $"Scaling activity initiated by (deployment {deploymentId})";

    private static string TaskList(IEnumerable<string> taskIds) => string.Join(' ', taskIds.Select(id => $"(task {id})"));
}
