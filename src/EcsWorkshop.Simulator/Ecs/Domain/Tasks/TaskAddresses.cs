using System.Buffers.Binary;
using System.Net;
using EcsWorkshop.Simulator.Ecs.Domain.Services;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>
/// Where an awsvpc task's network interface goes: one subnet of its <c>awsvpcConfiguration</c> (the one with the
/// fewest running tasks of the same group, so a service spreads over its subnets' zones) and a private IPv4 address
/// inside that subnet's range that no other task holds. The addresses are labels of the simulation only: nothing is
/// ever sent to them (traffic goes to 127.0.0.1).
/// </summary>
public static class TaskAddresses
{
    /// <summary>The subnet chosen for a task, and whether it has no address left for it.</summary>
    public sealed record SubnetChoice(TaskSubnet Subnet, bool IsFull);

    /// <summary>
    /// AWS reserves the first four addresses and the last one of every subnet (network, VPC router, DNS, future use,
    /// broadcast), so a task never gets them.
    /// </summary>
    public const int ReservedAtStart = 4;

    /// <summary>
    /// The subnet a new task of <paramref name="group"/> goes to: of the listed subnets with a free address, the one
    /// with the fewest alive tasks of the group (then the first listed). Subnets the VPC does not know are taken as
    /// written (state from before subnets were checked). When every listed subnet is full, the one the same rule picks
    /// among them all, marked full: as on AWS the task is still created, and stops when its network interface cannot
    /// be (<see cref="StopReasons.SubnetHasNoFreeAddresses"/>).
    /// </summary>
    public static SubnetChoice ChooseSubnet(EcsTransaction transaction, string region, string group, NetworkConfiguration? network)
    {
        if (network is not { Subnets.IsDefaultOrEmpty: false }) throw EcsErrors.AwsvpcNeedsNetworkConfiguration.With();
        var subnets = network.Subnets.Distinct(StringComparer.Ordinal)
            .Select(id => transaction.Networks.Subnet(region, id) ?? new TaskSubnet(id, region + "a", "10.0.0.0/16"))
            .ToList();
        var alive = transaction.World.Tasks.Values.Where(t => t.IsAlive && t.NetworkInterface is not null).ToList();
        var ranked = subnets
            .Select((subnet, order) => (subnet, order, count: alive.Count(t => t.Group == group && t.NetworkInterface!.SubnetId == subnet.SubnetId),
                held: alive.Count(t => t.NetworkInterface!.SubnetId == subnet.SubnetId)))
            .OrderBy(s => s.count).ThenBy(s => s.order)
            .ToList();
        return ranked.Where(s => s.held < Capacity(s.subnet)).Select(s => new SubnetChoice(s.subnet, IsFull: false)).FirstOrDefault()
            ?? new SubnetChoice(ranked[0].subnet, IsFull: true);
    }

    /// <summary>How many tasks a subnet holds: its addresses less the five AWS reserves (a /20: 4,091).</summary>
    public static long Capacity(TaskSubnet subnet) => (1L << (32 - IPNetwork.Parse(subnet.CidrBlock).PrefixLength)) - ReservedAtStart - 1;

    /// <summary>
    /// An address of the subnet's range that no alive task holds: a random start, then the next free one (the subnet
    /// was chosen with room, see <see cref="ChooseSubnet"/>).
    /// </summary>
    public static string FreeAddress(EcsWorld world, TaskSubnet subnet, IdGenerator ids)
    {
        var range = IPNetwork.Parse(subnet.CidrBlock);
        var first = ToNumber(range.BaseAddress) + ReservedAtStart;
        var count = (int)Math.Min(int.MaxValue, (1L << (32 - range.PrefixLength)) - ReservedAtStart - 1);
        if (count <= 0) throw new InvalidOperationException($"The subnet {subnet.SubnetId} ({subnet.CidrBlock}) has no address a task can use.");
        var taken = world.Tasks.Values
            .Where(t => t.IsAlive && t.NetworkInterface is not null)
            .Select(t => t.NetworkInterface!.PrivateIpv4Address)
            .ToHashSet(StringComparer.Ordinal);
        var start = ids.Next(0, count);
        for (var i = 0; i < count; i++)
        {
            var candidate = ToAddress(first + (uint)((start + i) % count));
            if (!taken.Contains(candidate)) return candidate;
        }
        throw new InvalidOperationException($"The subnet {subnet.SubnetId} has no free address, though it was chosen as having one.");
    }

    private static uint ToNumber(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    private static string ToAddress(uint number)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, number);
        return new IPAddress(bytes).ToString();
    }
}
