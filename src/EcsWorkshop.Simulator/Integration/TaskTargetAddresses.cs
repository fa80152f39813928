using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Elbv2.DataPlane;
using EcsWorkshop.Simulator.Runtime;

namespace EcsWorkshop.Simulator.Integration;

/// <summary>
/// A target's IP is a task's private IP (its ENI): with the Docker runtime the target is that task's container port
/// as the runtime published it on 127.0.0.1; with the simulated runtime it is the stand-in page of that task.
/// </summary>
public sealed class TaskTargetAddresses(EcsEngine ecs, IContainerRuntime runtime) : ITargetAddresses
{
    /// <summary>The alive task whose private IP is <paramref name="ip"/> in <paramref name="region"/>.</summary>
    public static EcsTask? TaskAt(EcsWorld world, string region, string ip) =>
        world.Tasks.Values.FirstOrDefault(t => t.IsAlive && t.NetworkInterface?.PrivateIpv4Address == ip && EcsArns.Of(t.Arn).Region == region);

    public TargetAddress? Resolve(string region, string ip, int port)
    {
        var world = ecs.World;
        var task = TaskAt(world, region, ip);
        if (task is null) return null;
        if (runtime.Kind == ContainerRuntimeKind.Docker)
        {
            var endpoint = runtime.Endpoints().FirstOrDefault(e => e.TaskArn == task.Arn && e.ContainerPort == port);
            return endpoint is null ? null : new TargetAddress.Loopback(new Uri(endpoint.Url));
        }
        if (task.LastStatus is not (EcsTaskStatus.Activating or EcsTaskStatus.Running or EcsTaskStatus.Deactivating)) return null;
        var definition = world.TaskDefinitions.GetValueOrDefault(task.TaskDefinitionArn);
        var container = definition?.ContainerDefinitions.FirstOrDefault(c => !c.PortMappings.IsDefaultOrEmpty && c.PortMappings.Any(p => p.ContainerPort == port));
        var overridden = container is null ? null : task.Overrides.ContainerOverrides.FirstOrDefault(o => o.Name == container.Name);
        var version = (overridden is { Environment.IsDefaultOrEmpty: false } ? overridden.Environment.LastOrDefault(e => e.Name == "APP_VERSION")?.Value : null)
            ?? (container is { Environment.IsDefaultOrEmpty: false } ? container.Environment.LastOrDefault(e => e.Name == "APP_VERSION")?.Value : null);
        return new TargetAddress.StandIn(task.Id, definition is null ? task.TaskDefinitionArn : $"{definition.Family}:{definition.Revision}", version);
    }
}
