using System.Collections.Immutable;
using System.Globalization;

namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>
/// The attributes of an ALB target group (ip and instance targets) with their defaults, from the API model's
/// attribute key documentation (/work/shared/elbv2-facts.md §2, ModifyTargetGroupAttributes).
/// </summary>
public static class TargetGroupAttributes
{
    public const string DeregistrationDelay = "deregistration_delay.timeout_seconds";

    public static ImmutableSortedDictionary<string, string> Defaults { get; } = new Dictionary<string, string>
    {
        [DeregistrationDelay] = "300",
        ["stickiness.enabled"] = "false",
        ["stickiness.type"] = "lb_cookie",
        ["stickiness.lb_cookie.duration_seconds"] = "86400",
        ["stickiness.app_cookie.cookie_name"] = "",
        ["stickiness.app_cookie.duration_seconds"] = "86400",
        ["slow_start.duration_seconds"] = "0",
        ["load_balancing.algorithm.type"] = "round_robin",
        ["load_balancing.algorithm.anomaly_mitigation"] = "off",
        ["load_balancing.cross_zone.enabled"] = "use_load_balancer_configuration",
        ["target_group_health.unhealthy_state_routing.minimum_healthy_targets.count"] = "1",
        ["target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage"] = "off",
        ["target_group_health.dns_failover.minimum_healthy_targets.count"] = "1",
        ["target_group_health.dns_failover.minimum_healthy_targets.percentage"] = "off",
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>The attributes with the changes applied, each checked; nothing changes when one is refused.</summary>
    public static ImmutableSortedDictionary<string, string> Apply(ImmutableSortedDictionary<string, string> current, IReadOnlyList<KeyValuePair<string, string>> changes)
    {
        var result = current;
        foreach (var (key, value) in changes)
        {
            if (!Defaults.ContainsKey(key)) throw Elbv2Errors.AttributeKeyUnknown.With(key);
            Check(key, value);
            result = result.SetItem(key, value);
        }
        var slowStart = int.Parse(result["slow_start.duration_seconds"], CultureInfo.InvariantCulture);
        if (slowStart > 0 && result["load_balancing.algorithm.type"] == "least_outstanding_requests")
            throw Elbv2Errors.AttributeValueInvalid.With("slow_start.duration_seconds", slowStart);
        return result;
    }

    private static void Check(string key, string value)
    {
        switch (key)
        {
            case DeregistrationDelay:
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 3600)
                    throw Elbv2Errors.DeregistrationDelayRange.With(value);
                break;
            case "stickiness.enabled":
                Require(key, value, value is "true" or "false");
                break;
            case "stickiness.type":
                Require(key, value, value is "lb_cookie" or "app_cookie");
                break;
            case "stickiness.lb_cookie.duration_seconds" or "stickiness.app_cookie.duration_seconds":
                Require(key, value, int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var duration) && duration is >= 1 and <= 604800);
                break;
            case "slow_start.duration_seconds":
                Require(key, value, int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var slow) && (slow == 0 || slow is >= 30 and <= 900));
                break;
            case "load_balancing.algorithm.type":
                Require(key, value, value is "round_robin" or "least_outstanding_requests" or "weighted_random");
                break;
            case "load_balancing.algorithm.anomaly_mitigation":
                Require(key, value, value is "on" or "off");
                break;
            case "load_balancing.cross_zone.enabled":
                Require(key, value, value is "true" or "false" or "use_load_balancer_configuration");
                break;
            case "stickiness.app_cookie.cookie_name":
                Require(key, value, !value.StartsWith("AWSALB", StringComparison.Ordinal));
                break;
            default:
                Require(key, value, value == "off" || int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _));
                break;
        }
    }

    private static void Require(string key, string value, bool valid)
    {
        if (!valid) throw Elbv2Errors.AttributeValueInvalid.With(key, value);
    }
}
