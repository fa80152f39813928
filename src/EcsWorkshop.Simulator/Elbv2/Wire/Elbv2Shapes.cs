using System.Globalization;
using System.Xml.Linq;
using EcsWorkshop.Simulator.Elbv2.Domain;

namespace EcsWorkshop.Simulator.Elbv2.Wire;

/// <summary>ELBv2's answer shapes, named as in the API model, as XML (PascalCase members, <c>member</c> lists).</summary>
internal static class Elbv2Shapes
{
    private static XElement Members(string name, IEnumerable<object> items) => new(name, items.Select(i => i as XElement ?? new XElement("member", i)));

    private static string Text(bool value) => value ? "true" : "false";

    public static XElement LoadBalancer(LoadBalancer lb, DateTimeOffset now) => new("member",
        new XElement("LoadBalancerArn", lb.Arn),
        new XElement("DNSName", lb.DnsName),
        new XElement("CanonicalHostedZoneId", lb.CanonicalHostedZoneId),
        new XElement("CreatedTime", lb.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)),
        new XElement("LoadBalancerName", lb.Name),
        new XElement("Scheme", lb.Scheme),
        new XElement("VpcId", lb.VpcId),
        new XElement("State", new XElement("Code", lb.StateAt(now))),
        new XElement("Type", "application"),
        Members("AvailabilityZones", lb.Zones.Select(z => new XElement("member", new XElement("ZoneName", z.ZoneName), new XElement("SubnetId", z.SubnetId), new XElement("LoadBalancerAddresses")))),
        Members("SecurityGroups", lb.SecurityGroups),
        new XElement("IpAddressType", lb.IpAddressType));

    public static XElement TargetGroup(TargetGroup group, Elbv2World world) => new("member",
        new XElement("TargetGroupArn", group.Arn),
        new XElement("TargetGroupName", group.Name),
        new XElement("Protocol", group.Protocol),
        new XElement("Port", group.Port),
        new XElement("VpcId", group.VpcId),
        new XElement("HealthCheckProtocol", group.HealthCheck.Protocol),
        new XElement("HealthCheckPort", group.HealthCheck.Port),
        new XElement("HealthCheckEnabled", Text(group.HealthCheck.Enabled)),
        new XElement("HealthCheckIntervalSeconds", group.HealthCheck.IntervalSeconds),
        new XElement("HealthCheckTimeoutSeconds", group.HealthCheck.TimeoutSeconds),
        new XElement("HealthyThresholdCount", group.HealthCheck.HealthyThresholdCount),
        new XElement("UnhealthyThresholdCount", group.HealthCheck.UnhealthyThresholdCount),
        new XElement("HealthCheckPath", group.HealthCheck.Path),
        new XElement("Matcher", new XElement("HttpCode", group.HealthCheck.HttpCode)),
        Members("LoadBalancerArns", world.LoadBalancersOf(group.Arn)),
        new XElement("TargetType", group.TargetType),
        new XElement("ProtocolVersion", group.ProtocolVersion),
        new XElement("IpAddressType", group.IpAddressType));

    public static XElement Listener(Listener listener) => new("member",
        new XElement("ListenerArn", listener.Arn),
        new XElement("LoadBalancerArn", listener.LoadBalancerArn),
        new XElement("Port", listener.Port),
        new XElement("Protocol", listener.Protocol),
        Members("DefaultActions", listener.DefaultActions.Select(a => new XElement("member",
            new XElement("Type", a.Type),
            new XElement("TargetGroupArn", a.TargetGroupArn),
            a.Order is { } order ? new XElement("Order", order) : null,
            new XElement("ForwardConfig",
                Members("TargetGroups", [new XElement("member", new XElement("TargetGroupArn", a.TargetGroupArn), new XElement("Weight", 1))]),
                new XElement("TargetGroupStickinessConfig", new XElement("Enabled", "false")))))));

    public static XElement TargetHealth(TargetHealthDescription target) => new("member",
        new XElement("Target",
            new XElement("Id", target.Id),
            new XElement("Port", target.Port),
            target.AvailabilityZone is { } zone ? new XElement("AvailabilityZone", zone) : null),
        target.HealthCheckPort is { } port ? new XElement("HealthCheckPort", port) : null,
        new XElement("TargetHealth",
            new XElement("State", target.Health.State),
            target.Health.Reason is { } reason ? new XElement("Reason", reason) : null,
            target.Health.Description is { } description ? new XElement("Description", description) : null));

    public static XElement Attributes(IEnumerable<KeyValuePair<string, string>> attributes) =>
        Members("Attributes", attributes.Select(a => new XElement("member", new XElement("Key", a.Key), new XElement("Value", a.Value))));

    public static XElement Tags(IEnumerable<KeyValuePair<string, string>> tags) =>
        Members("Tags", tags.Select(t => new XElement("member", new XElement("Key", t.Key), new XElement("Value", t.Value))));
}
