using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Elbv2.Domain;

namespace EcsWorkshop.Simulator.Integration.StandIns;

/// <summary>
/// ELBv2's question "what does the simulated task at this target answer?", for its health checks on the clock and
/// for the listener's stand-in page. The answer is the one the real container would give: the container that maps
/// the port, its command line (the task definition's entryPoint and command, else the image's), and when that
/// starts BusyBox httpd (<see cref="BusyboxHttpd"/>), the files of the task's image in the simulator's registry —
/// a path the image lacks is a 404, a port httpd does not listen on refuses the connection. A task whose image is
/// not in the simulator's registry, or whose command is not one the simulator can read, is taken to answer every
/// path (nothing is known of it). ECS is built after ELBv2, so it is attached once it exists.
/// </summary>
public sealed class SimulatedTaskServers(ImageFileTrees images) : ISimulatedTargets
{
    private EcsEngine? _ecs;

    public void Attach(EcsEngine ecs) => _ecs = ecs;

    public SimulatedAnswer? Get(string region, string ip, int port, string path)
    {
        if (_ecs is not { World: var world } || TaskTargetAddresses.TaskAt(world, region, ip) is not { } task) return null;
        return Answer(world, task, port, path);
    }

    /// <summary>What <paramref name="task"/> answers a GET of <paramref name="path"/> on its container port <paramref name="port"/>.</summary>
    public SimulatedAnswer Answer(EcsWorld world, EcsTask task, int port, string path)
    {
        var container = task.Containers.FirstOrDefault(c => !c.PortMappings.IsDefaultOrEmpty && c.PortMappings.Any(p => p.ContainerPort == port));
        if (container is null) return SimulatedAnswer.Refused;
        var image = images.Of(container.ImageDigest ?? container.Readiness?.ImageDigest);
        var definition = world.TaskDefinitions.GetValueOrDefault(task.TaskDefinitionArn)?.ContainerDefinitions.FirstOrDefault(c => c.Name == container.Name);
        if (image is null || definition is null) return new SimulatedAnswer(200);
        var commandOverride = task.Overrides.ContainerOverrides.FirstOrDefault(o => o.Name == container.Name)?.Command;
        var server = BusyboxHttpd.Of(CommandLine(definition.EntryPoint, commandOverride is { IsDefault: false } ? commandOverride.Value : definition.Command, image), image);
        if (server is null) return new SimulatedAnswer(200);
        return server.Port == port ? new SimulatedAnswer(server.Answer(image, path)) : SimulatedAnswer.Refused;
    }

    /// <summary>
    /// The container's command line as Docker makes it: the entry point (the task definition's, else the image's) and
    /// the command (the task definition's; else the image's, unless the task definition replaced the entry point).
    /// </summary>
    public static IReadOnlyList<string> CommandLine(System.Collections.Immutable.ImmutableArray<string> entryPoint, System.Collections.Immutable.ImmutableArray<string> command, ImageFileTree image)
    {
        var ownEntryPoint = !entryPoint.IsDefaultOrEmpty;
        IEnumerable<string> entry = ownEntryPoint ? entryPoint : image.Entrypoint;
        IEnumerable<string> cmd = !command.IsDefaultOrEmpty ? command : ownEntryPoint ? [] : image.Cmd;
        return [.. entry, .. cmd];
    }
}
