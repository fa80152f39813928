using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Ec2;

/// <summary>The simulated default VPC, as AWS's CLI tutorials look it up with <c>aws ec2</c>.</summary>
public sealed class DefaultVpcTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private AwsCli Cli => simulator.Cli;

    [Fact]
    public async Task The_region_has_one_default_vpc_with_a_default_subnet_per_availability_zone()
    {
        var vpc = (await Cli.RunAsync("ec2", "describe-vpcs", "--filters", "Name=isDefault,Values=true")).Succeeded().Json.GetProperty("Vpcs");
        var zones = (await Cli.RunAsync("ec2", "describe-availability-zones")).Succeeded().Json.GetProperty("AvailabilityZones")
            .EnumerateArray().Select(z => z.GetProperty("ZoneName").GetString()).ToList();
        var subnets = (await Cli.RunAsync("ec2", "describe-subnets", "--filters", "Name=default-for-az,Values=true")).Succeeded().Json.GetProperty("Subnets")
            .EnumerateArray().ToList();

        Assert.Equal(1, vpc.GetArrayLength());
        Assert.Equal("172.31.0.0/16", vpc[0].GetProperty("CidrBlock").GetString());
        Assert.Equal(["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"], zones);
        Assert.Equal(zones, subnets.Select(s => s.GetProperty("AvailabilityZone").GetString()));
        Assert.All(subnets, s => Assert.Equal(vpc[0].GetProperty("VpcId").GetString(), s.GetProperty("VpcId").GetString()));
        Assert.All(subnets, s => Assert.True(s.GetProperty("MapPublicIpOnLaunch").GetBoolean()));
    }

    [Fact]
    public async Task The_seeds_subnet_and_security_group_exist_in_the_default_vpc()
    {
        var vpc = await Elbv2.Elbv2Cli.DefaultVpcAsync(Cli);

        var subnet = (await Cli.RunAsync("ec2", "describe-subnets", "--subnet-ids", "subnet-abcd1234")).Succeeded().Json.GetProperty("Subnets")[0];
        var group = (await Cli.RunAsync("ec2", "describe-security-groups", "--group-ids", "sg-abcd1234")).Succeeded().Json.GetProperty("SecurityGroups")[0];

        Assert.Equal(vpc, subnet.GetProperty("VpcId").GetString());
        Assert.Equal(vpc, group.GetProperty("VpcId").GetString());
    }

    [Fact]
    public async Task The_default_security_group_lets_its_members_in_and_everything_out()
    {
        var group = (await Cli.RunAsync("ec2", "describe-security-groups", "--group-names", "default")).Succeeded().Json.GetProperty("SecurityGroups")[0];

        var inbound = group.GetProperty("IpPermissions")[0];
        Assert.Equal(("-1", group.GetProperty("GroupId").GetString()), (inbound.GetProperty("IpProtocol").GetString(), inbound.GetProperty("UserIdGroupPairs")[0].GetProperty("GroupId").GetString()));
        Assert.Equal("0.0.0.0/0", group.GetProperty("IpPermissionsEgress")[0].GetProperty("IpRanges")[0].GetProperty("CidrIp").GetString());
    }

    [Fact]
    public async Task An_unknown_subnet_is_InvalidSubnetID_NotFound_in_ec2s_error_shape()
    {
        var error = await Cli.FailsAsync("InvalidSubnetID.NotFound", "ec2", "describe-subnets", "--subnet-ids", "subnet-0000000000000000f");

        Assert.Contains("The subnet ID 'subnet-0000000000000000f' does not exist", error);
    }

    [Fact]
    public async Task An_unknown_filter_is_refused()
    {
        var error = await Cli.FailsAsync("InvalidParameterValue", "ec2", "describe-vpcs", "--filters", "Name=colour,Values=blue");

        Assert.Contains("The filter 'colour' is invalid", error);
    }
}
