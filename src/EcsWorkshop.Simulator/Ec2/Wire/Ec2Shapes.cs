using System.Xml.Linq;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ec2.Domain;

namespace EcsWorkshop.Simulator.Ec2.Wire;

/// <summary>EC2's answer shapes, named as in the API model, as XML (lowerCamel members, <c>item</c> lists).</summary>
internal sealed class Ec2Shapes(string owner)
{
    /// <summary>The account that owns the resources shown.</summary>
    private string Owner => owner;

    private static XElement Item(params object?[] content) => new("item", content);

    private static string Text(bool value) => value ? "true" : "false";

    public XElement Vpc(Vpc vpc) => Item(
        new XElement("vpcId", vpc.VpcId),
        new XElement("ownerId", Owner),
        new XElement("state", "available"),
        new XElement("cidrBlock", vpc.CidrBlock),
        new XElement("cidrBlockAssociationSet", Item(
            new XElement("associationId", vpc.CidrAssociationId),
            new XElement("cidrBlock", vpc.CidrBlock),
            new XElement("cidrBlockState", new XElement("state", "associated")))),
        new XElement("dhcpOptionsId", vpc.DhcpOptionsId),
        new XElement("instanceTenancy", "default"),
        new XElement("isDefault", Text(vpc.IsDefault)),
        new XElement("tagSet"));

    public XElement Subnet(Subnet subnet) => Item(
        new XElement("subnetId", subnet.SubnetId),
        new XElement("subnetArn", Ec2Arns.Subnet(subnet, owner)),
        new XElement("state", "available"),
        new XElement("ownerId", Owner),
        new XElement("vpcId", subnet.VpcId),
        new XElement("cidrBlock", subnet.CidrBlock),
        new XElement("availableIpAddressCount", subnet.AvailableIpAddressCount),
        new XElement("availabilityZone", subnet.AvailabilityZone),
        new XElement("availabilityZoneId", subnet.AvailabilityZoneId),
        new XElement("defaultForAz", Text(subnet.DefaultForAz)),
        new XElement("mapPublicIpOnLaunch", Text(subnet.MapPublicIpOnLaunch)),
        new XElement("assignIpv6AddressOnCreation", "false"),
        new XElement("ipv6CidrBlockAssociationSet"),
        new XElement("tagSet"));

    public static XElement Zone(AvailabilityZone zone) => Item(
        new XElement("zoneName", zone.ZoneName),
        new XElement("zoneState", "available"),
        new XElement("regionName", zone.Region),
        new XElement("zoneId", zone.ZoneId),
        new XElement("groupName", zone.Region),
        new XElement("networkBorderGroup", zone.Region),
        new XElement("optInStatus", "opt-in-not-required"),
        new XElement("zoneType", "availability-zone"),
        new XElement("messageSet"));

    public XElement SecurityGroup(SecurityGroup group) => Item(
        new XElement("ownerId", Owner),
        new XElement("groupId", group.GroupId),
        new XElement("groupName", group.GroupName),
        new XElement("groupDescription", group.Description),
        new XElement("vpcId", group.VpcId),
        new XElement("securityGroupArn", Ec2Arns.SecurityGroup(group, owner)),
        new XElement("ipPermissions", Permissions(group.Ingress)),
        new XElement("ipPermissionsEgress", Permissions(group.Egress)),
        new XElement("tagSet"));

    /// <summary>Rules grouped by protocol and ports into EC2's permissions, each listing its ranges and groups.</summary>
    private IEnumerable<XElement> Permissions(IEnumerable<SecurityGroupRule> rules) =>
        rules.GroupBy(r => (r.IpProtocol, r.FromPort, r.ToPort)).Select(permission => Item(
            new XElement("ipProtocol", permission.Key.IpProtocol),
            permission.Key.FromPort is { } from ? new XElement("fromPort", from) : null,
            permission.Key.ToPort is { } to ? new XElement("toPort", to) : null,
            new XElement("groups", permission.Where(r => r.ReferencedGroupId is not null)
                .Select(r => Item(new XElement("userId", Owner), new XElement("groupId", r.ReferencedGroupId)))),
            new XElement("ipRanges", permission.Where(r => r.CidrIpv4 is not null).Select(r => Item(new XElement("cidrIp", r.CidrIpv4)))),
            new XElement("ipv6Ranges"),
            new XElement("prefixListIds")));

    public XElement Rule(string groupId, SecurityGroupRule rule) => Item(
        new XElement("securityGroupRuleId", rule.RuleId),
        new XElement("groupId", groupId),
        new XElement("groupOwnerId", Owner),
        new XElement("isEgress", Text(rule.IsEgress)),
        new XElement("ipProtocol", rule.IpProtocol),
        new XElement("fromPort", rule.FromPort ?? -1),
        new XElement("toPort", rule.ToPort ?? -1),
        rule.CidrIpv4 is { } cidr ? new XElement("cidrIpv4", cidr) : null,
        rule.ReferencedGroupId is { } peer ? new XElement("referencedGroupInfo", new XElement("groupId", peer), new XElement("userId", Owner)) : null);
}
