using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Logs.Domain;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.Integration;

/// <summary>
/// The <c>awslogs</c> log driver of the simulated tasks: for every container configured with it, writes what truly
/// happened to the container (started from which image, asked to stop and why, exited with which code) into the
/// stream <c>PREFIX/CONTAINER/TASK-ID</c> of its log group, at the times it happened. With
/// <c>awslogs-create-group=true</c> the group is created on first use, as the driver does. It listens to the ECS
/// engine's <see cref="TaskChanged"/> events, never to stored rows.
/// </summary>
public sealed class TaskLogWriter(LogsEngine logs, ILogger<TaskLogWriter>? logger = null) : IEcsObserver
{
    /// <summary>Marks lines the simulator writes on behalf of a container.</summary>
    public const string Prefix = "[ecs-workshop]";

    public void TasksChanged(IReadOnlyList<TaskChanged> changes)
    {
        foreach (var (previous, task, world) in changes)
        {
            if (!world.TaskDefinitions.TryGetValue(task.TaskDefinitionArn, out var definition)) continue;
            foreach (var container in task.Containers)
            {
                var config = definition.ContainerDefinitions.FirstOrDefault(c => c.Name == container.Name)?.LogConfiguration;
                if (config is not { LogDriver: "awslogs" }) continue;
                var lines = LinesFor(task, previous, container);
                if (lines.Count == 0) continue;
                try
                {
                    Write(task, container, config, lines);
                }
                catch (Exception e)
                {
                    logger?.LogWarning(e, "Could not write the logs of task {Task}", task.Id);
                }
            }
        }
    }

    /// <summary>What changed for one container between two versions of its task, as log lines.</summary>
    internal static List<InputLogEvent> LinesFor(EcsTask task, EcsTask? previous, TaskContainer container)
    {
        var was = previous?.Containers.FirstOrDefault(c => c.Name == container.Name);
        var lines = new List<InputLogEvent>();
        if (container.LastStatus >= EcsTaskStatus.Running && was?.LastStatus is not >= EcsTaskStatus.Running && task.StartedAt is { } started)
        {
            var digest = container.ImageDigest is { } d ? $" ({d})" : "";
            lines.Add(new(started, $"{Prefix} Container {container.Name} started from image {container.Image}{digest} in task {task.Id} ({task.Family})."));
            foreach (var line in OutputOf(task, container).Where(l => l.After == TimeSpan.Zero)) lines.Add(new(started, line.Text));
        }
        var stopRequested = task.DesiredStatus == EcsTaskStatus.Stopped && previous?.DesiredStatus != EcsTaskStatus.Stopped;
        if (stopRequested && was?.LastStatus == EcsTaskStatus.Running && task.StopCode != StopCode.EssentialContainerExited && task.StoppingAt is { } stopping)
            lines.Add(new(stopping, $"{Prefix} Received SIGTERM: {task.StoppedReason}"));
        if (container.LastStatus == EcsTaskStatus.Stopped && was?.LastStatus != EcsTaskStatus.Stopped && container.ExitCode is { } code)
        {
            var at = task.ExecutionStoppedAt ?? task.StoppingAt ?? task.StartedAt ?? task.CreatedAt;
            var printedAtStart = was?.LastStatus == EcsTaskStatus.Running;
            foreach (var line in OutputOf(task, container).Where(l => !printedAtStart || l.After > TimeSpan.Zero)) lines.Add(new(at, line.Text));
            lines.Add(new(at, $"{Prefix} Container {container.Name} exited with code {code}."));
        }
        return [.. lines.OrderBy(l => l.Timestamp)];
    }

    /// <summary>What the simulated runtime's script of this container prints (see <see cref="SimulatedCommand"/>).</summary>
    private static IReadOnlyList<SimulatedLine> OutputOf(EcsTask task, TaskContainer container) =>
        task.SimulatedExit is { Output: { } output } exit && exit.ContainerName == container.Name ? output : [];

    private void Write(EcsTask task, TaskContainer container, LogConfiguration config, List<InputLogEvent> lines) =>
        Append(logs, task, container, config, lines);

    /// <summary>
    /// Appends lines to the container's awslogs stream (<c>PREFIX/CONTAINER/TASK-ID</c>), creating the group first
    /// when <c>awslogs-create-group</c> is true, as the driver does. Returns how many lines were written.
    /// </summary>
    public static int Append(LogsEngine logs, EcsTask task, TaskContainer container, LogConfiguration config, IReadOnlyList<InputLogEvent> lines)
    {
        var options = config.Options;
        if (!options.TryGetValue("awslogs-group", out var groupName)) return 0;
        var region = options.TryGetValue("awslogs-region", out var r) ? r : EcsArns.Of(task.Arn).Region;
        var createGroup = options.TryGetValue("awslogs-create-group", out var create) && create.Equals("true", StringComparison.OrdinalIgnoreCase);
        var streamName = options.TryGetValue("awslogs-stream-prefix", out var prefix)
            ? $"{prefix}/{container.Name}/{task.Id}"
            : container.RuntimeId ?? task.Id;
        var arns = new LogsArns(region, EcsArns.Of(task.Arn).AccountId);
        return logs.Mutate(tx =>
        {
            var group = tx.World.Groups.GetValueOrDefault(arns.Group(groupName));
            if (group is null)
            {
                if (!createGroup) return 0;
                group = LogsCommands.CreateGroup(tx, arns, groupName, null);
            }
            LogsCommands.Append(tx, LogsCommands.EnsureStream(tx, group, streamName), lines);
            return lines.Count;
        });
    }
}
