using System.Xml.Linq;
using EcsWorkshop.Aws.Ec2.Model;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Ec2;

/// <summary>
/// The few EC2 calls a Fargate workshop needs (the default VPC, its subnets, its default security group), over EC2's
/// query protocol (version <c>2016-11-15</c>, signing name <c>ec2</c>). Lists are numbered <c>Name.N</c> and
/// answers use <c>item</c> elements with lowerCamel names.
/// </summary>
public sealed class Ec2Client : IDisposable
{
    /// <summary>The API version every request names.</summary>
    public const string ApiVersion = "2016-11-15";

    private readonly AwsQueryClient _query;

    public Ec2Client(AwsClientSettings settings) => _query = new AwsQueryClient(AwsService.Ec2, ApiVersion, settings);

    /// <summary>The URL requests go to.</summary>
    public Uri Endpoint => _query.Endpoint;

    /// <summary>Describes VPCs, one page.</summary>
    public async Task<DescribeVpcsResponse> DescribeVpcsAsync(DescribeVpcsRequest request, CancellationToken cancellationToken = default)
    {
        var parameters = Paged(Filtered(request.Filters).AddList("VpcId", request.VpcIds), request.NextToken, request.MaxResults);
        var root = await _query.InvokeAsync("DescribeVpcs", parameters, cancellationToken).ConfigureAwait(false);
        return new DescribeVpcsResponse([.. root.Child("vpcSet").Items().Select(ReadVpc)], root.ChildText("nextToken"));
    }

    /// <summary>Describes subnets, one page.</summary>
    public async Task<DescribeSubnetsResponse> DescribeSubnetsAsync(DescribeSubnetsRequest request, CancellationToken cancellationToken = default)
    {
        var parameters = Paged(Filtered(request.Filters).AddList("SubnetId", request.SubnetIds), request.NextToken, request.MaxResults);
        var root = await _query.InvokeAsync("DescribeSubnets", parameters, cancellationToken).ConfigureAwait(false);
        return new DescribeSubnetsResponse([.. root.Child("subnetSet").Items().Select(ReadSubnet)], root.ChildText("nextToken"));
    }

    /// <summary>Describes security groups, one page.</summary>
    public async Task<DescribeSecurityGroupsResponse> DescribeSecurityGroupsAsync(DescribeSecurityGroupsRequest request, CancellationToken cancellationToken = default)
    {
        var parameters = Paged(
            Filtered(request.Filters).AddList("GroupId", request.GroupIds).AddList("GroupName", request.GroupNames),
            request.NextToken, request.MaxResults);
        var root = await _query.InvokeAsync("DescribeSecurityGroups", parameters, cancellationToken).ConfigureAwait(false);
        return new DescribeSecurityGroupsResponse([.. root.Child("securityGroupInfo").Items().Select(ReadSecurityGroup)], root.ChildText("nextToken"));
    }

    /// <summary>The region's default VPC, or null when the account has none.</summary>
    public async Task<Vpc?> FindDefaultVpcAsync(CancellationToken cancellationToken = default) =>
        (await DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Ec2Filter("isDefault", "true")] }, cancellationToken).ConfigureAwait(false))
            .Vpcs.FirstOrDefault();

    /// <summary>Every subnet of a VPC, all pages.</summary>
    public IAsyncEnumerable<Subnet> DescribeAllSubnetsAsync(string vpcId, CancellationToken cancellationToken = default) =>
        AwsPaging.EnumerateAsync(
            (token, ct) => DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Ec2Filter("vpc-id", vpcId)], NextToken = token }, ct),
            page => page.Subnets, page => page.NextToken, cancellationToken);

    /// <summary>The security group named <c>default</c> of a VPC, or null.</summary>
    public async Task<SecurityGroup?> FindDefaultSecurityGroupAsync(string vpcId, CancellationToken cancellationToken = default) =>
        (await DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Ec2Filter("vpc-id", vpcId), new Ec2Filter("group-name", "default")],
        }, cancellationToken).ConfigureAwait(false)).SecurityGroups.FirstOrDefault();

    /// <summary>
    /// Creates a security group in a VPC, tagged at creation (<c>TagSpecification.1.ResourceType=security-group</c>);
    /// answers its id. A new group lets nothing in and everything out.
    /// </summary>
    public async Task<string> CreateSecurityGroupAsync(CreateSecurityGroupRequest request, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters()
            .Add("GroupName", request.GroupName)
            .Add("GroupDescription", request.Description)
            .Add("VpcId", request.VpcId);
        if (request.Tags is { Count: > 0 } tags)
            parameters.Add("TagSpecification.1.ResourceType", "security-group")
                .AddNumbered("TagSpecification.1.Tag", tags, (p, prefix, tag) => p.Add($"{prefix}.Key", tag.Key).Add($"{prefix}.Value", tag.Value));
        var root = await _query.InvokeAsync("CreateSecurityGroup", parameters, cancellationToken).ConfigureAwait(false);
        return root.ChildText("groupId") ?? throw new InvalidOperationException("CreateSecurityGroup answered no groupId.");
    }

    /// <summary>Adds inbound rules to a security group (<c>IpPermissions.N</c>: TCP ports from CIDR ranges or from groups).</summary>
    public Task AuthorizeSecurityGroupIngressAsync(string groupId, IReadOnlyList<IpPermission> permissions, CancellationToken cancellationToken = default) =>
        _query.InvokeAsync("AuthorizeSecurityGroupIngress", new QueryParameters().Add("GroupId", groupId)
            .AddNumbered("IpPermissions", permissions, (p, prefix, permission) => p
                .Add($"{prefix}.IpProtocol", permission.IpProtocol)
                .Add($"{prefix}.FromPort", permission.FromPort)
                .Add($"{prefix}.ToPort", permission.ToPort)
                .AddNumbered($"{prefix}.IpRanges", permission.CidrIps, (q, range, cidr) => q.Add($"{range}.CidrIp", cidr))
                .AddNumbered($"{prefix}.Groups", permission.SourceGroupIds, (q, pair, group) => q.Add($"{pair}.GroupId", group))),
            cancellationToken);

    /// <summary>Deletes a security group by id.</summary>
    public Task DeleteSecurityGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        _query.InvokeAsync("DeleteSecurityGroup", new QueryParameters().Add("GroupId", groupId), cancellationToken);

    /// <summary>The default subnets of the region (<c>default-for-az</c>): one per Availability Zone of the default VPC.</summary>
    public IAsyncEnumerable<Subnet> DescribeAllDefaultSubnetsAsync(CancellationToken cancellationToken = default) =>
        AwsPaging.EnumerateAsync(
            (token, ct) => DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Ec2Filter("default-for-az", "true")], NextToken = token }, ct),
            page => page.Subnets, page => page.NextToken, cancellationToken);

    private static QueryParameters Filtered(IReadOnlyList<Ec2Filter>? filters) =>
        new QueryParameters().AddNumbered("Filter", filters, (parameters, prefix, filter) =>
            parameters.Add($"{prefix}.Name", filter.Name).AddList($"{prefix}.Value", filter.Values));

    private static QueryParameters Paged(QueryParameters parameters, string? nextToken, int? maxResults) =>
        parameters.Add("NextToken", nextToken).Add("MaxResults", maxResults);

    private static IReadOnlyList<Ec2Tag> ReadTags(XElement element) =>
        [.. element.Child("tagSet").Items().Select(t => new Ec2Tag(t.ChildText("key") ?? "", t.ChildText("value")))];

    private static Vpc ReadVpc(XElement vpc) => new()
    {
        VpcId = vpc.ChildText("vpcId"),
        CidrBlock = vpc.ChildText("cidrBlock"),
        State = vpc.ChildText("state"),
        IsDefault = vpc.ChildBool("isDefault"),
        OwnerId = vpc.ChildText("ownerId"),
        Tags = ReadTags(vpc),
    };

    private static Subnet ReadSubnet(XElement subnet) => new()
    {
        SubnetId = subnet.ChildText("subnetId"),
        VpcId = subnet.ChildText("vpcId"),
        CidrBlock = subnet.ChildText("cidrBlock"),
        AvailabilityZone = subnet.ChildText("availabilityZone"),
        AvailabilityZoneId = subnet.ChildText("availabilityZoneId"),
        State = subnet.ChildText("state"),
        DefaultForAz = subnet.ChildBool("defaultForAz"),
        MapPublicIpOnLaunch = subnet.ChildBool("mapPublicIpOnLaunch"),
        AvailableIpAddressCount = subnet.ChildInt("availableIpAddressCount"),
        Tags = ReadTags(subnet),
    };

    private static SecurityGroup ReadSecurityGroup(XElement group) => new()
    {
        GroupId = group.ChildText("groupId"),
        GroupName = group.ChildText("groupName"),
        Description = group.ChildText("groupDescription"),
        VpcId = group.ChildText("vpcId"),
        OwnerId = group.ChildText("ownerId"),
        Tags = ReadTags(group),
    };

    public void Dispose() => _query.Dispose();
}
