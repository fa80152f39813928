using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Elbv2.Domain;
using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.Integration;

/// <summary>
/// ECS's view of the simulated Elastic Load Balancing: what the ECS service-linked role does on AWS (look up target
/// groups, register and deregister task targets, read target health), through ELBv2's own commands and queries.
/// Each call is one ELBv2 change of its own: ECS calls it inside its own change, and a change refused by ELBv2 (the
/// target group was deleted meanwhile) leaves the target unregistered, as if ELBv2 had not answered.
/// </summary>
public sealed class LoadBalancerTargets(Elbv2Engine elbv2) : ILoadBalancing
{
    public TargetGroupView? TargetGroup(string targetGroupArn)
    {
        var world = elbv2.World;
        return world.TargetGroups.TryGetValue(targetGroupArn, out var group)
            ? new TargetGroupView(group.Arn, group.TargetType, world.LoadBalancersOf(group.Arn).Count > 0)
            : null;
    }

    public void Register(string targetGroupArn, TaskTarget target) =>
        Quietly(() => elbv2.Mutate(t => { TargetCommands.Register(t, targetGroupArn, [Input(target)]); return 0; }));

    public void Deregister(string targetGroupArn, TaskTarget target) =>
        Quietly(() => elbv2.Mutate(t => { TargetCommands.Deregister(t, targetGroupArn, [Input(target)]); return 0; }));

    public TargetView Health(string targetGroupArn, TaskTarget target)
    {
        var world = elbv2.World;
        if (!world.TargetGroups.ContainsKey(targetGroupArn)) return TargetView.NotRegistered;
        var now = elbv2.Time.GetUtcNow();
        var health = TargetCommands.DescribeHealth(world, now, elbv2.Context, targetGroupArn, [Input(target)])[0].Health;
        if (health == TargetCommands.NotRegistered) return TargetView.NotRegistered;
        var registration = world.Targets.GetValueOrDefault(TargetRegistration.KeyOf(targetGroupArn, target.Ip, target.Port));
        return new TargetView(true, health.State, health.Description, registration?.DrainingUntil);
    }

    private static TargetInput Input(TaskTarget target) => new(target.Ip, target.Port, target.AvailabilityZone);

    private static void Quietly(Action call)
    {
        try
        {
            call();
        }
        catch (DomainError)
        {
            // ELBv2 refused (the target group is gone): the target stays unregistered.
        }
    }
}
