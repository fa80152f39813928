using System.Globalization;
using System.Xml.Linq;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Aws.Query;
using EcsWorkshop.Simulator.Elbv2.Domain;

namespace EcsWorkshop.Simulator.Elbv2.Wire;

/// <summary>
/// Elastic Load Balancing v2 as a Query service (version <c>2015-12-01</c>, signing name <c>elasticloadbalancing</c>):
/// reads each action's members (<c>Name.member.N</c> lists), runs the domain, writes <c>&lt;OpResult&gt;</c> members.
/// </summary>
public sealed class Elbv2Api(Elbv2Engine elb)
{
    public const string Version = "2015-12-01";
    public const string Namespace = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    public AwsQueryService CreateService() => new AwsQueryService("elasticloadbalancing", Version, Namespace, QueryDialect.Wrapped)
        .On("CreateLoadBalancer", CreateLoadBalancer)
        .On("DescribeLoadBalancers", DescribeLoadBalancers)
        .On("DeleteLoadBalancer", DeleteLoadBalancer)
        .On("CreateTargetGroup", CreateTargetGroup)
        .On("DescribeTargetGroups", DescribeTargetGroups)
        .On("ModifyTargetGroup", ModifyTargetGroup)
        .On("DeleteTargetGroup", DeleteTargetGroup)
        .On("DescribeTargetGroupAttributes", DescribeTargetGroupAttributes)
        .On("ModifyTargetGroupAttributes", ModifyTargetGroupAttributes)
        .On("CreateListener", CreateListener)
        .On("DescribeListeners", DescribeListeners)
        .On("DeleteListener", DeleteListener)
        .On("RegisterTargets", RegisterTargets)
        .On("DeregisterTargets", DeregisterTargets)
        .On("DescribeTargetHealth", DescribeTargetHealth)
        .On("AddTags", AddTags)
        .On("RemoveTags", RemoveTags)
        .On("DescribeTags", DescribeTags);

    private static Elbv2Arns ArnsFor(RequestContext context) => new(context.Region, context.AccountId);

    private DateTimeOffset Now => elb.Time.GetUtcNow();

    private IEnumerable<XElement> CreateLoadBalancer(RequestContext context, QueryRequest request)
    {
        var input = new CreateLoadBalancerInput(
            request.String("Name"),
            request.Strings("Subnets"),
            request.Structures("SubnetMappings")?.Select(m => m.String("SubnetId") ?? "").ToList(),
            request.Strings("SecurityGroups"),
            request.String("Scheme"),
            request.String("Type"),
            request.String("IpAddressType"),
            Elbv2Mapper.Tags(request));
        var loadBalancer = elb.Mutate(tx => LoadBalancerCommands.Create(tx, ArnsFor(context), input));
        return [new XElement("LoadBalancers", Elbv2Shapes.LoadBalancer(loadBalancer, Now))];
    }

    private IEnumerable<XElement> DescribeLoadBalancers(RequestContext context, QueryRequest request)
    {
        var found = Elbv2Queries.LoadBalancers(elb.World, context.Region, request.Strings("LoadBalancerArns"), request.Strings("Names"));
        var (page, next) = Elbv2Mapper.Page(found, request);
        return [new XElement("LoadBalancers", page.Select(lb => Elbv2Shapes.LoadBalancer(lb, Now))), .. Marker(next)];
    }

    private IEnumerable<XElement> DeleteLoadBalancer(RequestContext context, QueryRequest request)
    {
        elb.Mutate(tx =>
        {
            LoadBalancerCommands.Delete(tx, request.String("LoadBalancerArn"));
            return 0;
        });
        return [];
    }

    private IEnumerable<XElement> CreateTargetGroup(RequestContext context, QueryRequest request)
    {
        var input = new CreateTargetGroupInput(
            request.String("Name"), request.String("Protocol"), request.String("ProtocolVersion"), request.Int("Port"), request.String("VpcId"),
            request.String("TargetType"), request.String("IpAddressType"), Elbv2Mapper.HealthCheck(request), Elbv2Mapper.Tags(request));
        var group = elb.Mutate(tx => TargetGroupCommands.Create(tx, ArnsFor(context), input));
        return [new XElement("TargetGroups", Elbv2Shapes.TargetGroup(group, elb.World))];
    }

    private IEnumerable<XElement> DescribeTargetGroups(RequestContext context, QueryRequest request)
    {
        var world = elb.World;
        var found = Elbv2Queries.TargetGroups(world, context.Region, request.String("LoadBalancerArn"), request.Strings("TargetGroupArns"), request.Strings("Names"));
        var (page, next) = Elbv2Mapper.Page(found, request);
        return [new XElement("TargetGroups", page.Select(g => Elbv2Shapes.TargetGroup(g, world))), .. Marker(next)];
    }

    private IEnumerable<XElement> ModifyTargetGroup(RequestContext context, QueryRequest request)
    {
        var group = elb.Mutate(tx => TargetGroupCommands.Modify(tx, request.String("TargetGroupArn"), Elbv2Mapper.HealthCheck(request)));
        return [new XElement("TargetGroups", Elbv2Shapes.TargetGroup(group, elb.World))];
    }

    private IEnumerable<XElement> DeleteTargetGroup(RequestContext context, QueryRequest request)
    {
        elb.Mutate(tx =>
        {
            TargetGroupCommands.Delete(tx, request.String("TargetGroupArn"));
            return 0;
        });
        return [];
    }

    private IEnumerable<XElement> DescribeTargetGroupAttributes(RequestContext context, QueryRequest request) =>
        [Elbv2Shapes.Attributes(TargetGroupCommands.Require(elb.World, request.String("TargetGroupArn")).Attributes)];

    private IEnumerable<XElement> ModifyTargetGroupAttributes(RequestContext context, QueryRequest request)
    {
        var attributes = request.Structures("Attributes")?.Select(a => new KeyValuePair<string, string>(a.String("Key") ?? "", a.String("Value") ?? "")).ToList();
        var group = elb.Mutate(tx => TargetGroupCommands.ModifyAttributes(tx, request.String("TargetGroupArn"), attributes));
        return [Elbv2Shapes.Attributes(group.Attributes)];
    }

    private IEnumerable<XElement> CreateListener(RequestContext context, QueryRequest request)
    {
        var actions = request.Structures("DefaultActions")?.Select(a => new ActionInput(
            a.String("Type"), a.String("TargetGroupArn"),
            [.. (a.At("ForwardConfig").Structures("TargetGroups") ?? []).Select(t => t.String("TargetGroupArn")).OfType<string>()],
            a.Int("Order"))).ToList();
        var listener = elb.Mutate(tx => ListenerCommands.Create(tx, request.String("LoadBalancerArn"), request.String("Protocol"), request.Int("Port"), actions, Elbv2Mapper.Tags(request)));
        return [new XElement("Listeners", Elbv2Shapes.Listener(listener))];
    }

    private IEnumerable<XElement> DescribeListeners(RequestContext context, QueryRequest request)
    {
        var found = Elbv2Queries.Listeners(elb.World, request.String("LoadBalancerArn"), request.Strings("ListenerArns"));
        var (page, next) = Elbv2Mapper.Page(found, request);
        return [new XElement("Listeners", page.Select(Elbv2Shapes.Listener)), .. Marker(next)];
    }

    private IEnumerable<XElement> DeleteListener(RequestContext context, QueryRequest request)
    {
        elb.Mutate(tx =>
        {
            ListenerCommands.Delete(tx, request.String("ListenerArn"));
            return 0;
        });
        return [];
    }

    private IEnumerable<XElement> RegisterTargets(RequestContext context, QueryRequest request)
    {
        elb.Mutate(tx =>
        {
            TargetCommands.Register(tx, request.String("TargetGroupArn"), Elbv2Mapper.Targets(request));
            return 0;
        });
        return [];
    }

    private IEnumerable<XElement> DeregisterTargets(RequestContext context, QueryRequest request)
    {
        elb.Mutate(tx =>
        {
            TargetCommands.Deregister(tx, request.String("TargetGroupArn"), Elbv2Mapper.Targets(request));
            return 0;
        });
        return [];
    }

    private IEnumerable<XElement> DescribeTargetHealth(RequestContext context, QueryRequest request) =>
    [
        new XElement("TargetHealthDescriptions",
            TargetCommands.DescribeHealth(elb.World, Now, elb.Context, request.String("TargetGroupArn"), Elbv2Mapper.Targets(request)).Select(Elbv2Shapes.TargetHealth)),
    ];

    private IEnumerable<XElement> AddTags(RequestContext context, QueryRequest request)
    {
        elb.Mutate(tx =>
        {
            TagCommands.Add(tx, request.Strings("ResourceArns"), Elbv2Mapper.Tags(request));
            return 0;
        });
        return [];
    }

    private IEnumerable<XElement> RemoveTags(RequestContext context, QueryRequest request)
    {
        elb.Mutate(tx =>
        {
            TagCommands.Remove(tx, request.Strings("ResourceArns"), request.Strings("TagKeys"));
            return 0;
        });
        return [];
    }

    private IEnumerable<XElement> DescribeTags(RequestContext context, QueryRequest request) =>
    [
        new XElement("TagDescriptions", TagCommands.Describe(elb.World, request.Strings("ResourceArns"))
            .Select(d => new XElement("member", new XElement("ResourceArn", d.Arn), Elbv2Shapes.Tags(d.Tags)))),
    ];

    private static IEnumerable<XElement> Marker(string? next) => next is null ? [] : [new XElement("NextMarker", next)];
}
