using EcsWorkshop.Simulator.Aws.Query;
using EcsWorkshop.Simulator.Ec2.Domain;

namespace EcsWorkshop.Simulator.Ec2.Wire;

/// <summary>EC2's request members (<c>Name.N</c> lists, <c>Filter.N.Name</c>) read into the domain's inputs.</summary>
internal static class Ec2Mapper
{
    public static IReadOnlyList<Ec2Filter>? Filters(QueryRequest request) =>
        request.Structures("Filter")?.Select(f => new Ec2Filter(f.String("Name") ?? "", f.Strings("Value") ?? [])).ToList();

    /// <summary>The permissions of AuthorizeSecurityGroupIngress: <c>IpPermissions.N</c>, or the flat <c>IpProtocol</c>/<c>CidrIp</c> members.</summary>
    public static IReadOnlyList<PermissionInput> Permissions(QueryRequest request)
    {
        var permissions = (request.Structures("IpPermissions") ?? []).Select(p => new PermissionInput(
            p.String("IpProtocol"), p.Int("FromPort"), p.Int("ToPort"),
            [.. (p.Structures("IpRanges") ?? []).Select(r => r.String("CidrIp") ?? "")],
            [.. (p.Structures("Groups") ?? []).Select(g => g.String("GroupId") ?? "")])).ToList();
        if (request.String("IpProtocol") is not null || request.String("CidrIp") is not null)
            permissions.Add(new PermissionInput(request.String("IpProtocol"), request.Int("FromPort"), request.Int("ToPort"),
                request.String("CidrIp") is { } cidr ? [cidr] : [], []));
        return permissions;
    }
}
