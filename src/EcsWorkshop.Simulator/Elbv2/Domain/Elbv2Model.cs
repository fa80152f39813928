using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>A subnet a load balancer has a node in, with its Availability Zone.</summary>
public sealed record LoadBalancerZone(string SubnetId, string ZoneName);

/// <summary>
/// An Application Load Balancer. It is <c>provisioning</c> until <see cref="ActiveAt"/> on the simulated clock, then
/// <c>active</c>.
/// </summary>
public sealed record LoadBalancer(
    string Arn,
    string Name,
    string Region,
    string DnsName,
    string CanonicalHostedZoneId,
    string Scheme,
    string VpcId,
    ImmutableArray<LoadBalancerZone> Zones,
    ImmutableArray<string> SecurityGroups,
    string IpAddressType,
    DateTimeOffset CreatedAt,
    DateTimeOffset ActiveAt,
    ImmutableSortedDictionary<string, string> Tags)
{
    public string StateAt(DateTimeOffset now) => now >= ActiveAt ? "active" : "provisioning";
}

/// <summary>How a target group checks its targets (defaults: /work/shared/elbv2-facts.md §2 CreateTargetGroup).</summary>
public sealed record HealthCheckSettings(
    string Protocol,
    string Port,
    string Path,
    int IntervalSeconds,
    int TimeoutSeconds,
    int HealthyThresholdCount,
    int UnhealthyThresholdCount,
    string HttpCode,
    bool Enabled);

/// <summary>A target group: where a listener's forward action sends requests, and the targets registered in it.</summary>
public sealed record TargetGroup(
    string Arn,
    string Name,
    string Region,
    string Protocol,
    int Port,
    string VpcId,
    string TargetType,
    string ProtocolVersion,
    string IpAddressType,
    HealthCheckSettings HealthCheck,
    ImmutableSortedDictionary<string, string> Attributes,
    ImmutableSortedDictionary<string, string> Tags)
{
    /// <summary>How long a deregistered target drains (<c>deregistration_delay.timeout_seconds</c>).</summary>
    public TimeSpan DeregistrationDelay =>
        TimeSpan.FromSeconds(int.Parse(Attributes[TargetGroupAttributes.DeregistrationDelay], System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>A listener's default action: forward to one target group.</summary>
public sealed record ListenerAction(string Type, string TargetGroupArn, int? Order);

/// <summary>A listener of a load balancer: a protocol and port, and its default actions.</summary>
public sealed record Listener(
    string Arn,
    string LoadBalancerArn,
    string Region,
    string Protocol,
    int Port,
    ImmutableArray<ListenerAction> DefaultActions,
    ImmutableSortedDictionary<string, string> Tags);

/// <summary>
/// What the health checks last said of a target: the state, reason and description DescribeTargetHealth shows.
/// Written by whatever checks targets (the seam <see cref="TargetCommands.ReportHealth"/>); null until then.
/// </summary>
public sealed record TargetHealth(string State, string? Reason, string? Description)
{
    public static TargetHealth Healthy { get; } = new("healthy", null, null);
}

/// <summary>
/// One target registered in a target group (an IP address or instance id and a port). A deregistered target drains
/// until <see cref="DrainingUntil"/>, then is gone.
/// </summary>
public sealed record TargetRegistration(
    string TargetGroupArn,
    string Id,
    int Port,
    string? AvailabilityZone,
    DateTimeOffset RegisteredAt,
    TargetHealth? Reported,
    DateTimeOffset? DrainingUntil)
{
    public string Key => KeyOf(TargetGroupArn, Id, Port);

    public static string KeyOf(string targetGroupArn, string id, int port) => $"{targetGroupArn}|{id}|{port}";

    public bool IsDraining => DrainingUntil is not null;
}
