using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Elb.Domain;

/// <summary>
/// The naming rules of load balancers and target groups: "unique per region per account, can have a maximum of 32
/// characters, must contain only alphanumeric characters or hyphens, must not begin or end with a hyphen", and a load
/// balancer's "must not begin with internal-" (API reference, CreateLoadBalancer and CreateTargetGroup).
/// </summary>
public static partial class ElbNames
{
    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex Allowed();

    public static string RequireLoadBalancerName(string? name)
    {
        if (string.IsNullOrEmpty(name)) throw ElbErrors.MemberNull.With("name");
        if (name.Length > 32) throw ElbErrors.LoadBalancerNameTooLong.With(name);
        if (!Allowed().IsMatch(name)) throw ElbErrors.LoadBalancerNameCharacters.With(name);
        if (name.StartsWith('-') || name.EndsWith('-')) throw ElbErrors.LoadBalancerNameHyphen.With(name);
        if (name.StartsWith("internal-", StringComparison.OrdinalIgnoreCase)) throw ElbErrors.LoadBalancerNameInternal.With(name);
        return name;
    }

    public static string RequireTargetGroupName(string? name)
    {
        if (string.IsNullOrEmpty(name)) throw ElbErrors.MemberNull.With("name");
        if (name.Length > 32) throw ElbErrors.TargetGroupNameTooLong.With(name);
        if (!Allowed().IsMatch(name)) throw ElbErrors.TargetGroupNameCharacters.With(name);
        if (name.StartsWith('-') || name.EndsWith('-')) throw ElbErrors.TargetGroupNameHyphen.With(name);
        return name;
    }
}
