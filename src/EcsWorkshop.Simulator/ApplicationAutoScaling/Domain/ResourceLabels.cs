using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Elbv2.Domain;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

/// <summary>
/// The <c>ResourceLabel</c> of <c>ALBRequestCountPerTarget</c>: the final part of the load balancer ARN, a slash, then
/// the final part of the target group ARN (<c>app/my-alb/778d41231b141a0f/targetgroup/my-alb-target-group/943f017f100becff</c>).
/// </summary>
public static class ResourceLabels
{
    /// <summary>The label of a load balancer and target group.</summary>
    public static string Of(string loadBalancerArn, string targetGroupArn) =>
        $"{LoadBalancerPart(loadBalancerArn)}/{TargetGroupPart(targetGroupArn)}";

    /// <summary>True when the label has the two parts' shape.</summary>
    public static bool IsWellFormed(string label)
    {
        var parts = label.Split('/');
        return parts is ["app", { Length: > 0 }, { Length: > 0 }, "targetgroup", { Length: > 0 }, { Length: > 0 }];
    }

    /// <summary>
    /// The target group ARN the label names, when that target group is one of the service's and receives traffic from
    /// the label's load balancer; null otherwise.
    /// </summary>
    public static string? TargetGroupOf(string label, Service service, Elbv2World elbv2) =>
        service.TargetGroups()
            .Select(g => g.TargetGroupArn)
            .FirstOrDefault(tg => elbv2.LoadBalancersOf(tg).Any(lb => Of(lb, tg) == label));

    private static string LoadBalancerPart(string arn)
    {
        var at = arn.IndexOf(":loadbalancer/", StringComparison.Ordinal);
        return at < 0 ? arn : arn[(at + ":loadbalancer/".Length)..];
    }

    private static string TargetGroupPart(string arn) => arn[(arn.LastIndexOf(':') + 1)..];
}
