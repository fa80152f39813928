using System.Globalization;
using EcsWorkshop.Aws.Elb.Model;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop;

/// <summary>ELBv2's wire shapes as the Display project's Japanese views.</summary>
internal static class ElbViews
{
    /// <summary>The attribute that holds the deregistration delay.</summary>
    public const string DeregistrationDelayAttribute = "deregistration_delay.timeout_seconds";

    public static LoadBalancerView Of(LoadBalancer lb) => new()
    {
        Name = lb.LoadBalancerName ?? "",
        Arn = lb.LoadBalancerArn,
        DnsName = lb.DnsName,
        State = lb.State,
        Scheme = lb.Scheme,
        VpcId = lb.VpcId,
        Zones = [.. lb.AvailabilityZones.Select(z => new SubnetPlacement(z.ZoneName, z.SubnetId)).OrderBy(z => z.Zone, StringComparer.Ordinal)],
        SecurityGroups = [.. lb.SecurityGroups],
    };

    public static TargetGroupView Of(TargetGroup group, IReadOnlyDictionary<string, string>? attributes = null) => new()
    {
        Name = group.TargetGroupName ?? "",
        Arn = group.TargetGroupArn,
        Protocol = group.Protocol,
        Port = group.Port,
        TargetType = group.TargetType,
        HealthCheckPath = group.HealthCheckPath,
        HealthCheckIntervalSeconds = group.HealthCheckIntervalSeconds,
        HealthCheckTimeoutSeconds = group.HealthCheckTimeoutSeconds,
        HealthyThresholdCount = group.HealthyThresholdCount,
        UnhealthyThresholdCount = group.UnhealthyThresholdCount,
        Matcher = group.MatcherHttpCode,
        DeregistrationDelaySeconds = attributes is not null && attributes.TryGetValue(DeregistrationDelayAttribute, out var delay)
            && int.TryParse(delay, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : null,
    };

    public static ListenerView Of(Listener listener, string? targetGroupName) => new()
    {
        Arn = listener.ListenerArn,
        Protocol = listener.Protocol,
        Port = listener.Port,
        ForwardsTo = targetGroupName,
    };
}
