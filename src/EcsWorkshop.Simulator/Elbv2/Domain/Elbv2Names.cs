using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>
/// The naming rules of load balancers and target groups: "unique per region per account, can have a maximum of 32
/// characters, must contain only alphanumeric characters or hyphens, must not begin or end with a hyphen", and a load
/// balancer's "must not begin with internal-" (API reference, CreateLoadBalancer and CreateTargetGroup).
/// </summary>
public static partial class Elbv2Names
{
    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex Allowed();

    public static string RequireLoadBalancerName(string? name)
    {
        if (string.IsNullOrEmpty(name)) throw Elbv2Errors.MemberNull.With("name");
        if (name.Length > 32) throw Elbv2Errors.LoadBalancerNameTooLong.With(name);
        if (!Allowed().IsMatch(name)) throw Elbv2Errors.LoadBalancerNameCharacters.With(name);
        if (name.StartsWith('-') || name.EndsWith('-')) throw Elbv2Errors.LoadBalancerNameHyphen.With(name);
        if (name.StartsWith("internal-", StringComparison.OrdinalIgnoreCase)) throw Elbv2Errors.LoadBalancerNameInternal.With(name);
        return name;
    }

    public static string RequireTargetGroupName(string? name)
    {
        if (string.IsNullOrEmpty(name)) throw Elbv2Errors.MemberNull.With("name");
        if (name.Length > 32) throw Elbv2Errors.TargetGroupNameTooLong.With(name);
        if (!Allowed().IsMatch(name)) throw Elbv2Errors.TargetGroupNameCharacters.With(name);
        if (name.StartsWith('-') || name.EndsWith('-')) throw Elbv2Errors.TargetGroupNameHyphen.With(name);
        return name;
    }
}
