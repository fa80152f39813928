using System.Collections.Concurrent;
using EcsWorkshop.Simulator.Elbv2.Domain;

namespace EcsWorkshop.Simulator.Elbv2.DataPlane;

/// <summary>
/// Which target of a group gets the next request: round robin over the healthy targets; when the group has
/// registered targets but none is healthy, over all of them (ALB's "fail open"); none when nothing is registered
/// (the listener answers 503). Draining targets get no new requests.
/// </summary>
public sealed class TargetSelection
{
    private readonly ConcurrentDictionary<string, int> _next = new(StringComparer.Ordinal);

    public TargetRegistration? Next(Elbv2Engine elbv2, string targetGroupArn)
    {
        var world = elbv2.World;
        var now = elbv2.Time.GetUtcNow();
        var registered = TargetCommands.DescribeHealth(world, now, elbv2.Context, targetGroupArn, null)
            .Where(t => t.Health.State != TargetCommands.Draining.State)
            .ToList();
        if (registered.Count == 0) return null;
        var healthy = registered.Where(t => t.Health.State == TargetHealth.Healthy.State).ToList();
        var candidates = healthy.Count > 0 ? healthy : registered;
        var turn = _next.AddOrUpdate(targetGroupArn, 0, (_, n) => n + 1);
        var chosen = candidates[(int)((uint)turn % (uint)candidates.Count)];
        return world.Targets.GetValueOrDefault(TargetRegistration.KeyOf(targetGroupArn, chosen.Id, chosen.Port));
    }
}
