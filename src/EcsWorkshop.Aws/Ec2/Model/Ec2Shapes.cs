namespace EcsWorkshop.Aws.Ec2.Model;

// EC2 shapes (EC2's query protocol), named as in the EC2 API model.

/// <summary>A filter: a name such as <c>vpc-id</c>, <c>isDefault</c> or <c>group-name</c> and the values it matches.</summary>
public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    public Ec2Filter(string name, string value) : this(name, [value]) { }
}

/// <summary>An EC2 tag.</summary>
public sealed record Ec2Tag(string Key, string? Value);

/// <summary>A VPC.</summary>
public sealed record Vpc
{
    public string? VpcId { get; init; }
    public string? CidrBlock { get; init; }
    public string? State { get; init; }
    public bool? IsDefault { get; init; }
    public string? OwnerId { get; init; }
    public IReadOnlyList<Ec2Tag>? Tags { get; init; }
}

/// <summary>A subnet of a VPC, in one availability zone.</summary>
public sealed record Subnet
{
    public string? SubnetId { get; init; }
    public string? VpcId { get; init; }
    public string? CidrBlock { get; init; }
    public string? AvailabilityZone { get; init; }
    public string? AvailabilityZoneId { get; init; }
    public string? State { get; init; }
    public bool? DefaultForAz { get; init; }
    /// <summary>Whether instances (and tasks with assignPublicIp) get a public IP by default.</summary>
    public bool? MapPublicIpOnLaunch { get; init; }
    public int? AvailableIpAddressCount { get; init; }
    public IReadOnlyList<Ec2Tag>? Tags { get; init; }
}

/// <summary>A security group.</summary>
public sealed record SecurityGroup
{
    public string? GroupId { get; init; }
    public string? GroupName { get; init; }
    public string? Description { get; init; }
    public string? VpcId { get; init; }
    public string? OwnerId { get; init; }
    public IReadOnlyList<Ec2Tag>? Tags { get; init; }
}

public sealed record DescribeVpcsRequest
{
    public IReadOnlyList<Ec2Filter>? Filters { get; init; }
    public IReadOnlyList<string>? VpcIds { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record DescribeVpcsResponse(IReadOnlyList<Vpc> Vpcs, string? NextToken);

public sealed record DescribeSubnetsRequest
{
    public IReadOnlyList<Ec2Filter>? Filters { get; init; }
    public IReadOnlyList<string>? SubnetIds { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record DescribeSubnetsResponse(IReadOnlyList<Subnet> Subnets, string? NextToken);

public sealed record DescribeSecurityGroupsRequest
{
    public IReadOnlyList<Ec2Filter>? Filters { get; init; }
    public IReadOnlyList<string>? GroupIds { get; init; }
    /// <summary>Names, default VPC only; use a <c>group-name</c> filter for another VPC.</summary>
    public IReadOnlyList<string>? GroupNames { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record DescribeSecurityGroupsResponse(IReadOnlyList<SecurityGroup> SecurityGroups, string? NextToken);

/// <summary>What CreateSecurityGroup is asked for.</summary>
public sealed record CreateSecurityGroupRequest
{
    public required string GroupName { get; init; }
    public required string Description { get; init; }
    public string? VpcId { get; init; }
    public IReadOnlyList<Ec2Tag>? Tags { get; init; }
}

/// <summary>An inbound rule: a protocol (<c>tcp</c>), a port range, and where from (CIDR ranges and/or security groups).</summary>
public sealed record IpPermission(string IpProtocol, int? FromPort, int? ToPort, IReadOnlyList<string>? CidrIps = null, IReadOnlyList<string>? SourceGroupIds = null);
