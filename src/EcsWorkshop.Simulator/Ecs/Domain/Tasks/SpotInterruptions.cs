namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>
/// Fargate Spot taking its capacity back from a task, on a lesson's request (<c>POST /_workshop/spot-interruption</c>)
/// or at the seeded rate. ECS sends "a two-minute warning … as a task state change event to Amazon EventBridge and as
/// a SIGTERM signal to the running task" (Developer Guide, Fargate capacity providers): the task turns desired
/// STOPPED at once with stop code <c>SpotInterruption</c> and "Your Spot Task was interrupted.", its containers get
/// SIGTERM and, after their <c>stopTimeout</c> (at most 120 s on Fargate, so within the two minutes), SIGKILL. A
/// service's scheduler then starts a replacement as for any stopped task, on the provider its strategy asks for.
/// </summary>
public static class SpotInterruptions
{
    /// <summary>The capacity provider whose tasks can be interrupted.</summary>
    public const string SpotProvider = "FARGATE_SPOT";

    /// <summary>Interrupts a Spot task that is still meant to run, and returns it; AWS-shaped errors otherwise.</summary>
    public static EcsTask Interrupt(EcsTransaction transaction, EcsArns arns, string clusterArn, string? taskReference)
    {
        if (string.IsNullOrEmpty(taskReference)) throw EcsErrors.Missing.With("task");
        var world = transaction.World;
        if (!world.Clusters.ContainsKey(clusterArn)) throw EcsErrors.ClusterNotFound.With();
        var task = TaskQueries.Find(world, arns, clusterArn, taskReference) ?? throw EcsErrors.TaskNotFound.With();
        if (task.CapacityProviderName != SpotProvider)
            throw EcsErrors.SpotInterruptionNotSpot.With(task.Id, task.CapacityProviderName ?? EcsWireNames.LaunchTypes.NameOf(task.LaunchType));
        if (task.DesiredStatus == EcsTaskStatus.Stopped || !task.IsAlive)
            throw EcsErrors.SpotInterruptionNotRunning.With(task.Id);
        return TaskLauncher.RequestStop(transaction, task, StopCode.SpotInterruption, StopReasons.SpotInterrupted.Format());
    }
}
