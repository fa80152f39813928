using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>A subnet as an awsvpc task sees it: the zone its network interface lands in and the range its address comes from.</summary>
public sealed record TaskSubnet(string SubnetId, string AvailabilityZone, string CidrBlock);

/// <summary>
/// The VPC networking ECS asks before it places an awsvpc task (RunTask, CreateService, UpdateService): does a
/// subnet exist (and where is it), does a security group exist. ECS itself knows nothing of VPCs; the simulator
/// plugs its EC2 (each region's default VPC) in behind this port.
/// </summary>
public interface ITaskNetworks
{
    /// <summary>The subnet <paramref name="subnetId"/> of <paramref name="region"/>, or null when it does not exist.</summary>
    TaskSubnet? Subnet(string region, string subnetId);

    /// <summary>Whether the security group <paramref name="groupId"/> exists in <paramref name="region"/>.</summary>
    bool SecurityGroupExists(string region, string groupId);
}

/// <summary>
/// ECS on its own, with no VPC around it: any id of the right shape names a subnet (in <c>10.0.0.0/16</c>, zone
/// <c>REGION</c> + a) or a security group. The simulation replaces it with the simulated EC2's default VPC.
/// </summary>
public sealed partial class ShapeOnlyNetworks : ITaskNetworks
{
    public static ShapeOnlyNetworks Instance { get; } = new();

    [GeneratedRegex("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex SubnetId();

    [GeneratedRegex("^sg-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex SecurityGroupId();

    public TaskSubnet? Subnet(string region, string subnetId) =>
        SubnetId().IsMatch(subnetId) ? new TaskSubnet(subnetId, region + "a", "10.0.0.0/16") : null;

    public bool SecurityGroupExists(string region, string groupId) => SecurityGroupId().IsMatch(groupId);
}
