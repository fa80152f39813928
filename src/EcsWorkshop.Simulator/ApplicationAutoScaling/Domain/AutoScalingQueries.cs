using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

/// <summary>DescribeScalableTargets, DescribeScalingPolicies and DescribeScalingActivities: filters and pages.</summary>
public static class AutoScalingQueries
{
    /// <summary>The region's targets of a namespace, optionally of some resource ids and a dimension, in resource id order.</summary>
    public static (List<ScalableTarget> Page, string? NextToken) Targets(AutoScalingWorld world, string region, string? serviceNamespace,
        IReadOnlyList<string>? resourceIds, string? dimension, int? maxResults, string? nextToken)
    {
        var ns = AutoScalingValidation.RequireEnum(serviceNamespace, "serviceNamespace", AutoScalingNames.Namespaces);
        if (dimension is not null) AutoScalingValidation.RequireEnum(dimension, "scalableDimension", AutoScalingNames.Dimensions);
        if (resourceIds is { Count: > 50 }) throw AutoScalingErrors.LengthOutOfRange.With($"[{string.Join(", ", resourceIds)}]", "resourceIds", 50);
        var size = AutoScalingValidation.PageSize(maxResults, 50);
        var matching = world.Targets.Values
            .Where(t => t.Region == region && t.ServiceNamespace == ns)
            .Where(t => resourceIds is not { Count: > 0 } || resourceIds.Contains(t.ResourceId))
            .Where(t => dimension is null || t.ScalableDimension == dimension)
            .OrderBy(t => t.ResourceId, StringComparer.Ordinal);
        return OffsetPages.Page(matching, nextToken, size, () => AutoScalingErrors.InvalidNextToken.With());
    }

    /// <summary>The region's policies of a namespace, optionally of one resource, dimension and some names.</summary>
    public static (List<ScalingPolicy> Page, string? NextToken) Policies(AutoScalingWorld world, string region, string? serviceNamespace,
        IReadOnlyList<string>? policyNames, string? resourceId, string? dimension, int? maxResults, string? nextToken)
    {
        var ns = AutoScalingValidation.RequireEnum(serviceNamespace, "serviceNamespace", AutoScalingNames.Namespaces);
        if (dimension is not null) AutoScalingValidation.RequireEnum(dimension, "scalableDimension", AutoScalingNames.Dimensions);
        if (policyNames is { Count: > 50 }) throw AutoScalingErrors.LengthOutOfRange.With($"[{string.Join(", ", policyNames)}]", "policyNames", 50);
        var size = AutoScalingValidation.PageSize(maxResults, 10);
        var matching = world.Policies.Values
            .Where(p => p.Region == region && p.ServiceNamespace == ns)
            .Where(p => resourceId is null || p.ResourceId == resourceId)
            .Where(p => dimension is null || p.ScalableDimension == dimension)
            .Where(p => policyNames is not { Count: > 0 } || policyNames.Contains(p.PolicyName))
            .OrderBy(p => p.ResourceId, StringComparer.Ordinal).ThenBy(p => p.PolicyName, StringComparer.Ordinal);
        return OffsetPages.Page(matching, nextToken, size, () => AutoScalingErrors.InvalidNextToken.With());
    }

    /// <summary>The region's activities of a namespace, newest first; attempts that did not scale only when asked for.</summary>
    public static (List<ScalingActivity> Page, string? NextToken) Activities(AutoScalingWorld world, string region, string? serviceNamespace,
        string? resourceId, string? dimension, bool includeNotScaled, int? maxResults, string? nextToken)
    {
        var ns = AutoScalingValidation.RequireEnum(serviceNamespace, "serviceNamespace", AutoScalingNames.Namespaces);
        if (dimension is not null) AutoScalingValidation.RequireEnum(dimension, "scalableDimension", AutoScalingNames.Dimensions);
        var size = AutoScalingValidation.PageSize(maxResults, 50);
        var matching = world.Activities.Values
            .Where(a => a.Region == region && a.ServiceNamespace == ns)
            .Where(a => resourceId is null || a.ResourceId == resourceId)
            .Where(a => dimension is null || a.ScalableDimension == dimension)
            .Where(a => includeNotScaled || !a.NotScaled)
            .OrderByDescending(a => a.StartTime).ThenByDescending(a => a.Key, StringComparer.Ordinal);
        return OffsetPages.Page(matching, nextToken, size, () => AutoScalingErrors.InvalidNextToken.With());
    }
}
