using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Elbv2.Domain;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>An Application Load Balancer, target group and listener made in a <see cref="SimulatedWorld"/>'s default VPC.</summary>
public static class LoadBalancerTestSupport
{
    /// <summary>Creates an ALB over two default subnets, an HTTP target group (<paramref name="targetType"/>) and, unless told not to, a listener on port 80 forwarding to it. Returns the target group's ARN.</summary>
    public static string CreateTargetGroup(this SimulatedWorld world, string name = "web", string targetType = "ip", bool withListener = true, int deregistrationDelaySeconds = 30)
    {
        var region = SimulatedWorld.Region;
        var ec2 = world.Ec2.WorldWithDefaultsOf(region);
        var subnets = ec2.SubnetsIn(region).OrderBy(s => s.SubnetId, StringComparer.Ordinal).Take(2).Select(s => s.SubnetId).ToList();
        var vpc = ec2.SubnetsIn(region).First().VpcId;
        var arns = new Elbv2Arns(region, SimulatedAccount.Id);
        return world.Elbv2.Mutate(t =>
        {
            var group = TargetGroupCommands.Create(t, arns, new CreateTargetGroupInput(
                name + "-tg", "HTTP", null, 80, vpc, targetType, null, new HealthCheckInput(null, null, null, null, null, null, null, null, null), null));
            TargetGroupCommands.ModifyAttributes(t, group.Arn, [new("deregistration_delay.timeout_seconds", deregistrationDelaySeconds.ToString())]);
            if (withListener)
            {
                var balancer = LoadBalancerCommands.Create(t, arns, new CreateLoadBalancerInput(name + "-lb", subnets, null, null, null, null, null, null));
                ListenerCommands.Create(t, balancer.Arn, "HTTP", 80, [new ActionInput("forward", group.Arn, [], null)], null);
            }
            return group.Arn;
        });
    }

    /// <summary>The health of every target registered in the group (draining ones included), as DescribeTargetHealth answers.</summary>
    public static IReadOnlyList<TargetHealthDescription> TargetHealth(this SimulatedWorld world, string targetGroupArn) =>
        TargetCommands.DescribeHealth(world.Elbv2.World, world.Clock.GetUtcNow(), world.Elbv2.Context, targetGroupArn, null);

    /// <summary>What a health checker would report of a target: the seam ELBv2 takes health reports through.</summary>
    public static void ReportTargetHealth(this SimulatedWorld world, string targetGroupArn, string ip, int port, TargetHealth health) =>
        world.Elbv2.Mutate(t => { TargetCommands.ReportHealth(t, targetGroupArn, ip, port, health); return 0; });
}
