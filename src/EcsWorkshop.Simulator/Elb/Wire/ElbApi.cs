using System.Globalization;
using System.Xml.Linq;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Aws.Query;
using EcsWorkshop.Simulator.Elb.Domain;

namespace EcsWorkshop.Simulator.Elb.Wire;

/// <summary>
/// Elastic Load Balancing v2 as a Query service (version <c>2015-12-01</c>, signing name <c>elasticloadbalancing</c>):
/// reads each action's members (<c>Name.member.N</c> lists), runs the domain, writes <c>&lt;OpResult&gt;</c> members.
/// </summary>
public sealed class ElbApi(ElbEngine elb)
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

    private static ElbArns ArnsFor(RequestContext context) => new(context.Region, context.AccountId);

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
            Tags(request));
        var loadBalancer = elb.Mutate(tx => LoadBalancerCommands.Create(tx, ArnsFor(context), input));
        return [new XElement("LoadBalancers", ElbXml.LoadBalancer(loadBalancer, Now))];
    }

    private IEnumerable<XElement> DescribeLoadBalancers(RequestContext context, QueryRequest request)
    {
        var found = LoadBalancerCommands.Describe(elb.World, context.Region, request.Strings("LoadBalancerArns"), request.Strings("Names"));
        var (page, next) = Page(found, request);
        return [new XElement("LoadBalancers", page.Select(lb => ElbXml.LoadBalancer(lb, Now))), .. Marker(next)];
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
            request.String("TargetType"), request.String("IpAddressType"), HealthCheck(request), Tags(request));
        var group = elb.Mutate(tx => TargetGroupCommands.Create(tx, ArnsFor(context), input));
        return [new XElement("TargetGroups", ElbXml.TargetGroup(group, elb.World))];
    }

    private IEnumerable<XElement> DescribeTargetGroups(RequestContext context, QueryRequest request)
    {
        var world = elb.World;
        var found = TargetGroupCommands.Describe(world, context.Region, request.String("LoadBalancerArn"), request.Strings("TargetGroupArns"), request.Strings("Names"));
        var (page, next) = Page(found, request);
        return [new XElement("TargetGroups", page.Select(g => ElbXml.TargetGroup(g, world))), .. Marker(next)];
    }

    private IEnumerable<XElement> ModifyTargetGroup(RequestContext context, QueryRequest request)
    {
        var group = elb.Mutate(tx => TargetGroupCommands.Modify(tx, request.String("TargetGroupArn"), HealthCheck(request)));
        return [new XElement("TargetGroups", ElbXml.TargetGroup(group, elb.World))];
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
        [ElbXml.Attributes(TargetGroupCommands.Require(elb.World, request.String("TargetGroupArn")).Attributes)];

    private IEnumerable<XElement> ModifyTargetGroupAttributes(RequestContext context, QueryRequest request)
    {
        var attributes = request.Structures("Attributes")?.Select(a => new KeyValuePair<string, string>(a.String("Key") ?? "", a.String("Value") ?? "")).ToList();
        var group = elb.Mutate(tx => TargetGroupCommands.ModifyAttributes(tx, request.String("TargetGroupArn"), attributes));
        return [ElbXml.Attributes(group.Attributes)];
    }

    private IEnumerable<XElement> CreateListener(RequestContext context, QueryRequest request)
    {
        var actions = request.Structures("DefaultActions")?.Select(a => new ActionInput(
            a.String("Type"), a.String("TargetGroupArn"),
            [.. (a.At("ForwardConfig").Structures("TargetGroups") ?? []).Select(t => t.String("TargetGroupArn")).OfType<string>()],
            a.Int("Order"))).ToList();
        var listener = elb.Mutate(tx => ListenerCommands.Create(tx, request.String("LoadBalancerArn"), request.String("Protocol"), request.Int("Port"), actions, Tags(request)));
        return [new XElement("Listeners", ElbXml.Listener(listener))];
    }

    private IEnumerable<XElement> DescribeListeners(RequestContext context, QueryRequest request)
    {
        var found = ListenerCommands.Describe(elb.World, request.String("LoadBalancerArn"), request.Strings("ListenerArns"));
        var (page, next) = Page(found, request);
        return [new XElement("Listeners", page.Select(ElbXml.Listener)), .. Marker(next)];
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
            TargetCommands.Register(tx, request.String("TargetGroupArn"), Targets(request));
            return 0;
        });
        return [];
    }

    private IEnumerable<XElement> DeregisterTargets(RequestContext context, QueryRequest request)
    {
        elb.Mutate(tx =>
        {
            TargetCommands.Deregister(tx, request.String("TargetGroupArn"), Targets(request));
            return 0;
        });
        return [];
    }

    private IEnumerable<XElement> DescribeTargetHealth(RequestContext context, QueryRequest request) =>
    [
        new XElement("TargetHealthDescriptions",
            TargetCommands.DescribeHealth(elb.World, Now, elb.Context, request.String("TargetGroupArn"), Targets(request)).Select(ElbXml.TargetHealth)),
    ];

    private IEnumerable<XElement> AddTags(RequestContext context, QueryRequest request)
    {
        elb.Mutate(tx =>
        {
            TagCommands.Add(tx, request.Strings("ResourceArns"), Tags(request));
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
            .Select(d => new XElement("member", new XElement("ResourceArn", d.Arn), ElbXml.Tags(d.Tags)))),
    ];

    private static IReadOnlyList<KeyValuePair<string, string>>? Tags(QueryRequest request) =>
        request.Structures("Tags")?.Select(t => new KeyValuePair<string, string>(t.String("Key") ?? "", t.String("Value") ?? "")).ToList();

    private static IReadOnlyList<TargetInput>? Targets(QueryRequest request) =>
        request.Structures("Targets")?.Select(t => new TargetInput(t.String("Id"), t.Int("Port"), t.String("AvailabilityZone"))).ToList();

    private static HealthCheckInput HealthCheck(QueryRequest request) => new(
        request.String("HealthCheckProtocol"), request.String("HealthCheckPort"), request.String("HealthCheckPath"),
        request.Int("HealthCheckIntervalSeconds"), request.Int("HealthCheckTimeoutSeconds"),
        request.Int("HealthyThresholdCount"), request.Int("UnhealthyThresholdCount"),
        request.At("Matcher").String("HttpCode"), request.Bool("HealthCheckEnabled"));

    /// <summary>One page (PageSize 1–400, all by default) after the Marker.</summary>
    private static (List<T> Page, string? Next) Page<T>(IReadOnlyList<T> items, QueryRequest request)
    {
        var size = request.Int("PageSize");
        if (size is < 1 or > 400) throw ElbErrors.Constraint.With(size, "pageSize", size < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 400");
        var marker = request.String("Marker");
        return OffsetPages.Page(items, marker, size ?? 400,
            () => ElbErrors.Constraint.With(marker, "marker", "Member must be a marker returned by a previous call"));
    }

    private static IEnumerable<XElement> Marker(string? next) => next is null ? [] : [new XElement("NextMarker", next)];
}

/// <summary>ELBv2's XML for each resource (PascalCase members, <c>member</c> lists).</summary>
internal static class ElbXml
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

    public static XElement TargetGroup(TargetGroup group, ElbWorld world) => new("member",
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
