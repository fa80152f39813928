namespace EcsWorkshop.Simulator.Ec2.Domain;

/// <summary>Describing VPCs, subnets, Availability Zones and security groups of one region, with EC2's filters.</summary>
public static class Ec2Queries
{
    private static readonly HashSet<string> VpcFilters = ["vpc-id", "isDefault", "is-default", "state", "cidr", "cidr-block-association.cidr-block", "dhcp-options-id"];
    private static readonly HashSet<string> SubnetFilters =
        ["subnet-id", "vpc-id", "availability-zone", "availability-zone-id", "availabilityZone", "default-for-az", "defaultForAz", "state", "cidr-block", "cidrBlock", "cidr", "map-public-ip-on-launch", "subnet-arn"];
    private static readonly HashSet<string> ZoneFilters = ["zone-name", "zone-id", "region-name", "state", "zone-type", "group-name", "opt-in-status"];
    private static readonly HashSet<string> GroupFilters = ["group-id", "group-name", "vpc-id", "description"];

    public static IReadOnlyList<Vpc> Vpcs(Ec2World world, string region, string owner, IReadOnlyList<string>? ids, IReadOnlyList<Ec2Filter>? filters)
    {
        var vpcs = world.VpcsIn(region).ToList();
        foreach (var id in ids ?? [])
            if (vpcs.All(v => v.VpcId != id)) throw Ec2Errors.VpcNotFound.With(id);
        return [.. Ec2Filters.Apply(vpcs.Where(v => ids is not { Count: > 0 } || ids.Contains(v.VpcId)), filters, VpcFilters, owner, (vpc, name) => name switch
        {
            "vpc-id" => [vpc.VpcId],
            "isDefault" or "is-default" => [Ec2Filters.Text(vpc.IsDefault)],
            "state" => ["available"],
            "cidr" or "cidr-block-association.cidr-block" => [vpc.CidrBlock],
            "dhcp-options-id" => [vpc.DhcpOptionsId],
            _ => [],
        })];
    }

    public static IReadOnlyList<Subnet> Subnets(Ec2World world, string region, string owner, IReadOnlyList<string>? ids, IReadOnlyList<Ec2Filter>? filters)
    {
        var subnets = world.SubnetsIn(region).ToList();
        foreach (var id in ids ?? [])
            if (subnets.All(s => s.SubnetId != id)) throw Ec2Errors.SubnetNotFound.With(id);
        return [.. Ec2Filters.Apply(subnets.Where(s => ids is not { Count: > 0 } || ids.Contains(s.SubnetId)), filters, SubnetFilters, owner, (subnet, name) => name switch
        {
            "subnet-id" => [subnet.SubnetId],
            "vpc-id" => [subnet.VpcId],
            "availability-zone" or "availabilityZone" => [subnet.AvailabilityZone],
            "availability-zone-id" => [subnet.AvailabilityZoneId],
            "default-for-az" or "defaultForAz" => [Ec2Filters.Text(subnet.DefaultForAz)],
            "map-public-ip-on-launch" => [Ec2Filters.Text(subnet.MapPublicIpOnLaunch)],
            "state" => ["available"],
            "cidr-block" or "cidrBlock" or "cidr" => [subnet.CidrBlock],
            "subnet-arn" => [Ec2Arns.Subnet(subnet, owner)],
            _ => [],
        }).OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).ThenBy(s => s.SubnetId, StringComparer.Ordinal)];
    }

    public static IReadOnlyList<AvailabilityZone> Zones(string region, string owner, IReadOnlyList<string>? names, IReadOnlyList<string>? ids, IReadOnlyList<Ec2Filter>? filters)
    {
        var zones = DefaultVpc.ZonesOf(region);
        foreach (var name in names ?? [])
            if (zones.All(z => z.ZoneName != name)) throw Ec2Errors.ZoneNotFound.With(name);
        foreach (var id in ids ?? [])
            if (zones.All(z => z.ZoneId != id)) throw Ec2Errors.ZoneNotFound.With(id);
        var chosen = zones.Where(z => (names is not { Count: > 0 } || names.Contains(z.ZoneName)) && (ids is not { Count: > 0 } || ids.Contains(z.ZoneId)));
        return [.. Ec2Filters.Apply(chosen, filters, ZoneFilters, owner, (zone, name) => name switch
        {
            "zone-name" => [zone.ZoneName],
            "zone-id" => [zone.ZoneId],
            "region-name" or "group-name" => [zone.Region],
            "state" => ["available"],
            "zone-type" => ["availability-zone"],
            "opt-in-status" => ["opt-in-not-required"],
            _ => [],
        })];
    }

    public static IReadOnlyList<SecurityGroup> SecurityGroups(Ec2World world, string region, string owner, IReadOnlyList<string>? ids, IReadOnlyList<string>? names, IReadOnlyList<Ec2Filter>? filters)
    {
        var groups = world.SecurityGroupsIn(region).ToList();
        foreach (var id in ids ?? [])
            if (groups.All(g => g.GroupId != id)) throw Ec2Errors.GroupNotFound.With(id);
        var defaultVpc = world.DefaultVpc(region);
        foreach (var name in names ?? [])
            if (!groups.Any(g => g.GroupName == name && g.VpcId == defaultVpc?.VpcId))
                throw Ec2Errors.GroupNameNotFoundInDefaultVpc.With(name, defaultVpc?.VpcId);
        var chosen = groups
            .Where(g => ids is not { Count: > 0 } || ids.Contains(g.GroupId))
            .Where(g => names is not { Count: > 0 } || (names.Contains(g.GroupName) && g.VpcId == defaultVpc?.VpcId));
        return [.. Ec2Filters.Apply(chosen, filters, GroupFilters, owner, (group, name) => name switch
        {
            "group-id" => [group.GroupId],
            "group-name" => [group.GroupName],
            "vpc-id" => [group.VpcId],
            "description" => [group.Description],
            _ => [],
        })];
    }

    /// <summary>A security group by id or (in the default VPC) by name, as the group-changing actions take it.</summary>
    public static SecurityGroup RequireGroup(Ec2World world, string region, string? groupId, string? groupName)
    {
        if (groupId is not null)
            return world.SecurityGroup(region, groupId) ?? throw Ec2Errors.GroupNotFound.With(groupId);
        if (groupName is null) throw Ec2Errors.MissingParameter.With("GroupId");
        var vpc = world.DefaultVpc(region);
        return world.SecurityGroupsIn(region).FirstOrDefault(g => g.GroupName == groupName && g.VpcId == vpc?.VpcId)
            ?? throw Ec2Errors.GroupNameNotFoundInDefaultVpc.With(groupName, vpc?.VpcId);
    }
}

/// <summary>ARNs of EC2 resources.</summary>
public static class Ec2Arns
{
    public static string Subnet(Subnet subnet, string account) => $"arn:aws:ec2:{subnet.Region}:{account}:subnet/{subnet.SubnetId}";

    public static string SecurityGroup(SecurityGroup group, string account) => $"arn:aws:ec2:{group.Region}:{account}:security-group/{group.GroupId}";
}
