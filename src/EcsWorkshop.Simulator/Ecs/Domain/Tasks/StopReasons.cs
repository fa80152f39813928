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
    public static readonly StopReason UserInitiated = new("stop.user-initiated", StopCode.UserInitiated, "Task stopped by user");
}
