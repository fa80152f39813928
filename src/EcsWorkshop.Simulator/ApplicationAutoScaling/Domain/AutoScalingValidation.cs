using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

/// <summary>The member checks every operation shares: required members, enums, lengths, and the target a request names.</summary>
public static class AutoScalingValidation
{
    /// <summary>The service namespace, resource id and dimension of a request, checked, with the ECS service they name.</summary>
    public static (string Namespace, string ResourceId, string Dimension, EcsServiceResource Service) RequireTargetName(
        string? serviceNamespace, string? resourceId, string? dimension)
    {
        var ns = RequireEnum(serviceNamespace, "serviceNamespace", AutoScalingNames.Namespaces);
        var id = RequireLength(resourceId, "resourceId", 1600);
        var dim = RequireEnum(dimension, "scalableDimension", AutoScalingNames.Dimensions);
        return (ns, id, dim, RequireEcsService(ns, id, dim));
    }

    /// <summary>Only an ECS service's desired count is simulated; every other combination is refused as AWS refuses a mismatch.</summary>
    public static EcsServiceResource RequireEcsService(string serviceNamespace, string resourceId, string dimension) =>
        serviceNamespace == AutoScalingNames.EcsNamespace && dimension == AutoScalingNames.DesiredCount && EcsServiceResource.Parse(resourceId) is { } service
            ? service
            : throw AutoScalingErrors.UnsupportedResource.With();

    public static string RequireEnum(string? value, string member, ImmutableArray<string> values)
    {
        if (value is null) throw AutoScalingErrors.MemberNull.With(member);
        return values.Contains(value) ? value : throw AutoScalingErrors.EnumValue.With(value, member, string.Join(", ", values));
    }

    public static string RequireLength(string? value, string member, int max)
    {
        if (value is null) throw AutoScalingErrors.MemberNull.With(member);
        return value.Length is >= 1 && value.Length <= max ? value : throw AutoScalingErrors.LengthOutOfRange.With(value, member, max);
    }

    /// <summary>A page size: absent means <paramref name="max"/>.</summary>
    public static int PageSize(int? maxResults, int max) =>
        maxResults is null ? max
        : maxResults is >= 1 && maxResults <= max ? maxResults.Value
        : throw AutoScalingErrors.MaxResultsOutOfRange.With(maxResults, "maxResults", max);
}
