using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain.Metrics;
using EcsWorkshop.Simulator.Elbv2.DataPlane;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Metrics;

/// <summary>Request counts from the load balancer's real listeners (<see cref="ListenerProxies"/>).</summary>
public sealed class ListenerRequestCounts(TargetGroupRequestCounts counts) : IRequestCounts
{
    public long Requests(string targetGroupArn, DateTimeOffset from, DateTimeOffset to) => counts.Requests(targetGroupArn, from, to);
}
