using EcsWorkshop.Simulator.Ec2.Persistence;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Ec2.Domain;

/// <summary>
/// Owns the simulated EC2 networking: each region's default VPC (made on first use), its subnets and security
/// groups, durable in the state store. <paramref name="securityGroupInUse"/> answers whether another service (a load
/// balancer) still uses a group, so that deleting it is refused as EC2 refuses it.
/// </summary>
public sealed class Ec2Engine(StateStore store, IdGenerator ids, Func<string, string, bool>? securityGroupInUse = null)
{
    private readonly DurableWorld<Ec2World> _world = new(store, Ec2Rows.Kinds, Ec2Rows.Load(store));

    public Ec2World World => _world.Current;

    /// <summary>Whether another service uses a security group (region, group id).</summary>
    public Func<string, string, bool> SecurityGroupInUse { get; set; } = securityGroupInUse ?? ((_, _) => false);

    /// <summary>The world with the region's default VPC in it.</summary>
    public Ec2World WorldWithDefaultsOf(string region)
    {
        if (World.DefaultVpc(region) is null) Mutate(region, _ => 0);
        return World;
    }

    /// <summary>Applies one change to a region (whose default VPC is made first) atomically and durably.</summary>
    public T Mutate<T>(string region, Func<Ec2Transaction, T> change) =>
        _world.Mutate(world => new Ec2Transaction(world, () => ids.Hex(9)[..17]), transaction =>
        {
            DefaultVpc.Ensure(transaction, region);
            return change(transaction);
        });
}
