using EcsWorkshop.Aws.Ecs.Model;

namespace EcsWorkshop.Steps;

/// <summary>
/// A service's deployment configuration as the hands-on sets it: the rolling update's bounds and the deployment
/// circuit breaker. Members left null keep what the service has (ECS's defaults for a new one: 100 %, 200 %, no
/// circuit breaker).
/// <code>new DeploymentSettings { CircuitBreaker = true, Rollback = true }</code>
/// </summary>
public sealed record DeploymentSettings
{
    /// <summary>minimumHealthyPercent (0–100): the share of the desired count that keeps running during a deployment.</summary>
    public int? MinimumHealthyPercent { get; init; }

    /// <summary>maximumPercent (at least 100): the share of the desired count that may run or be starting at once.</summary>
    public int? MaximumPercent { get; init; }

    /// <summary>deploymentCircuitBreaker.enable: fail a deployment whose tasks keep failing to start.</summary>
    public bool? CircuitBreaker { get; init; }

    /// <summary>deploymentCircuitBreaker.rollback: after a failure, go back to the last completed deployment.</summary>
    public bool? Rollback { get; init; }

    /// <summary>The request's deploymentConfiguration (the breaker's two members go together: an unset one is false).</summary>
    internal DeploymentConfiguration ToRequest() => new()
    {
        MinimumHealthyPercent = MinimumHealthyPercent,
        MaximumPercent = MaximumPercent,
        DeploymentCircuitBreaker = CircuitBreaker is null && Rollback is null
            ? null
            : new DeploymentCircuitBreaker(CircuitBreaker == true, Rollback == true),
    };

    /// <summary>The AWS CLI's <c>--deployment-configuration</c> shorthand.</summary>
    internal string ToCliValue()
    {
        var parts = new List<string>();
        if (MaximumPercent is { } maximum) parts.Add($"maximumPercent={maximum}");
        if (MinimumHealthyPercent is { } minimum) parts.Add($"minimumHealthyPercent={minimum}");
        if (CircuitBreaker is not null || Rollback is not null)
            parts.Add($"deploymentCircuitBreaker={{enable={(CircuitBreaker == true ? "true" : "false")},rollback={(Rollback == true ? "true" : "false")}}}");
        return string.Join(',', parts);
    }
}
