namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>Describing load balancers, target groups and listeners, as the Describe actions filter them.</summary>
public static class Elbv2Queries
{
    /// <summary>Load balancers by ARN or by name (in the order asked), or all of a region.</summary>
    public static IReadOnlyList<LoadBalancer> LoadBalancers(Elbv2World world, string region, IReadOnlyList<string>? arns, IReadOnlyList<string>? names)
    {
        var inRegion = world.LoadBalancers.Values.Where(lb => lb.Region == region).ToList();
        if (arns is { Count: > 0 })
        {
            foreach (var arn in arns) LoadBalancerCommands.RequireArn(arn);
            var found = arns.Distinct().Select(a => inRegion.FirstOrDefault(lb => lb.Arn == a)).ToList();
            return found.Any(lb => lb is null) ? throw Elbv2Errors.LoadBalancerNotFound.With() : [.. found.Select(x => x!)];
        }
        if (names is { Count: > 0 })
        {
            var missing = names.Where(n => inRegion.All(lb => lb.Name != n)).ToList();
            if (missing.Count > 0) throw Elbv2Errors.LoadBalancersNotFoundByName.With(string.Join(", ", missing));
            return [.. names.Distinct().Select(n => inRegion.First(lb => lb.Name == n))];
        }
        return [.. inRegion.OrderBy(lb => lb.CreatedAt).ThenBy(lb => lb.Name, StringComparer.Ordinal)];
    }

    /// <summary>Target groups by ARN, by name, or of a load balancer (only one of these), or all of a region.</summary>
    public static IReadOnlyList<TargetGroup> TargetGroups(Elbv2World world, string region, string? loadBalancerArn, IReadOnlyList<string>? arns, IReadOnlyList<string>? names)
    {
        if (new[] { loadBalancerArn is not null, arns is { Count: > 0 }, names is { Count: > 0 } }.Count(x => x) > 1)
            throw Elbv2Errors.TargetGroupFiltersTogether.With();
        var inRegion = world.TargetGroups.Values.Where(g => g.Region == region).ToList();
        if (loadBalancerArn is not null)
        {
            var loadBalancer = LoadBalancerCommands.Require(world, loadBalancerArn);
            return [.. inRegion.Where(g => world.LoadBalancersOf(g.Arn).Contains(loadBalancer.Arn)).OrderBy(g => g.Name, StringComparer.Ordinal)];
        }
        if (arns is { Count: > 0 })
        {
            foreach (var arn in arns) TargetGroupCommands.RequireArn(arn);
            var found = arns.Distinct().Select(a => inRegion.FirstOrDefault(g => g.Arn == a)).ToList();
            return found.Any(g => g is null) ? throw Elbv2Errors.TargetGroupsNotFound.With() : [.. found.Select(x => x!)];
        }
        if (names is { Count: > 0 })
        {
            var found = names.Distinct().Select(n => inRegion.FirstOrDefault(g => g.Name == n)).ToList();
            return found.Any(g => g is null) ? throw Elbv2Errors.TargetGroupsNotFound.With() : [.. found.Select(x => x!)];
        }
        return [.. inRegion.OrderBy(g => g.Name, StringComparer.Ordinal)];
    }

    /// <summary>Listeners of a load balancer (by port) or by ARN; one of the two must be given.</summary>
    public static IReadOnlyList<Listener> Listeners(Elbv2World world, string? loadBalancerArn, IReadOnlyList<string>? arns)
    {
        if (arns is { Count: > 0 })
        {
            foreach (var arn in arns) ListenerCommands.RequireArn(arn);
            var found = arns.Distinct().Select(world.Listeners.GetValueOrDefault).ToList();
            return found.Any(l => l is null) ? throw Elbv2Errors.ListenersNotFound.With() : [.. found.Select(x => x!)];
        }
        if (loadBalancerArn is null) throw Elbv2Errors.ListenerFilterRequired.With();
        return [.. world.ListenersOf(LoadBalancerCommands.Require(world, loadBalancerArn).Arn)];
    }
}
