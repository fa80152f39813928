namespace EcsWorkshop.Simulator.Ecs.Domain.Scheduling;

/// <summary>The service scheduler: starts, stops and replaces tasks until every service matches its desired state.</summary>
public static class ServiceScheduler
{
    /// <summary>Reconciles every ACTIVE or DRAINING service once.</summary>
    public static void Reconcile(EcsTransaction transaction)
    {
        _ = transaction; // Written in the services slice.
    }
}
