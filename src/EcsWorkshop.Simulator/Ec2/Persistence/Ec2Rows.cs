using EcsWorkshop.Simulator.Ec2.Domain;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Ec2.Persistence;

/// <summary>
/// The storage adapter of EC2: the rows of the default VPCs, their subnets and security groups (keyed by region and
/// id). A new kind of record gets a <see cref="RowKind{T}"/> here, in <see cref="Kinds"/> and in <see cref="Load"/>.
/// </summary>
public static class Ec2Rows
{
    public static RowKind<Vpc> Vpcs { get; } = new("ec2/vpc", v => Ec2World.Key(v.Region, v.VpcId));
    public static RowKind<Subnet> Subnets { get; } = new("ec2/subnet", s => Ec2World.Key(s.Region, s.SubnetId));
    public static RowKind<SecurityGroup> SecurityGroups { get; } = new("ec2/security-group", g => Ec2World.Key(g.Region, g.GroupId));

    /// <summary>Every kind of EC2 row.</summary>
    public static RowKinds Kinds { get; } = new(Vpcs, Subnets, SecurityGroups);

    /// <summary>Reads the EC2 world back from the store.</summary>
    public static Ec2World Load(StateStore store) => new(
        Vpcs.LoadAll(store, Ec2World.Empty.Vpcs),
        Subnets.LoadAll(store, Ec2World.Empty.Subnets),
        SecurityGroups.LoadAll(store, Ec2World.Empty.SecurityGroups));
}
