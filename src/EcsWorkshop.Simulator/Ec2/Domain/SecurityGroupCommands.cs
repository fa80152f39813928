using System.Net;

namespace EcsWorkshop.Simulator.Ec2.Domain;

/// <summary>A permission as AuthorizeSecurityGroupIngress takes it: protocol, ports, and its peers.</summary>
public sealed record PermissionInput(string? IpProtocol, int? FromPort, int? ToPort, IReadOnlyList<string> CidrIpv4, IReadOnlyList<string> GroupIds);

/// <summary>Creating and deleting security groups and opening them to traffic.</summary>
public static class SecurityGroupCommands
{
    public static SecurityGroup Create(Ec2Transaction transaction, string region, string? name, string? description, string? vpcId)
    {
        if (string.IsNullOrEmpty(name)) throw Ec2Errors.MissingParameter.With("GroupName");
        if (string.IsNullOrEmpty(description)) throw Ec2Errors.MissingParameter.With("GroupDescription");
        if (name.StartsWith("sg-", StringComparison.OrdinalIgnoreCase)) throw Ec2Errors.GroupNameFormat.With(name);
        if (name.Length > 255) throw Ec2Errors.GroupNameLength.With(name);
        var vpc = vpcId is null
            ? transaction.World.DefaultVpc(region)!
            : transaction.World.VpcsIn(region).FirstOrDefault(v => v.VpcId == vpcId) ?? throw Ec2Errors.VpcNotFound.With(vpcId);
        if (transaction.World.SecurityGroupsIn(region).Any(g => g.VpcId == vpc.VpcId && g.GroupName == name))
            throw Ec2Errors.GroupDuplicate.With(name, vpc.VpcId);
        var group = new SecurityGroup("sg-" + transaction.NewHexId(), region, name, description, vpc.VpcId,
            [new SecurityGroupRule("sgr-" + transaction.NewHexId(), true, "-1", null, null, "0.0.0.0/0", null)]);
        transaction.Put(group);
        return group;
    }

    /// <summary>Adds inbound rules; a rule the group already has is refused (and nothing is added).</summary>
    public static IReadOnlyList<SecurityGroupRule> AuthorizeIngress(Ec2Transaction transaction, string region, string? groupId, string? groupName, IReadOnlyList<PermissionInput> permissions)
    {
        var group = Ec2Queries.RequireGroup(transaction.World, region, groupId, groupName);
        if (permissions.Count == 0) throw Ec2Errors.PermissionMissing.With();
        var added = new List<SecurityGroupRule>();
        foreach (var permission in permissions)
        {
            var protocol = Protocol(permission.IpProtocol);
            var (from, to) = Ports(protocol, permission.FromPort, permission.ToPort);
            foreach (var cidr in permission.CidrIpv4)
            {
                if (!IPNetwork.TryParse(cidr, out _)) throw Ec2Errors.CidrInvalid.With(cidr);
                added.Add(new SecurityGroupRule("sgr-" + transaction.NewHexId(), false, protocol, from, to, cidr, null));
            }
            foreach (var peer in permission.GroupIds)
            {
                if (transaction.World.SecurityGroup(region, peer) is null) throw Ec2Errors.GroupNotFound.With(peer);
                added.Add(new SecurityGroupRule("sgr-" + transaction.NewHexId(), false, protocol, from, to, null, peer));
            }
        }
        if (added.Count == 0) throw Ec2Errors.PermissionMissing.With();
        foreach (var rule in added)
            if (group.Rules.Any(r => r.SamePermissionAs(rule)) || added.Count(r => r.SamePermissionAs(rule)) > 1)
                throw Ec2Errors.PermissionDuplicate.With(Describe(rule));
        transaction.Put(group with { Rules = group.Rules.AddRange(added) });
        return added;
    }

    public static SecurityGroup Delete(Ec2Transaction transaction, string region, string? groupId, string? groupName, Func<string, string, bool> inUse)
    {
        var group = Ec2Queries.RequireGroup(transaction.World, region, groupId, groupName);
        if (group.IsDefault) throw Ec2Errors.CannotDeleteDefault.With(group.GroupId);
        var referenced = transaction.World.SecurityGroupsIn(region).Any(g => g.GroupId != group.GroupId && g.Rules.Any(r => r.ReferencedGroupId == group.GroupId));
        if (referenced || inUse(region, group.GroupId)) throw Ec2Errors.GroupInUse.With(group.GroupId);
        transaction.Remove(group);
        return group;
    }

    private static string Protocol(string? protocol) => protocol?.ToLowerInvariant() switch
    {
        "tcp" or "6" => "tcp",
        "udp" or "17" => "udp",
        "icmp" or "1" => "icmp",
        "-1" or "all" => "-1",
        var other => throw Ec2Errors.UnknownProtocol.With(other ?? ""),
    };

    private static (int? From, int? To) Ports(string protocol, int? from, int? to)
    {
        if (protocol == "-1") return (null, null);
        if (protocol is "tcp" or "udp")
        {
            if (from is null || to is null) throw Ec2Errors.PortRangeRequired.With();
            foreach (var port in new[] { from.Value, to.Value })
                if (port is < 0 or > 65535) throw Ec2Errors.PortOutOfRange.With(port);
        }
        return (from, to);
    }

    /// <summary>A rule in the words EC2 uses in InvalidPermission.Duplicate.</summary>
    private static string Describe(SecurityGroupRule rule)
    {
        var peer = rule.CidrIpv4 ?? rule.ReferencedGroupId;
        var protocol = rule.IpProtocol == "-1" ? "ALL" : rule.IpProtocol.ToUpperInvariant();
        return rule.FromPort is null
            ? $"peer: {peer}, {protocol}, ALLOW"
            : $"peer: {peer}, {protocol}, from port: {rule.FromPort}, to port: {rule.ToPort}, ALLOW";
    }
}
