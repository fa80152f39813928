using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Ecs.Domain.Scheduling;

/// <summary>The service scheduler: starts, stops and replaces tasks until every service matches its desired state.</summary>
public static class ServiceScheduler
{
    /// <summary>
    /// Reconciles every ACTIVE or DRAINING service once. The tasks are grouped by service in one pass, so a tick
    /// costs one walk over the tasks plus each service's own tasks; a service with nothing to do is not rewritten.
    /// </summary>
    public static void Reconcile(EcsTransaction transaction)
    {
        var world = transaction.World;
        var tasksByService = new Dictionary<string, List<EcsTask>>(StringComparer.Ordinal);
        foreach (var task in world.Tasks.Values)
        {
            if (task.ServiceArn is not { } serviceArn) continue;
            if (!tasksByService.TryGetValue(serviceArn, out var tasks)) tasksByService[serviceArn] = tasks = [];
            tasks.Add(task);
        }

        foreach (var service in world.Services.Values)
        {
            if (service.Status == ServiceStatus.Inactive) continue;
            var tasks = tasksByService.GetValueOrDefault(service.Arn) ?? [];
            var reconciled = ServiceReconciliation.Run(transaction, service, tasks);
            if (!ReferenceEquals(reconciled, service)) transaction.Put(reconciled);
        }
    }
}
