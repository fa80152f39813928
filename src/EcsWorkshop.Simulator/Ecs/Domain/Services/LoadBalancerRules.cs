using System.Collections.Immutable;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Ecs.Domain.Services;

/// <summary>A <c>loadBalancers</c> entry as the client sent it (checked by <see cref="LoadBalancerRules"/>).</summary>
public sealed record LoadBalancerInput(string? TargetGroupArn, string? LoadBalancerName, string? ContainerName, int? ContainerPort);

/// <summary>
/// CreateService's and UpdateService's checks of <c>loadBalancers</c>, in the order ECS reports them: the container
/// and its port must be in the task definition, the target group must exist and be used by a load balancer, and an
/// <c>awsvpc</c> task needs a target group of type <c>ip</c> (elbv2-facts.md §4.2).
/// </summary>
public static class LoadBalancerRules
{
    public static ImmutableArray<ServiceLoadBalancer> Validate(ILoadBalancing loadBalancing, TaskDefinition definition, IReadOnlyList<LoadBalancerInput> inputs)
    {
        var checkedBalancers = ImmutableArray.CreateBuilder<ServiceLoadBalancer>(inputs.Count);
        foreach (var input in inputs)
        {
            if (input.TargetGroupArn is null && input.LoadBalancerName is not null)
                throw EcsErrors.FeatureNotSimulated.With("loadBalancers.loadBalancerName");
            if (string.IsNullOrEmpty(input.TargetGroupArn)) throw EcsErrors.Missing.With("loadBalancers.targetGroupArn");
            if (string.IsNullOrEmpty(input.ContainerName)) throw EcsErrors.Missing.With("loadBalancers.containerName");
            if (input.ContainerPort is not { } port) throw EcsErrors.Missing.With("loadBalancers.containerPort");
            checkedBalancers.Add(Validate(loadBalancing, definition, new ServiceLoadBalancer(input.TargetGroupArn, input.ContainerName, port)));
        }
        return checkedBalancers.ToImmutable();
    }

    /// <summary>Checks a service's load balancers again for another task definition (UpdateService with a new revision).</summary>
    public static void Revalidate(ILoadBalancing loadBalancing, TaskDefinition definition, ImmutableArray<ServiceLoadBalancer> balancers)
    {
        foreach (var balancer in balancers.IsDefault ? [] : balancers) Validate(loadBalancing, definition, balancer);
    }

    private static ServiceLoadBalancer Validate(ILoadBalancing loadBalancing, TaskDefinition definition, ServiceLoadBalancer balancer)
    {
        var container = definition.ContainerDefinitions.FirstOrDefault(c => c.Name == balancer.ContainerName)
            ?? throw EcsErrors.LoadBalancerContainerMissing.With(balancer.ContainerName);
        if (container.PortMappings.IsDefaultOrEmpty || !container.PortMappings.Any(p => p.ContainerPort == balancer.ContainerPort))
            throw EcsErrors.LoadBalancerContainerPortMissing.With(balancer.ContainerName, balancer.ContainerPort);
        var group = loadBalancing.TargetGroup(balancer.TargetGroupArn) ?? throw EcsErrors.TargetGroupNotValidated.With();
        if (!group.HasLoadBalancer) throw EcsErrors.TargetGroupWithoutLoadBalancer.With(group.Arn);
        if (definition.EffectiveNetworkMode == NetworkMode.Awsvpc && group.TargetType != "ip")
            throw EcsErrors.TargetTypeInstanceWithAwsvpc.With(group.Arn);
        return balancer;
    }
}
