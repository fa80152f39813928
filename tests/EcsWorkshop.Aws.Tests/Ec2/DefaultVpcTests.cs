using EcsWorkshop.Aws.Ec2.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Ec2;

public sealed class DefaultVpcTests(Backends backends) : BackendTests(backends)
{
    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task The_default_VPC_is_found_by_the_isDefault_filter(string backend)
    {
        var vpc = await On(backend).Ec2.FindDefaultVpcAsync();

        Assert.NotNull(vpc);
        Assert.True(vpc.IsDefault);
        Assert.StartsWith("vpc-", vpc.VpcId);
        Assert.Equal("172.31.0.0/16", vpc.CidrBlock);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task The_default_VPC_has_a_default_subnet_in_each_availability_zone_of_the_region(string backend)
    {
        var vpc = (await On(backend).Ec2.FindDefaultVpcAsync())!;

        var subnets = await On(backend).Ec2.DescribeAllSubnetsAsync(vpc.VpcId!).Where(s => s.DefaultForAz == true).ToListAsync();

        Assert.NotEmpty(subnets);
        Assert.All(subnets, s => Assert.Equal(vpc.VpcId, s.VpcId));
        Assert.All(subnets, s => Assert.StartsWith(Backends.Region, s.AvailabilityZone));
        Assert.Equal(subnets.Count, subnets.Select(s => s.AvailabilityZone).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task The_default_VPC_has_a_security_group_named_default(string backend)
    {
        var vpc = (await On(backend).Ec2.FindDefaultVpcAsync())!;

        var group = await On(backend).Ec2.FindDefaultSecurityGroupAsync(vpc.VpcId!);

        Assert.NotNull(group);
        Assert.Equal(("default", vpc.VpcId), (group.GroupName, group.VpcId));
        Assert.StartsWith("sg-", group.GroupId);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Describing_an_unknown_VPC_is_InvalidVpcID_NotFound(string backend)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            On(backend).Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-0000000000000000f"] }));

        Assert.Equal("InvalidVpcID.NotFound", error.ErrorCode);
        Assert.Equal(("ec2", "DescribeVpcs"), (error.Service, error.Operation));
    }
}
