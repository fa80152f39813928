namespace EcsWorkshop.Simulator.Ecs.Domain.Services;

/// <summary>Finds the service a user referred to: a name, a service ARN (long or legacy format) in a cluster.</summary>
public static class ServiceLookup
{
    /// <summary>
    /// The ARN a reference means in a cluster: a name, a long ARN (<c>service/CLUSTER/NAME</c>, taken as given) or a
    /// legacy one (<c>service/NAME</c>, read as a name in this cluster).
    /// </summary>
    public static string ArnFor(EcsArns arns, string clusterArn, string reference)
    {
        var clusterName = EcsArns.ClusterName(clusterArn);
        if (!reference.StartsWith("arn:", StringComparison.Ordinal)) return arns.Service(clusterName, reference);
        var resource = reference.Split(':', 6) is { Length: 6 } parts ? parts[5] : "";
        return resource.Count(c => c == '/') == 1 && resource.StartsWith("service/", StringComparison.Ordinal)
            ? arns.Service(clusterName, resource["service/".Length..])
            : reference;
    }

    /// <summary>The service (whatever its status) of that cluster, or null.</summary>
    public static Service? Find(EcsWorld world, EcsArns arns, string clusterArn, string reference) =>
        FindByArn(world, clusterArn, ArnFor(arns, clusterArn, reference));

    /// <summary>The service with that ARN (see <see cref="ArnFor"/>) if it belongs to that cluster, or null.</summary>
    public static Service? FindByArn(EcsWorld world, string clusterArn, string serviceArn) =>
        world.Services.TryGetValue(serviceArn, out var service) && service.ClusterArn == clusterArn ? service : null;

    /// <summary>The service, or ClusterNotFoundException / ServiceNotFoundException.</summary>
    public static Service Require(EcsWorld world, EcsArns arns, string clusterArn, string? reference)
    {
        if (string.IsNullOrEmpty(reference)) throw EcsErrors.Missing.With("service");
        if (!world.Clusters.ContainsKey(clusterArn)) throw EcsErrors.ClusterNotFound.With();
        return Find(world, arns, clusterArn, reference) ?? throw EcsErrors.ServiceNotFound.With();
    }
}
