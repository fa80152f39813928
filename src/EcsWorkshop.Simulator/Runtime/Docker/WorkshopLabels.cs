using System.Security.Cryptography;
using System.Text;

namespace EcsWorkshop.Simulator.Runtime.Docker;

/// <summary>
/// The labels on every container the Docker runtime starts: which simulator (its state folder) and which task it
/// belongs to, so that cleanup, adoption after a restart and two simulators side by side only ever touch their own.
/// </summary>
public static class WorkshopLabels
{
    /// <summary>The state folder of the simulator that owns the container (every container the project starts has it).</summary>
    public const string StateDirectory = "ecs-workshop.state-dir";

    /// <summary>The task's ARN.</summary>
    public const string TaskArn = "ecs-workshop.task-arn";

    /// <summary>The container's name in the task definition (<c>~internal~ecs~pause</c> for the pause container).</summary>
    public const string ContainerName = "ecs-workshop.container-name";

    /// <summary>Marks images the project builds itself (the busybox base), with what they are made of.</summary>
    public const string MadeLocally = "ecs-workshop.made-locally";

    /// <summary>Marks the images one run of the lessons built (<c>workshop run</c>, the lessons tests), to remove them after.</summary>
    public const string LessonRun = "ecs-workshop.lesson-run";

    /// <summary>The pause container's name, as ECS calls it in the task metadata.</summary>
    public const string PauseContainerName = "~internal~ecs~pause";

    /// <summary>A docker label filter for one simulator's containers.</summary>
    public static IDictionary<string, IDictionary<string, bool>> OwnedBy(string stateLabel) =>
        new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{StateDirectory}={stateLabel}"] = true } };

    /// <summary>A docker label filter for every container the project starts, whichever simulator owns it.</summary>
    public static IDictionary<string, IDictionary<string, bool>> AnyOwner() =>
        new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [StateDirectory] = true } };

    /// <summary>An events filter: the <paramref name="actions"/> of every container the project starts.</summary>
    public static IDictionary<string, IDictionary<string, bool>> ContainerEventsOfAnyOwner(params string[] actions) =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["type"] = new Dictionary<string, bool> { ["container"] = true },
            ["label"] = new Dictionary<string, bool> { [StateDirectory] = true },
            ["event"] = actions.ToDictionary(a => a, _ => true),
        };

    /// <summary>A docker label filter for one task's containers.</summary>
    public static IDictionary<string, IDictionary<string, bool>> OfTask(string stateLabel, string taskArn) =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{StateDirectory}={stateLabel}"] = true, [$"{TaskArn}={taskArn}"] = true },
        };

    /// <summary>A short stable tag of the state folder, for container names (two simulators never collide).</summary>
    public static string ShortTag(string stateLabel) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stateLabel)))[..8];
}
