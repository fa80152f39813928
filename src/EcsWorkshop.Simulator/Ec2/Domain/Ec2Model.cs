using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Ec2.Domain;

/// <summary>A VPC of one region.</summary>
public sealed record Vpc(string VpcId, string Region, string CidrBlock, bool IsDefault, string DhcpOptionsId, string CidrAssociationId);

/// <summary>A subnet of a VPC, in one Availability Zone.</summary>
public sealed record Subnet(
    string SubnetId,
    string Region,
    string VpcId,
    string AvailabilityZone,
    string AvailabilityZoneId,
    string CidrBlock,
    bool DefaultForAz,
    bool MapPublicIpOnLaunch)
{
    /// <summary>Addresses of a /20 less the five AWS reserves in every subnet.</summary>
    public int AvailableIpAddressCount => (1 << (32 - int.Parse(CidrBlock[(CidrBlock.IndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture))) - 5;
}

/// <summary>One Availability Zone of a region.</summary>
public sealed record AvailabilityZone(string ZoneName, string ZoneId, string Region);

/// <summary>A security group of a VPC with its inbound and outbound rules.</summary>
public sealed record SecurityGroup(
    string GroupId,
    string Region,
    string GroupName,
    string Description,
    string VpcId,
    ImmutableArray<SecurityGroupRule> Rules)
{
    public bool IsDefault => GroupName == "default";

    public IEnumerable<SecurityGroupRule> Ingress => Rules.Where(r => !r.IsEgress);

    public IEnumerable<SecurityGroupRule> Egress => Rules.Where(r => r.IsEgress);
}

/// <summary>
/// One rule of a security group: a protocol (<c>tcp</c>, <c>udp</c>, <c>icmp</c> or <c>-1</c> for all), a port range
/// (absent for all traffic), and a peer: an IPv4 range or another security group.
/// </summary>
public sealed record SecurityGroupRule(
    string RuleId,
    bool IsEgress,
    string IpProtocol,
    int? FromPort,
    int? ToPort,
    string? CidrIpv4,
    string? ReferencedGroupId)
{
    /// <summary>The same permission, whatever its rule id.</summary>
    public bool SamePermissionAs(SecurityGroupRule other) =>
        (IsEgress, IpProtocol, FromPort, ToPort, CidrIpv4, ReferencedGroupId) ==
        (other.IsEgress, other.IpProtocol, other.FromPort, other.ToPort, other.CidrIpv4, other.ReferencedGroupId);
}
