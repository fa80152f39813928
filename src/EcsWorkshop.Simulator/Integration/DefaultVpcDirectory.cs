using EcsWorkshop.Simulator.Ec2.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Elbv2.Domain;

namespace EcsWorkshop.Simulator.Integration;

/// <summary>
/// ELBv2's and ECS's view of the networking: the simulated EC2's subnets, security groups and VPCs (each region's
/// default VPC made on first use). A subnet or security group EC2 does not hold does not exist for either.
/// </summary>
public sealed class DefaultVpcDirectory(Ec2Engine ec2) : IVpcDirectory, ITaskNetworks
{
    public VpcSubnet? Subnet(string region, string subnetId) =>
        ec2.WorldWithDefaultsOf(region).Subnet(region, subnetId) is { } subnet
            ? new VpcSubnet(subnet.SubnetId, subnet.VpcId, subnet.AvailabilityZone, subnet.CidrBlock)
            : null;

    TaskSubnet? ITaskNetworks.Subnet(string region, string subnetId) =>
        ec2.WorldWithDefaultsOf(region).Subnet(region, subnetId) is { } subnet
            ? new TaskSubnet(subnet.SubnetId, subnet.AvailabilityZone, subnet.CidrBlock)
            : null;

    public bool SecurityGroupExists(string region, string groupId) => ec2.WorldWithDefaultsOf(region).SecurityGroup(region, groupId) is not null;

    public string? DefaultSecurityGroup(string region, string vpcId) =>
        ec2.WorldWithDefaultsOf(region).SecurityGroupsIn(region).FirstOrDefault(g => g.VpcId == vpcId && g.IsDefault)?.GroupId;

    public string? VpcCidr(string region, string vpcId) =>
        ec2.WorldWithDefaultsOf(region).VpcsIn(region).FirstOrDefault(v => v.VpcId == vpcId)?.CidrBlock;
}
