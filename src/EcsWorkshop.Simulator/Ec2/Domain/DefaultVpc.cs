using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace EcsWorkshop.Simulator.Ec2.Domain;

/// <summary>
/// The default VPC every region of the simulated account has, as AWS creates it: <c>172.31.0.0/16</c>, one default
/// subnet (<c>/20</c>, public addresses on launch) per Availability Zone, and a security group named <c>default</c>
/// that lets its own members in and everything out. Its ids are derived from the region, so they are the same
/// every run. The original hands-on's <c>subnet-abcd1234</c> and <c>sg-abcd1234</c> are pre-created in it.
/// </summary>
public static class DefaultVpc
{
    /// <summary>
    /// The seed's subnet: a non-default subnet in the region's first Availability Zone, <c>172.31.128.0/18</c> (room
    /// for 16,379 tasks, clear of the default subnets), where the hands-on and most tests place their tasks.
    /// </summary>
    public const string SeedSubnetId = "subnet-abcd1234";

    /// <summary>The seed's security group.</summary>
    public const string SeedSecurityGroupId = "sg-abcd1234";

    public const string CidrBlock = "172.31.0.0/16";

    /// <summary>The seed subnet's range.</summary>
    public const string SeedSubnetCidr = "172.31.128.0/18";

    /// <summary>Availability Zones open to a new account in the regions learners use most; other regions get a, b and c.</summary>
    private static readonly ImmutableDictionary<string, string> ZoneLetters = new Dictionary<string, string>
    {
        ["us-east-1"] = "abcdef",
        ["us-east-2"] = "abc",
        ["us-west-1"] = "ac",
        ["us-west-2"] = "abcd",
        ["ap-northeast-1"] = "acd",
        ["ap-northeast-3"] = "abc",
        ["eu-west-1"] = "abc",
        ["eu-central-1"] = "abc",
    }.ToImmutableDictionary();

    /// <summary>The Availability Zones of a region.</summary>
    public static IReadOnlyList<AvailabilityZone> ZonesOf(string region) =>
    [
        .. ZoneLetters.GetValueOrDefault(region, "abc").Select((letter, i) =>
            new AvailabilityZone(region + letter, $"{RegionCode(region)}-az{i + 1}", region)),
    ];

    /// <summary>Creates the default VPC of a region when it does not exist yet (idempotent).</summary>
    public static void Ensure(Ec2Transaction transaction, string region)
    {
        if (transaction.World.DefaultVpc(region) is not null) return;
        var vpc = new Vpc(Id("vpc", region, "vpc"), region, CidrBlock, true, Id("dopt", region, "dhcp"), Id("vpc-cidr-assoc", region, "cidr"));
        transaction.Put(vpc);
        var zones = ZonesOf(region);
        for (var i = 0; i < zones.Count; i++)
            transaction.Put(new Subnet(Id("subnet", region, zones[i].ZoneName), region, vpc.VpcId, zones[i].ZoneName, zones[i].ZoneId,
                $"172.31.{i * 16}.0/20", DefaultForAz: true, MapPublicIpOnLaunch: true));
        transaction.Put(new Subnet(SeedSubnetId, region, vpc.VpcId, zones[0].ZoneName, zones[0].ZoneId, SeedSubnetCidr, DefaultForAz: false, MapPublicIpOnLaunch: true));

        var defaultGroupId = Id("sg", region, "default");
        transaction.Put(new SecurityGroup(defaultGroupId, region, "default", "default VPC security group", vpc.VpcId,
        [
            new SecurityGroupRule(Id("sgr", region, "default-in"), false, "-1", null, null, null, defaultGroupId),
            new SecurityGroupRule(Id("sgr", region, "default-out"), true, "-1", null, null, "0.0.0.0/0", null),
        ]));
        transaction.Put(new SecurityGroup(SeedSecurityGroupId, region, "ecs-workshop-sample",
            "The original hands-on's security group (pre-created by the simulator)", vpc.VpcId,
        [
            new SecurityGroupRule(Id("sgr", region, "sample-in"), false, "tcp", 80, 80, "0.0.0.0/0", null),
            new SecurityGroupRule(Id("sgr", region, "sample-out"), true, "-1", null, null, "0.0.0.0/0", null),
        ]));
    }

    /// <summary><c>apne1</c> for <c>ap-northeast-1</c>, <c>use1</c> for <c>us-east-1</c> (the prefix of zone ids).</summary>
    public static string RegionCode(string region)
    {
        var parts = region.Split('-');
        if (parts.Length < 3) return region;
        var compass = parts[1] switch
        {
            "northeast" => "ne",
            "southeast" => "se",
            "northwest" => "nw",
            "southwest" => "sw",
            var word => word[..1],
        };
        return parts[0] + compass + parts[2];
    }

    /// <summary>An id of the shape EC2 uses (<c>prefix-</c> and 17 hex digits), fixed for a region and a purpose.</summary>
    private static string Id(string prefix, string region, string purpose) =>
        prefix + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{region}|{purpose}")))[..17];
}
