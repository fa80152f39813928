using System.Xml.Linq;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Aws.Query;
using EcsWorkshop.Simulator.Ec2.Domain;

namespace EcsWorkshop.Simulator.Ec2.Wire;

/// <summary>
/// EC2 as a Query service (version <c>2016-11-15</c>, signing name <c>ec2</c>): the default VPC's networking the
/// workshop and AWS's CLI tutorials look up. Lists come in as <c>Name.N</c> and go out as <c>item</c> elements with
/// lowerCamel names.
/// </summary>
public sealed class Ec2Api(Ec2Engine ec2)
{
    public const string Version = "2016-11-15";
    public const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    public AwsQueryService CreateService() => new AwsQueryService("ec2", Version, Namespace, QueryDialect.Ec2)
        .On("DescribeVpcs", DescribeVpcs)
        .On("DescribeSubnets", DescribeSubnets)
        .On("DescribeAvailabilityZones", DescribeAvailabilityZones)
        .On("DescribeSecurityGroups", DescribeSecurityGroups)
        .On("CreateSecurityGroup", CreateSecurityGroup)
        .On("AuthorizeSecurityGroupIngress", AuthorizeSecurityGroupIngress)
        .On("DeleteSecurityGroup", DeleteSecurityGroup);

    private IEnumerable<XElement> DescribeVpcs(RequestContext context, QueryRequest request) =>
    [
        Set("vpcSet", Ec2Queries.Vpcs(ec2.WorldWithDefaultsOf(context.Region), context.Region, request.Strings("VpcId"), Filters(request)).Select(Ec2Xml.Vpc)),
    ];

    private IEnumerable<XElement> DescribeSubnets(RequestContext context, QueryRequest request) =>
    [
        Set("subnetSet", Ec2Queries.Subnets(ec2.WorldWithDefaultsOf(context.Region), context.Region, request.Strings("SubnetId"), Filters(request)).Select(Ec2Xml.Subnet)),
    ];

    private IEnumerable<XElement> DescribeAvailabilityZones(RequestContext context, QueryRequest request) =>
    [
        Set("availabilityZoneInfo", Ec2Queries.Zones(context.Region, request.Strings("ZoneName"), request.Strings("ZoneId"), Filters(request)).Select(Ec2Xml.Zone)),
    ];

    private IEnumerable<XElement> DescribeSecurityGroups(RequestContext context, QueryRequest request) =>
    [
        Set("securityGroupInfo", Ec2Queries.SecurityGroups(ec2.WorldWithDefaultsOf(context.Region), context.Region,
            request.Strings("GroupId"), request.Strings("GroupName"), Filters(request)).Select(Ec2Xml.SecurityGroup)),
    ];

    private IEnumerable<XElement> CreateSecurityGroup(RequestContext context, QueryRequest request)
    {
        var group = ec2.Mutate(context.Region, tx =>
            SecurityGroupCommands.Create(tx, context.Region, request.String("GroupName"), request.String("GroupDescription"), request.String("VpcId")));
        return [new XElement("return", "true"), new XElement("groupId", group.GroupId), new XElement("securityGroupArn", Ec2Arns.SecurityGroup(group))];
    }

    private IEnumerable<XElement> AuthorizeSecurityGroupIngress(RequestContext context, QueryRequest request)
    {
        var permissions = (request.Structures("IpPermissions") ?? []).Select(p => new PermissionInput(
            p.String("IpProtocol"), p.Int("FromPort"), p.Int("ToPort"),
            [.. (p.Structures("IpRanges") ?? []).Select(r => r.String("CidrIp") ?? "")],
            [.. (p.Structures("Groups") ?? []).Select(g => g.String("GroupId") ?? "")])).ToList();
        if (request.String("IpProtocol") is not null || request.String("CidrIp") is not null)
            permissions.Add(new PermissionInput(request.String("IpProtocol"), request.Int("FromPort"), request.Int("ToPort"),
                request.String("CidrIp") is { } cidr ? [cidr] : [], []));
        var group = request.String("GroupId");
        var rules = ec2.Mutate(context.Region, tx =>
            SecurityGroupCommands.AuthorizeIngress(tx, context.Region, group, request.String("GroupName"), permissions));
        var groupId = group ?? Ec2Queries.RequireGroup(ec2.World, context.Region, null, request.String("GroupName")).GroupId;
        return [new XElement("return", "true"), Set("securityGroupRuleSet", rules.Select(r => Ec2Xml.Rule(groupId, r)))];
    }

    private IEnumerable<XElement> DeleteSecurityGroup(RequestContext context, QueryRequest request)
    {
        var group = ec2.Mutate(context.Region, tx =>
            SecurityGroupCommands.Delete(tx, context.Region, request.String("GroupId"), request.String("GroupName"), ec2.SecurityGroupInUse));
        return [new XElement("return", "true"), new XElement("groupId", group.GroupId)];
    }

    private static IReadOnlyList<Ec2Filter>? Filters(QueryRequest request) =>
        request.Structures("Filter")?.Select(f => new Ec2Filter(f.String("Name") ?? "", f.Strings("Value") ?? [])).ToList();

    private static XElement Set(string name, IEnumerable<XElement> items) => new(name, items);
}

/// <summary>EC2's XML for each resource (lowerCamel members, <c>item</c> lists).</summary>
internal static class Ec2Xml
{
    private static string Owner => RequestContext.SimulatedAccountId;

    private static XElement Item(params object?[] content) => new("item", content);

    private static string Text(bool value) => value ? "true" : "false";

    public static XElement Vpc(Vpc vpc) => Item(
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

    public static XElement Subnet(Subnet subnet) => Item(
        new XElement("subnetId", subnet.SubnetId),
        new XElement("subnetArn", Ec2Arns.Subnet(subnet)),
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

    public static XElement SecurityGroup(SecurityGroup group) => Item(
        new XElement("ownerId", Owner),
        new XElement("groupId", group.GroupId),
        new XElement("groupName", group.GroupName),
        new XElement("groupDescription", group.Description),
        new XElement("vpcId", group.VpcId),
        new XElement("securityGroupArn", Ec2Arns.SecurityGroup(group)),
        new XElement("ipPermissions", Permissions(group.Ingress)),
        new XElement("ipPermissionsEgress", Permissions(group.Egress)),
        new XElement("tagSet"));

    /// <summary>Rules grouped by protocol and ports into EC2's permissions, each listing its ranges and groups.</summary>
    private static IEnumerable<XElement> Permissions(IEnumerable<SecurityGroupRule> rules) =>
        rules.GroupBy(r => (r.IpProtocol, r.FromPort, r.ToPort)).Select(permission => Item(
            new XElement("ipProtocol", permission.Key.IpProtocol),
            permission.Key.FromPort is { } from ? new XElement("fromPort", from) : null,
            permission.Key.ToPort is { } to ? new XElement("toPort", to) : null,
            new XElement("groups", permission.Where(r => r.ReferencedGroupId is not null)
                .Select(r => Item(new XElement("userId", Owner), new XElement("groupId", r.ReferencedGroupId)))),
            new XElement("ipRanges", permission.Where(r => r.CidrIpv4 is not null).Select(r => Item(new XElement("cidrIp", r.CidrIpv4)))),
            new XElement("ipv6Ranges"),
            new XElement("prefixListIds")));

    public static XElement Rule(string groupId, SecurityGroupRule rule) => Item(
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
