namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>
/// ECS Exec's checks before a command runs in a container: the task was run with <c>enableExecuteCommand</c> and is
/// RUNNING with its execute command agent, and the container is named when the task has several. Refusals use
/// ECS's own words.
/// </summary>
public static class TaskExecRules
{
    /// <summary>ECS's refusal when exec was not enabled for the task or its agent is not running (with its typographic apostrophe).</summary>
    public static string NotEnabledMessage => EcsErrors.ExecNotEnabled.Format();

    /// <summary>The task and container a command is to run in, or AWS's error.</summary>
    public static (EcsTask Task, TaskContainer Container) Require(EcsWorld world, EcsArns arns, string clusterArn, string? taskReference, string? containerName, string? command)
    {
        if (string.IsNullOrWhiteSpace(command)) throw EcsErrors.Missing.With("command");
        if (string.IsNullOrEmpty(taskReference)) throw EcsErrors.Missing.With("task");
        if (!world.Clusters.ContainsKey(clusterArn)) throw EcsErrors.ClusterNotFound.With();
        var task = TaskQueries.Find(world, arns, clusterArn, taskReference) ?? throw EcsErrors.TaskNotFound.With();
        if (!task.EnableExecuteCommand || task.LastStatus != EcsTaskStatus.Running) throw EcsErrors.ExecNotEnabled.With();
        TaskContainer? container;
        if (string.IsNullOrEmpty(containerName))
        {
            if (task.Containers.Length > 1)
                throw EcsErrors.ExecContainerRequired.With();
            container = task.Containers[0];
        }
        else
        {
            container = task.Containers.FirstOrDefault(c => c.Name == containerName)
                ?? throw EcsErrors.ExecContainerNotFound.With(containerName);
        }
        if (container.LastStatus != EcsTaskStatus.Running || !container.ExecuteCommandAgent) throw EcsErrors.ExecNotEnabled.With();
        return (task, container);
    }
}
