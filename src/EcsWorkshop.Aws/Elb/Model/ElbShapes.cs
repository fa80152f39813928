namespace EcsWorkshop.Aws.Elb.Model;

// Elastic Load Balancing v2 shapes (query protocol, version 2015-12-01), named as in the ELBv2 API model.

/// <summary>A tag of a load balancer, target group or listener.</summary>
public sealed record ElbTag(string Key, string? Value);

/// <summary>A subnet a load balancer has a node in.</summary>
public sealed record LoadBalancerZone(string? ZoneName, string? SubnetId);

/// <summary>A load balancer.</summary>
public sealed record LoadBalancer
{
    public string? LoadBalancerArn { get; init; }
    public string? DnsName { get; init; }
    public string? CanonicalHostedZoneId { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public string? LoadBalancerName { get; init; }
    public string? Scheme { get; init; }
    public string? VpcId { get; init; }
    /// <summary><c>provisioning</c>, <c>active</c>, <c>active_impaired</c> or <c>failed</c>.</summary>
    public string? State { get; init; }
    public string? Type { get; init; }
    public IReadOnlyList<LoadBalancerZone> AvailabilityZones { get; init; } = [];
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];
    public string? IpAddressType { get; init; }
}

/// <summary>What CreateLoadBalancer is asked for (an Application Load Balancer unless <see cref="Type"/> says otherwise).</summary>
public sealed record CreateLoadBalancerRequest
{
    public required string Name { get; init; }
    public IReadOnlyList<string>? Subnets { get; init; }
    public IReadOnlyList<string>? SecurityGroups { get; init; }
    public string? Scheme { get; init; }
    public string? Type { get; init; }
    public string? IpAddressType { get; init; }
    public IReadOnlyList<ElbTag>? Tags { get; init; }
}

/// <summary>A target group.</summary>
public sealed record TargetGroup
{
    public string? TargetGroupArn { get; init; }
    public string? TargetGroupName { get; init; }
    public string? Protocol { get; init; }
    public int? Port { get; init; }
    public string? VpcId { get; init; }
    public string? HealthCheckProtocol { get; init; }
    public string? HealthCheckPort { get; init; }
    public bool? HealthCheckEnabled { get; init; }
    public int? HealthCheckIntervalSeconds { get; init; }
    public int? HealthCheckTimeoutSeconds { get; init; }
    public int? HealthyThresholdCount { get; init; }
    public int? UnhealthyThresholdCount { get; init; }
    public string? HealthCheckPath { get; init; }
    public string? MatcherHttpCode { get; init; }
    public IReadOnlyList<string> LoadBalancerArns { get; init; } = [];
    public string? TargetType { get; init; }
    public string? ProtocolVersion { get; init; }
    public string? IpAddressType { get; init; }
}

/// <summary>What CreateTargetGroup is asked for.</summary>
public sealed record CreateTargetGroupRequest
{
    public required string Name { get; init; }
    public string? Protocol { get; init; }
    public int? Port { get; init; }
    public string? VpcId { get; init; }
    public string? TargetType { get; init; }
    public string? HealthCheckPath { get; init; }
    public int? HealthCheckIntervalSeconds { get; init; }
    public int? HealthCheckTimeoutSeconds { get; init; }
    public int? HealthyThresholdCount { get; init; }
    public int? UnhealthyThresholdCount { get; init; }
    public string? MatcherHttpCode { get; init; }
    public IReadOnlyList<ElbTag>? Tags { get; init; }
}

/// <summary>A listener and its default actions.</summary>
public sealed record Listener
{
    public string? ListenerArn { get; init; }
    public string? LoadBalancerArn { get; init; }
    public int? Port { get; init; }
    public string? Protocol { get; init; }
    public IReadOnlyList<ListenerAction> DefaultActions { get; init; } = [];
}

/// <summary>A listener action (<c>forward</c> to a target group).</summary>
public sealed record ListenerAction(string Type, string? TargetGroupArn);

/// <summary>A target: an instance id or IP address, and a port.</summary>
public sealed record TargetDescription(string Id, int? Port = null, string? AvailabilityZone = null);

/// <summary>A target's health as DescribeTargetHealth answers it.</summary>
public sealed record TargetHealthDescription(TargetDescription Target, string? HealthCheckPort, string? State, string? Reason, string? Description);

/// <summary>The tags of one resource.</summary>
public sealed record TagDescription(string ResourceArn, IReadOnlyList<ElbTag> Tags);

/// <summary>One page of a Describe call, and the marker of the next page.</summary>
public sealed record ElbPage<T>(IReadOnlyList<T> Items, string? NextMarker);
