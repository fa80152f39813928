namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>
/// ECS Exec's checks before a command runs in a container: the task was run with <c>enableExecuteCommand</c> and is
/// RUNNING with its execute command agent, and the container is named when the task has several. Refusals use
/// ECS's own words.
/// </summary>
public static class TaskExecRules
{
    /// <summary>ECS's refusal when exec was not enabled for the task or its agent is not running (with its typographic apostrophe).</summary>
    public const string NotEnabledMessage =
        "The execute command failed because execute command was not enabled when the task was run or the execute command agent isn’t running. Wait and try again or run a new task with execute command enabled and try again.";

    /// <summary>The task and container a command is to run in, or AWS's error.</summary>
    public static (EcsTask Task, TaskContainer Container) Require(EcsWorld world, EcsArns arns, string clusterArn, string? taskReference, string? containerName, string? command)
    {
        if (string.IsNullOrWhiteSpace(command)) throw EcsErrors.Missing("command");
        if (string.IsNullOrEmpty(taskReference)) throw EcsErrors.Missing("task");
        if (!world.Clusters.ContainsKey(clusterArn)) throw EcsErrors.ClusterNotFound();
        var task = TaskQueries.Find(world, arns, clusterArn, taskReference) ?? throw EcsErrors.TaskNotFound();
        if (!task.EnableExecuteCommand || task.LastStatus != EcsTaskStatus.Running) throw EcsErrors.InvalidParameter(NotEnabledMessage);
        TaskContainer? container;
        if (string.IsNullOrEmpty(containerName))
        {
            if (task.Containers.Length > 1)
                throw EcsErrors.InvalidParameter("The task has more than one container: specify the container to run the command in.");
            container = task.Containers[0];
        }
        else
        {
            container = task.Containers.FirstOrDefault(c => c.Name == containerName)
                ?? throw EcsErrors.InvalidParameter($"The container {containerName} was not found in the task.");
        }
        if (container.LastStatus != EcsTaskStatus.Running || !container.ExecuteCommandAgent) throw EcsErrors.InvalidParameter(NotEnabledMessage);
        return (task, container);
    }
}
