namespace EcsWorkshop.Simulator.Ecs.Domain.Services;

/// <summary>
/// A service's load balancer: the target group its tasks are registered in, and which container port of each task
/// is the target (CreateService's <c>loadBalancers</c> member, Application Load Balancer form).
/// </summary>
public sealed record ServiceLoadBalancer(string TargetGroupArn, string ContainerName, int ContainerPort);

/// <summary>A target group as ECS sees it when it validates a service: its target type and whether a load balancer uses it.</summary>
public sealed record TargetGroupView(string Arn, string TargetType, bool HasLoadBalancer);

/// <summary>One task's target: its private IP, the container port, and the task's Availability Zone.</summary>
public sealed record TaskTarget(string Ip, int Port, string AvailabilityZone);

/// <summary>
/// What the load balancer says of a task's target: registered or not, its state (<c>initial</c>, <c>healthy</c>,
/// <c>unhealthy</c>, <c>draining</c>, <c>unused</c>), the description of the reason, and when draining ends.
/// </summary>
public sealed record TargetView(bool Registered, string State, string? Description, DateTimeOffset? DrainingUntil)
{
    public static TargetView NotRegistered { get; } = new(false, "unused", null, null);

    public bool IsHealthy => State == "healthy";

    public bool IsUnhealthy => State == "unhealthy";

    public bool IsDraining => State == "draining";
}

/// <summary>
/// What ECS asks of Elastic Load Balancing (as the service-linked role does on AWS): look up a target group,
/// register and deregister a task's target, read its health. ECS knows nothing else of load balancers; the simulator
/// plugs its ELBv2 in behind this port (<c>Integration/LoadBalancerTargets</c>). Calls never throw: a target group
/// that has gone is a target that is not registered.
/// </summary>
public interface ILoadBalancing
{
    /// <summary>The target group, or null when the region has none with that ARN.</summary>
    TargetGroupView? TargetGroup(string targetGroupArn);

    /// <summary>Registers the target (nothing happens when it is already registered).</summary>
    void Register(string targetGroupArn, TaskTarget target);

    /// <summary>Deregisters the target: it drains for the group's deregistration delay. Unknown targets are ignored.</summary>
    void Deregister(string targetGroupArn, TaskTarget target);

    /// <summary>The target's registration and health now.</summary>
    TargetView Health(string targetGroupArn, TaskTarget target);
}

/// <summary>ECS with no load balancing around it: no target group exists.</summary>
public sealed class NoLoadBalancing : ILoadBalancing
{
    public static NoLoadBalancing Instance { get; } = new();

    public TargetGroupView? TargetGroup(string targetGroupArn) => null;

    public void Register(string targetGroupArn, TaskTarget target) { }

    public void Deregister(string targetGroupArn, TaskTarget target) { }

    public TargetView Health(string targetGroupArn, TaskTarget target) => TargetView.NotRegistered;
}
