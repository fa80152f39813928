namespace EcsWorkshop.Simulator.Ecs.Domain.Scheduling;

/// <summary>
/// Moves the world on to the transaction's time: first every task's lifecycle, then the Spot interruptions that are
/// due (at the seeded rate), then every service, then
/// task definition revisions whose deletion can complete.
/// </summary>
public static class Scheduler
{
    /// <summary>Brings the world up to <see cref="Storage.WorldTransaction{TWorld}.Now"/>.</summary>
    public static void Reconcile(EcsTransaction transaction)
    {
        TaskLifecycle.Advance(transaction);
        Tasks.SpotInterruptions.InterruptDue(transaction);
        ServiceScheduler.Reconcile(transaction);
        TaskDefinitions.TaskDefinitionCommands.CompleteDeletions(transaction);
    }
}
