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
        Set("vpcSet", Ec2Queries.Vpcs(ec2.WorldWithDefaultsOf(context.Region), context.Region, context.AccountId, request.Strings("VpcId"), Ec2Mapper.Filters(request)).Select(new Ec2Shapes(context.AccountId).Vpc)),
    ];

    private IEnumerable<XElement> DescribeSubnets(RequestContext context, QueryRequest request) =>
    [
        Set("subnetSet", Ec2Queries.Subnets(ec2.WorldWithDefaultsOf(context.Region), context.Region, context.AccountId, request.Strings("SubnetId"), Ec2Mapper.Filters(request)).Select(new Ec2Shapes(context.AccountId).Subnet)),
    ];

    private IEnumerable<XElement> DescribeAvailabilityZones(RequestContext context, QueryRequest request) =>
    [
        Set("availabilityZoneInfo", Ec2Queries.Zones(context.Region, context.AccountId, request.Strings("ZoneName"), request.Strings("ZoneId"), Ec2Mapper.Filters(request)).Select(Ec2Shapes.Zone)),
    ];

    private IEnumerable<XElement> DescribeSecurityGroups(RequestContext context, QueryRequest request) =>
    [
        Set("securityGroupInfo", Ec2Queries.SecurityGroups(ec2.WorldWithDefaultsOf(context.Region), context.Region, context.AccountId,
            request.Strings("GroupId"), request.Strings("GroupName"), Ec2Mapper.Filters(request)).Select(new Ec2Shapes(context.AccountId).SecurityGroup)),
    ];

    private IEnumerable<XElement> CreateSecurityGroup(RequestContext context, QueryRequest request)
    {
        var group = ec2.Mutate(context.Region, tx =>
            SecurityGroupCommands.Create(tx, context.Region, request.String("GroupName"), request.String("GroupDescription"), request.String("VpcId")));
        return [new XElement("return", "true"), new XElement("groupId", group.GroupId), new XElement("securityGroupArn", Ec2Arns.SecurityGroup(group, context.AccountId))];
    }

    private IEnumerable<XElement> AuthorizeSecurityGroupIngress(RequestContext context, QueryRequest request)
    {
        var permissions = Ec2Mapper.Permissions(request);
        var group = request.String("GroupId");
        var rules = ec2.Mutate(context.Region, tx =>
            SecurityGroupCommands.AuthorizeIngress(tx, context.Region, group, request.String("GroupName"), permissions));
        var groupId = group ?? Ec2Queries.RequireGroup(ec2.World, context.Region, null, request.String("GroupName")).GroupId;
        return [new XElement("return", "true"), Set("securityGroupRuleSet", rules.Select(r => new Ec2Shapes(context.AccountId).Rule(groupId, r)))];
    }

    private IEnumerable<XElement> DeleteSecurityGroup(RequestContext context, QueryRequest request)
    {
        var group = ec2.Mutate(context.Region, tx =>
            SecurityGroupCommands.Delete(tx, context.Region, request.String("GroupId"), request.String("GroupName"), ec2.SecurityGroupInUse));
        return [new XElement("return", "true"), new XElement("groupId", group.GroupId)];
    }

    private static XElement Set(string name, IEnumerable<XElement> items) => new(name, items);
}
