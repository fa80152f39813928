using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>What CreateLoadBalancer is asked for.</summary>
public sealed record CreateLoadBalancerInput(
    string? Name,
    IReadOnlyList<string>? Subnets,
    IReadOnlyList<string>? SubnetMappings,
    IReadOnlyList<string>? SecurityGroups,
    string? Scheme,
    string? Type,
    string? IpAddressType,
    IReadOnlyList<KeyValuePair<string, string>>? Tags);

/// <summary>Creating, finding and deleting Application Load Balancers.</summary>
public static class LoadBalancerCommands
{
    /// <summary>
    /// Creates an ALB in subnets of at least two Availability Zones (one subnet per zone) of one VPC. The same name
    /// with the same settings answers the existing load balancer (CreateLoadBalancer is idempotent); with different
    /// settings it is DuplicateLoadBalancerName.
    /// </summary>
    public static LoadBalancer Create(Elbv2Transaction transaction, Elbv2Arns arns, CreateLoadBalancerInput input)
    {
        var name = Elbv2Names.RequireLoadBalancerName(input.Name);
        var type = input.Type ?? "application";
        if (type is not ("application" or "network" or "gateway"))
            throw Elbv2Errors.Constraint.With(type, "type", "Member must satisfy enum value set: [application, network, gateway]");
        if (type != "application") throw Elbv2Errors.OnlyApplicationLoadBalancers.With(type);
        var scheme = input.Scheme ?? "internet-facing";
        if (scheme is not ("internet-facing" or "internal"))
            throw Elbv2Errors.Constraint.With(scheme, "scheme", "Member must satisfy enum value set: [internet-facing, internal]");
        var addressType = input.IpAddressType ?? "ipv4";
        if (addressType is not ("ipv4" or "dualstack" or "dualstack-without-public-ipv4"))
            throw Elbv2Errors.Constraint.With(addressType, "ipAddressType", "Member must satisfy enum value set: [ipv4, dualstack, dualstack-without-public-ipv4]");
        if (input.Subnets is { Count: > 0 } && input.SubnetMappings is { Count: > 0 }) throw Elbv2Errors.SubnetsAndMappings.With();

        var zones = Zones(transaction.Context.Vpcs, arns.Region, input.Subnets is { Count: > 0 } ? input.Subnets : input.SubnetMappings ?? []);
        var vpcId = zones[0].VpcId;
        var groups = input.SecurityGroups is { Count: > 0 } given
            ? [.. given.Distinct()]
            : transaction.Context.Vpcs.DefaultSecurityGroup(arns.Region, vpcId) is { } fallback ? ImmutableArray.Create(fallback) : ImmutableArray<string>.Empty;
        foreach (var group in groups)
            if (!transaction.Context.Vpcs.SecurityGroupExists(arns.Region, group)) throw Elbv2Errors.SecurityGroupNotFound.With(group);
        var zoneList = zones.Select(z => new LoadBalancerZone(z.SubnetId, z.ZoneName)).OrderBy(z => z.ZoneName, StringComparer.Ordinal).ToImmutableArray();

        var existing = transaction.World.LoadBalancers.Values.FirstOrDefault(lb => lb.Region == arns.Region && lb.Name == name);
        if (existing is not null)
        {
            var same = existing.Scheme == scheme && existing.IpAddressType == addressType &&
                       existing.Zones.SequenceEqual(zoneList) && existing.SecurityGroups.Order().SequenceEqual(groups.Order());
            return same ? existing : throw Elbv2Errors.DuplicateLoadBalancerName.With(name);
        }

        if (transaction.Context.Settings.Quotas.LoadBalancers is { } maxLoadBalancers && transaction.World.LoadBalancers.Count >= maxLoadBalancers)
            throw Elbv2Errors.TooManyLoadBalancers.With();

        var ids = transaction.Context.Ids;
        var loadBalancer = new LoadBalancer(
            arns.LoadBalancer(name, ids.Hex(8)),
            name,
            arns.Region,
            arns.DnsName(name, scheme, ids.Next(100_000_000, int.MaxValue)),
            arns.CanonicalHostedZoneId,
            scheme,
            vpcId,
            zoneList,
            groups,
            addressType,
            transaction.Now,
            transaction.Now + transaction.Context.Settings.Scaled(transaction.Context.Timings.Provisioning),
            TagCommands.Validated(input.Tags, "")) ;
        transaction.Put(loadBalancer);
        return loadBalancer;
    }

    /// <summary>Deletes a load balancer with its listeners; one that does not exist is a success (as AWS answers).</summary>
    public static void Delete(Elbv2Transaction transaction, string? arn)
    {
        var loadBalancerArn = RequireArn(arn);
        if (!transaction.World.LoadBalancers.TryGetValue(loadBalancerArn, out var loadBalancer)) return;
        foreach (var listener in transaction.World.ListenersOf(loadBalancer.Arn).ToList()) transaction.Remove(listener);
        transaction.Remove(loadBalancer);
    }

    public static LoadBalancer Require(Elbv2World world, string? arn) =>
        world.LoadBalancers.GetValueOrDefault(RequireArn(arn)) ?? throw Elbv2Errors.LoadBalancerNotFound.With();

    public static string RequireArn(string? arn)
    {
        if (arn is null) throw Elbv2Errors.MemberNull.With("loadBalancerArn");
        return Elbv2Arns.IsArnOf(arn, "loadbalancer/app") ? arn : throw Elbv2Errors.InvalidLoadBalancerArn.With(arn);
    }

    /// <summary>The subnets, each existing, all of one VPC, one per zone, in at least two zones.</summary>
    private static IReadOnlyList<VpcSubnet> Zones(IVpcDirectory vpcs, string region, IReadOnlyList<string> subnetIds)
    {
        var subnets = subnetIds.Distinct().Select(id => vpcs.Subnet(region, id) ?? throw Elbv2Errors.SubnetNotFound.With(id)).ToList();
        if (subnets.Select(s => s.VpcId).Distinct().Count() > 1) throw Elbv2Errors.SubnetsInDifferentVpcs.With();
        if (subnets.GroupBy(s => s.ZoneName).Any(g => g.Count() > 1)) throw Elbv2Errors.OneSubnetPerZone.With();
        if (subnets.Count < 2) throw Elbv2Errors.TwoZonesRequired.With();
        return subnets;
    }
}
