using System.Xml.Linq;
using EcsWorkshop.Aws.Elb.Model;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Elb;

/// <summary>
/// Elastic Load Balancing v2 (Application Load Balancers) over the query protocol (version <c>2015-12-01</c>,
/// signing name <c>elasticloadbalancing</c>). Lists are sent as <c>Name.member.N</c>; answers are read from
/// <c>&lt;OpResult&gt;</c>, lists from <c>member</c> elements.
/// </summary>
public sealed class ElbClient : IDisposable
{
    /// <summary>The API version every request names.</summary>
    public const string ApiVersion = "2015-12-01";

    private readonly AwsQueryClient _query;

    public ElbClient(AwsClientSettings settings) => _query = new AwsQueryClient(AwsService.ElasticLoadBalancing, ApiVersion, settings);

    /// <summary>The URL requests go to.</summary>
    public Uri Endpoint => _query.Endpoint;

    public async Task<LoadBalancer> CreateLoadBalancerAsync(CreateLoadBalancerRequest request, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters()
            .Add("Name", request.Name)
            .AddMemberList("Subnets", request.Subnets)
            .AddMemberList("SecurityGroups", request.SecurityGroups)
            .Add("Scheme", request.Scheme)
            .Add("Type", request.Type)
            .Add("IpAddressType", request.IpAddressType)
            .AddMembers("Tags", request.Tags, AddTag);
        var result = await InvokeAsync("CreateLoadBalancer", parameters, cancellationToken).ConfigureAwait(false);
        return ReadLoadBalancer(result.Child("LoadBalancers").Items().First());
    }

    /// <summary>Load balancers by ARN or name (or all), one page.</summary>
    public async Task<ElbPage<LoadBalancer>> DescribeLoadBalancersAsync(
        IReadOnlyList<string>? arns = null, IReadOnlyList<string>? names = null, string? marker = null, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters().AddMemberList("LoadBalancerArns", arns).AddMemberList("Names", names).Add("Marker", marker);
        var result = await InvokeAsync("DescribeLoadBalancers", parameters, cancellationToken).ConfigureAwait(false);
        return new([.. result.Child("LoadBalancers").Items().Select(ReadLoadBalancer)], result.ChildText("NextMarker"));
    }

    public Task DeleteLoadBalancerAsync(string arn, CancellationToken cancellationToken = default) =>
        InvokeAsync("DeleteLoadBalancer", new QueryParameters().Add("LoadBalancerArn", arn), cancellationToken);

    public async Task<TargetGroup> CreateTargetGroupAsync(CreateTargetGroupRequest request, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters()
            .Add("Name", request.Name)
            .Add("Protocol", request.Protocol)
            .Add("Port", request.Port)
            .Add("VpcId", request.VpcId)
            .Add("TargetType", request.TargetType)
            .Add("HealthCheckPath", request.HealthCheckPath)
            .Add("HealthCheckIntervalSeconds", request.HealthCheckIntervalSeconds)
            .Add("HealthCheckTimeoutSeconds", request.HealthCheckTimeoutSeconds)
            .Add("HealthyThresholdCount", request.HealthyThresholdCount)
            .Add("UnhealthyThresholdCount", request.UnhealthyThresholdCount)
            .Add("Matcher.HttpCode", request.MatcherHttpCode)
            .AddMembers("Tags", request.Tags, AddTag);
        var result = await InvokeAsync("CreateTargetGroup", parameters, cancellationToken).ConfigureAwait(false);
        return ReadTargetGroup(result.Child("TargetGroups").Items().First());
    }

    /// <summary>Target groups by ARN, by name or of a load balancer (or all), one page.</summary>
    public async Task<ElbPage<TargetGroup>> DescribeTargetGroupsAsync(
        IReadOnlyList<string>? arns = null, IReadOnlyList<string>? names = null, string? loadBalancerArn = null, string? marker = null,
        CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters().AddMemberList("TargetGroupArns", arns).AddMemberList("Names", names)
            .Add("LoadBalancerArn", loadBalancerArn).Add("Marker", marker);
        var result = await InvokeAsync("DescribeTargetGroups", parameters, cancellationToken).ConfigureAwait(false);
        return new([.. result.Child("TargetGroups").Items().Select(ReadTargetGroup)], result.ChildText("NextMarker"));
    }

    public Task DeleteTargetGroupAsync(string arn, CancellationToken cancellationToken = default) =>
        InvokeAsync("DeleteTargetGroup", new QueryParameters().Add("TargetGroupArn", arn), cancellationToken);

    /// <summary>The attributes of a target group (for example <c>deregistration_delay.timeout_seconds</c>).</summary>
    public async Task<IReadOnlyDictionary<string, string>> DescribeTargetGroupAttributesAsync(string arn, CancellationToken cancellationToken = default)
    {
        var result = await InvokeAsync("DescribeTargetGroupAttributes", new QueryParameters().Add("TargetGroupArn", arn), cancellationToken).ConfigureAwait(false);
        return ReadAttributes(result);
    }

    /// <summary>Changes attributes of a target group; answers all of them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ModifyTargetGroupAttributesAsync(
        string arn, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters().Add("TargetGroupArn", arn).AddMembers("Attributes", attributes, (p, prefix, a) =>
            p.Add($"{prefix}.Key", a.Key).Add($"{prefix}.Value", a.Value));
        var result = await InvokeAsync("ModifyTargetGroupAttributes", parameters, cancellationToken).ConfigureAwait(false);
        return ReadAttributes(result);
    }

    /// <summary>Adds a listener whose default action forwards to a target group.</summary>
    public async Task<Listener> CreateListenerAsync(string loadBalancerArn, string protocol, int port, string targetGroupArn, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters()
            .Add("LoadBalancerArn", loadBalancerArn)
            .Add("Protocol", protocol)
            .Add("Port", port)
            .Add("DefaultActions.member.1.Type", "forward")
            .Add("DefaultActions.member.1.TargetGroupArn", targetGroupArn);
        var result = await InvokeAsync("CreateListener", parameters, cancellationToken).ConfigureAwait(false);
        return ReadListener(result.Child("Listeners").Items().First());
    }

    /// <summary>The listeners of a load balancer, or by ARN, one page.</summary>
    public async Task<ElbPage<Listener>> DescribeListenersAsync(
        string? loadBalancerArn = null, IReadOnlyList<string>? arns = null, string? marker = null, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters().Add("LoadBalancerArn", loadBalancerArn).AddMemberList("ListenerArns", arns).Add("Marker", marker);
        var result = await InvokeAsync("DescribeListeners", parameters, cancellationToken).ConfigureAwait(false);
        return new([.. result.Child("Listeners").Items().Select(ReadListener)], result.ChildText("NextMarker"));
    }

    public Task DeleteListenerAsync(string arn, CancellationToken cancellationToken = default) =>
        InvokeAsync("DeleteListener", new QueryParameters().Add("ListenerArn", arn), cancellationToken);

    public Task RegisterTargetsAsync(string targetGroupArn, IReadOnlyList<TargetDescription> targets, CancellationToken cancellationToken = default) =>
        InvokeAsync("RegisterTargets", new QueryParameters().Add("TargetGroupArn", targetGroupArn).AddMembers("Targets", targets, AddTarget), cancellationToken);

    public Task DeregisterTargetsAsync(string targetGroupArn, IReadOnlyList<TargetDescription> targets, CancellationToken cancellationToken = default) =>
        InvokeAsync("DeregisterTargets", new QueryParameters().Add("TargetGroupArn", targetGroupArn).AddMembers("Targets", targets, AddTarget), cancellationToken);

    /// <summary>The health of the given targets, or of every registered one.</summary>
    public async Task<IReadOnlyList<TargetHealthDescription>> DescribeTargetHealthAsync(
        string targetGroupArn, IReadOnlyList<TargetDescription>? targets = null, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters().Add("TargetGroupArn", targetGroupArn).AddMembers("Targets", targets, AddTarget);
        var result = await InvokeAsync("DescribeTargetHealth", parameters, cancellationToken).ConfigureAwait(false);
        return [.. result.Child("TargetHealthDescriptions").Items().Select(d =>
        {
            var target = d.Child("Target");
            var health = d.Child("TargetHealth");
            return new TargetHealthDescription(
                new TargetDescription(target.ChildText("Id") ?? "", target.ChildInt("Port"), target.ChildText("AvailabilityZone")),
                d.ChildText("HealthCheckPort"), health.ChildText("State"), health.ChildText("Reason"), health.ChildText("Description"));
        })];
    }

    public Task AddTagsAsync(IReadOnlyList<string> arns, IReadOnlyList<ElbTag> tags, CancellationToken cancellationToken = default) =>
        InvokeAsync("AddTags", new QueryParameters().AddMemberList("ResourceArns", arns).AddMembers("Tags", tags, AddTag), cancellationToken);

    public Task RemoveTagsAsync(IReadOnlyList<string> arns, IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        InvokeAsync("RemoveTags", new QueryParameters().AddMemberList("ResourceArns", arns).AddMemberList("TagKeys", keys), cancellationToken);

    public async Task<IReadOnlyList<TagDescription>> DescribeTagsAsync(IReadOnlyList<string> arns, CancellationToken cancellationToken = default)
    {
        var result = await InvokeAsync("DescribeTags", new QueryParameters().AddMemberList("ResourceArns", arns), cancellationToken).ConfigureAwait(false);
        return [.. result.Child("TagDescriptions").Items().Select(d => new TagDescription(d.ChildText("ResourceArn") ?? "", ReadTags(d)))];
    }

    private async Task<XElement> InvokeAsync(string action, QueryParameters parameters, CancellationToken cancellationToken)
    {
        var root = await _query.InvokeAsync(action, parameters, cancellationToken).ConfigureAwait(false);
        return root.Result(action);
    }

    private static void AddTag(QueryParameters parameters, string prefix, ElbTag tag) =>
        parameters.Add($"{prefix}.Key", tag.Key).Add($"{prefix}.Value", tag.Value);

    private static void AddTarget(QueryParameters parameters, string prefix, TargetDescription target) =>
        parameters.Add($"{prefix}.Id", target.Id).Add($"{prefix}.Port", target.Port).Add($"{prefix}.AvailabilityZone", target.AvailabilityZone);

    private static IReadOnlyList<ElbTag> ReadTags(XElement element) =>
        [.. element.Child("Tags").Items().Select(t => new ElbTag(t.ChildText("Key") ?? "", t.ChildText("Value")))];

    private static IReadOnlyDictionary<string, string> ReadAttributes(XElement result) =>
        result.Child("Attributes").Items().ToDictionary(a => a.ChildText("Key") ?? "", a => a.ChildText("Value") ?? "", StringComparer.Ordinal);

    private static LoadBalancer ReadLoadBalancer(XElement lb) => new()
    {
        LoadBalancerArn = lb.ChildText("LoadBalancerArn"),
        DnsName = lb.ChildText("DNSName"),
        CanonicalHostedZoneId = lb.ChildText("CanonicalHostedZoneId"),
        CreatedTime = lb.ChildTime("CreatedTime"),
        LoadBalancerName = lb.ChildText("LoadBalancerName"),
        Scheme = lb.ChildText("Scheme"),
        VpcId = lb.ChildText("VpcId"),
        State = lb.Child("State").ChildText("Code"),
        Type = lb.ChildText("Type"),
        AvailabilityZones = [.. lb.Child("AvailabilityZones").Items().Select(z => new LoadBalancerZone(z.ChildText("ZoneName"), z.ChildText("SubnetId")))],
        SecurityGroups = [.. lb.Child("SecurityGroups").Items().Select(g => g.Value)],
        IpAddressType = lb.ChildText("IpAddressType"),
    };

    private static TargetGroup ReadTargetGroup(XElement group) => new()
    {
        TargetGroupArn = group.ChildText("TargetGroupArn"),
        TargetGroupName = group.ChildText("TargetGroupName"),
        Protocol = group.ChildText("Protocol"),
        Port = group.ChildInt("Port"),
        VpcId = group.ChildText("VpcId"),
        HealthCheckProtocol = group.ChildText("HealthCheckProtocol"),
        HealthCheckPort = group.ChildText("HealthCheckPort"),
        HealthCheckEnabled = group.ChildBool("HealthCheckEnabled"),
        HealthCheckIntervalSeconds = group.ChildInt("HealthCheckIntervalSeconds"),
        HealthCheckTimeoutSeconds = group.ChildInt("HealthCheckTimeoutSeconds"),
        HealthyThresholdCount = group.ChildInt("HealthyThresholdCount"),
        UnhealthyThresholdCount = group.ChildInt("UnhealthyThresholdCount"),
        HealthCheckPath = group.ChildText("HealthCheckPath"),
        MatcherHttpCode = group.Child("Matcher").ChildText("HttpCode"),
        LoadBalancerArns = [.. group.Child("LoadBalancerArns").Items().Select(a => a.Value)],
        TargetType = group.ChildText("TargetType"),
        ProtocolVersion = group.ChildText("ProtocolVersion"),
        IpAddressType = group.ChildText("IpAddressType"),
    };

    private static Listener ReadListener(XElement listener) => new()
    {
        ListenerArn = listener.ChildText("ListenerArn"),
        LoadBalancerArn = listener.ChildText("LoadBalancerArn"),
        Port = listener.ChildInt("Port"),
        Protocol = listener.ChildText("Protocol"),
        DefaultActions = [.. listener.Child("DefaultActions").Items().Select(a => new ListenerAction(a.ChildText("Type") ?? "", a.ChildText("TargetGroupArn")))],
    };

    public void Dispose() => _query.Dispose();
}
