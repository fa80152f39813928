using System.Collections.Immutable;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Ec2.Domain;

/// <summary>Everything EC2 holds, keyed <c>region/id</c>: VPCs, subnets and security groups.</summary>
public sealed record Ec2World(
    ImmutableSortedDictionary<string, Vpc> Vpcs,
    ImmutableSortedDictionary<string, Subnet> Subnets,
    ImmutableSortedDictionary<string, SecurityGroup> SecurityGroups)
{
    public static Ec2World Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, Vpc>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Subnet>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, SecurityGroup>(StringComparer.Ordinal));

    /// <summary>The key of a resource of a region.</summary>
    public static string Key(string region, string id) => $"{region}/{id}";

    public IEnumerable<Vpc> VpcsIn(string region) => Vpcs.Values.Where(v => v.Region == region);

    public IEnumerable<Subnet> SubnetsIn(string region) => Subnets.Values.Where(s => s.Region == region);

    public IEnumerable<SecurityGroup> SecurityGroupsIn(string region) => SecurityGroups.Values.Where(g => g.Region == region);

    public Vpc? DefaultVpc(string region) => VpcsIn(region).FirstOrDefault(v => v.IsDefault);

    public Subnet? Subnet(string region, string id) => Subnets.GetValueOrDefault(Key(region, id));

    public SecurityGroup? SecurityGroup(string region, string id) => SecurityGroups.GetValueOrDefault(Key(region, id));
}

/// <summary>One change to the EC2 world.</summary>
public sealed class Ec2Transaction(Ec2World world, Func<string> newHexId) : IWorldTransaction<Ec2World>
{
    private readonly List<RecordChange> _changes = [];

    public Ec2World World { get; private set; } = world;

    public IReadOnlyList<RecordChange> Changes => _changes;

    /// <summary>A new resource id's 17 hex digits (<c>sg-</c>, <c>sgr-</c> are prepended by the caller).</summary>
    public string NewHexId() => newHexId();

    public void Put(Vpc vpc)
    {
        World = World with { Vpcs = World.Vpcs.SetItem(Ec2World.Key(vpc.Region, vpc.VpcId), vpc) };
        _changes.Add(RecordChange.Write(vpc));
    }

    public void Put(Subnet subnet)
    {
        World = World with { Subnets = World.Subnets.SetItem(Ec2World.Key(subnet.Region, subnet.SubnetId), subnet) };
        _changes.Add(RecordChange.Write(subnet));
    }

    public void Put(SecurityGroup group)
    {
        World = World with { SecurityGroups = World.SecurityGroups.SetItem(Ec2World.Key(group.Region, group.GroupId), group) };
        _changes.Add(RecordChange.Write(group));
    }

    public void Remove(SecurityGroup group)
    {
        World = World with { SecurityGroups = World.SecurityGroups.Remove(Ec2World.Key(group.Region, group.GroupId)) };
        _changes.Add(RecordChange.Remove<SecurityGroup>(Ec2World.Key(group.Region, group.GroupId)));
    }
}
