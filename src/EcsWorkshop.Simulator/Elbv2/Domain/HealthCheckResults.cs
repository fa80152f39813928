using System.Globalization;

namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>
/// What a health check concludes about a target, in AWS's reason codes and descriptions, and the matcher that
/// decides whether an answer passes. Shared by the checker of real containers and the simulated tasks' clock.
/// </summary>
public static class HealthCheckResults
{
    public static readonly TargetHealth Timeout = new("unhealthy", "Target.Timeout", "Request timed out");
    public static readonly TargetHealth Failed = new("unhealthy", "Target.FailedHealthChecks", "Health checks failed");

    public static TargetHealth CodeMismatch(int code) =>
        new("unhealthy", "Target.ResponseCodeMismatch", $"Health checks failed with these codes: [{code.ToString(CultureInfo.InvariantCulture)}]");

    /// <summary>The matcher: codes like <c>200</c>, <c>200,202</c> or <c>200-299</c>.</summary>
    public static bool Matches(string matcher, int code) =>
        matcher.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(part =>
            part.Split('-') is [var from, var to]
                ? int.TryParse(from, out var low) && int.TryParse(to, out var high) && code >= low && code <= high
                : int.TryParse(part, out var exact) && exact == code);
}
