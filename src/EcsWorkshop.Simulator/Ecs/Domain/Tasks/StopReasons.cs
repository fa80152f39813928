using System.Collections.Immutable;
using System.Reflection;
using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>
/// One reason ECS writes when a task cannot start or stops (its <c>stoppedReason</c>, or a container's
/// <c>reason</c>), with the stop code it comes with and a stable id the Japanese catalogue keys on.
/// </summary>
public sealed record StopReason(string Id, StopCode StopCode, string Template)
{
    /// <summary>The names of the template's holes, in order of first appearance.</summary>
    public ImmutableArray<string> Holes { get; } = MessageTemplate.Holes(Template);

    /// <summary>Values to show the template with, one per hole.</summary>
    public ImmutableArray<string> Examples { get; init; } = [];

    /// <summary>The reason with its holes filled, in order.</summary>
    public string Format(params object?[] values) => MessageTemplate.Format(Id, Template, Holes, values);

    /// <summary>The reason shown with <see cref="Examples"/>.</summary>
    public string ExampleMessage() => MessageTemplate.Example(Id, Template, Holes, Examples);
}

/// <summary>Every stop reason the simulated ECS writes, as a value.</summary>
public static class StopReasons
{
    /// <summary>Every stop reason, in the order declared here.</summary>
    public static IReadOnlyList<StopReason> All =>
    [
        .. typeof(StopReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(StopReason))
            .Select(f => (StopReason)f.GetValue(null)!),
    ];

    public static readonly StopReason ImageReferenceInvalid = new("stop.image-reference-invalid", StopCode.TaskFailedToStart,
        "CannotPullContainerError: invalid reference format: {image}") { Examples = ["Web:App"] };
    public static readonly StopReason ImageNotFound = new("stop.image-not-found", StopCode.TaskFailedToStart,
        "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref {reference}: {reference}: not found")
        { Examples = ["123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/web:v9"] };
    public static readonly StopReason LogGroupMissing = new("stop.log-group-missing", StopCode.TaskFailedToStart,
        "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: " +
        "ResourceNotFoundException: The specified log group does not exist. : exit status 1");
    public static readonly StopReason EssentialContainerExited = new("stop.essential-container-exited", StopCode.EssentialContainerExited,
        "Essential container in task exited");
    /// <summary>A real DescribeTasks answer (boltops-tools/ufo#171; elbv2-facts.md §4.3); ECS has no stop code of its own for it.</summary>
    public static readonly StopReason ElbHealthChecksFailed = new("stop.elb-health-checks-failed", StopCode.ServiceSchedulerInitiated,
        "Task failed ELB health checks in (target-group {targetGroupArn})")
        { Examples = ["arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web-tg/0123456789abcdef"] };
    /// <summary>
    /// An awsvpc task whose subnet had no free address left: EC2 could not create its network interface, so the task
    /// stops in PROVISIONING. The text up to the subnet is AWS's (DG/failed-to-start-error.html, "Unexpected EC2 error
    /// while attempting to Create Network Interface … in subnet 'subnet-id'"); the closing <c>: InsufficientFreeAddressesInSubnet</c>
    /// (EC2's error code) is how users quote it (paradisec-archive/nabu#1259), unconfirmed by an AWS page.
    /// </summary>
    public static readonly StopReason SubnetHasNoFreeAddresses = new("stop.subnet-no-free-addresses", StopCode.TaskFailedToStart,
        "Unexpected EC2 error while attempting to Create Network Interface in subnet '{subnet}': InsufficientFreeAddressesInSubnet")
        { Examples = ["subnet-abcd1234"] };

    /// <summary>
    /// The same with <c>assignPublicIp=ENABLED</c>: the form AWS's troubleshooting page names (DG/failed-to-start-error.html);
    /// the closing error code as above (unconfirmed).
    /// </summary>
    public static readonly StopReason SubnetHasNoFreeAddressesWithPublicIp = new("stop.subnet-no-free-addresses-public-ip", StopCode.TaskFailedToStart,
        "Unexpected EC2 error while attempting to Create Network Interface with public IP assignment enabled in subnet '{subnet}': InsufficientFreeAddressesInSubnet")
        { Examples = ["subnet-abcd1234"] };

    public static readonly StopReason UserInitiated = new("stop.user-initiated", StopCode.UserInitiated, "Task stopped by user");

    /// <summary>
    /// Fargate Spot took the capacity back (Developer Guide, Fargate capacity providers: the task state change event
    /// shows <c>"stoppedReason": "Your Spot Task was interrupted."</c>). The 2023 copy of that page shows stop code
    /// <c>TerminationNotice</c>, the newer one <c>SpotInterruption</c>; the simulator writes the newer one, and the
    /// Japanese catalogue explains both.
    /// </summary>
    public static readonly StopReason SpotInterrupted = new("stop.spot-interruption", StopCode.SpotInterruption,
        "Your Spot Task was interrupted.");

    // ---- What the Docker runtime reports (real containers) ----

    /// <summary>The engine could not pull an image (or make the pause image); the engine's own message follows.</summary>
    public static readonly StopReason CannotPullContainer = new("stop.cannot-pull-container", StopCode.TaskFailedToStart,
        "CannotPullContainerError: {message}")
        { Examples = ["Error response from daemon: manifest for busybox:nope not found: manifest unknown: manifest unknown"] };

    /// <summary>The engine could not create or start a container; its own message follows (AWS: DG/cannot-start-container.html).</summary>
    public static readonly StopReason CannotStartContainer = new("stop.cannot-start-container", StopCode.TaskFailedToStart,
        "CannotStartContainerError: {message}")
        { Examples = ["Error response from daemon: failed to create shim task: OCI runtime create failed"] };

    /// <summary>
    /// A container's <c>reason</c> when the kernel killed it for using more memory than its limit, as ECS writes it
    /// (DG/out-of-memory.html, KC/ecs-resolve-outofmemory-errors). The task's own reason is EssentialContainerExited's.
    /// </summary>
    public static readonly StopReason OutOfMemory = new("stop.out-of-memory", StopCode.EssentialContainerExited,
        "OutOfMemoryError: Container killed due to memory usage");

    /// <summary>
    /// A service task whose essential container became UNHEALTHY: the scheduler stops it and replaces it
    /// (KC/ecs-task-container-health-check-failures; API_HealthCheck).
    /// </summary>
    public static readonly StopReason FailedContainerHealthChecks = new("stop.failed-container-health-checks", StopCode.ServiceSchedulerInitiated,
        "Task failed container health checks");

    /// <summary>
    /// The simulator's own reason (ECS has no such case): a task's containers were removed from the engine while the
    /// simulator was not running, so a restarted simulator stops the task, and its service replaces it.
    /// </summary>
    public static readonly StopReason ContainersVanished = new("stop.containers-vanished", StopCode.EssentialContainerExited,
        "Task stopped because its containers are gone from the Docker engine (removed while the simulator was not watching)");

    // dependsOn conditions that can never hold. The simulator's wording: the facts give no ECS text for these.

    /// <summary>A container's SUCCESS dependency exited with another code.</summary>
    public static readonly StopReason DependencyFailed = new("stop.dependency-failed", StopCode.TaskFailedToStart,
        "DependencyViolation: container {dependency} exited with code {exitCode}; {container} needs it to succeed")
        { Examples = ["migrate", "1", "web"] };

    /// <summary>A container's HEALTHY dependency became UNHEALTHY or exited.</summary>
    public static readonly StopReason DependencyUnhealthy = new("stop.dependency-unhealthy", StopCode.TaskFailedToStart,
        "DependencyViolation: container {dependency} did not become healthy; {container} needs it healthy")
        { Examples = ["db", "web"] };

    /// <summary>A dependency did not reach its condition within the container's startTimeout.</summary>
    public static readonly StopReason DependencyTimedOut = new("stop.dependency-timed-out", StopCode.TaskFailedToStart,
        "DependencyViolation: {container} waited {seconds} s for {dependency} to reach {condition}")
        { Examples = ["web", "180", "db", "HEALTHY"] };
}
