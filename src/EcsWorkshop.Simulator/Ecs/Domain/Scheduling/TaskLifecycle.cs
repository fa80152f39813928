namespace EcsWorkshop.Simulator.Ecs.Domain.Scheduling;

/// <summary>Moves each task through PROVISIONING → … → RUNNING and DEACTIVATING → … → STOPPED when its time comes.</summary>
public static class TaskLifecycle
{
    /// <summary>Applies every lifecycle step that is due at <see cref="EcsTransaction.Now"/>.</summary>
    public static void Advance(EcsTransaction transaction)
    {
        _ = transaction; // Written in the tasks slice.
    }
}
