using EcsWorkshop.Display.Views;

namespace EcsWorkshop;

/// <summary>
/// Where a service registers its tasks (<c>loadBalancers</c> of <c>create-service</c>): a target group, and the
/// container and port that receive the traffic.
/// <code>new ServiceLoadBalancer(alb.Value.TargetGroup.Arn!, "web", 80)</code>
/// </summary>
public sealed record ServiceLoadBalancer(string TargetGroupArn, string ContainerName, int ContainerPort = 80)
{
    /// <summary>The target group of a load balancer made by <see cref="Workshop.CreateLoadBalancerAsync"/>, for a container.</summary>
    public static ServiceLoadBalancer For(LoadBalancerSetupView setup, string containerName, int containerPort = 80) =>
        new(setup.TargetGroup.Arn ?? throw new ArgumentException("The target group has no ARN.", nameof(setup)), containerName, containerPort);

    /// <summary>The AWS CLI's <c>--load-balancers</c> shorthand.</summary>
    public string CliValue => $"targetGroupArn={TargetGroupArn},containerName={ContainerName},containerPort={ContainerPort}";
}
