using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Ecs.Domain.Scheduling;

/// <summary>
/// Moves each task through PROVISIONING → … → RUNNING and DEACTIVATING → … → STOPPED when its time comes, and
/// forgets STOPPED tasks after ECS's retention of one hour. The steps themselves are in <see cref="TaskTransitions"/>.
/// </summary>
public static class TaskLifecycle
{
    /// <summary>
    /// Applies every lifecycle step that is due at <see cref="Storage.WorldTransaction{TWorld}.Now"/>, each at its own due time, so a
    /// big jump of the clock writes the same history as many small ticks. One pass over the tasks; each changed
    /// task is stored once.
    /// </summary>
    public static void Advance(EcsTransaction transaction)
    {
        var now = transaction.Now;
        List<EcsTask>? due = null;
        foreach (var task in transaction.World.Tasks.Values)
            if (task.NextTransitionAt is { } at && at <= now)
                (due ??= []).Add(task);
        if (due is null) return;

        foreach (var task in due)
        {
            var current = TaskTransitions.CatchUp(task, now, transaction.Settings);
            if (TaskTransitions.IsExpired(current, now))
                transaction.RemoveTask(current.Arn);
            else
                transaction.Put(current);
        }
    }
}
