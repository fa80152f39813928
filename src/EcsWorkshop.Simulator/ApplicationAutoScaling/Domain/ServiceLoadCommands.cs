using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain.Metrics;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Services;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

/// <summary>
/// What the workshop load control asks for: a service (of <paramref name="AccountId"/>, the single learner's unless
/// named) and the utilization its tasks show now (either percent optional).
/// </summary>
public sealed record SetServiceLoadCommand(
    string Region, string? Cluster, string? Service, double? CpuPercent, double? MemoryPercent, string AccountId = SimulatedAccount.Id);

/// <summary>
/// The workshop's load control for the simulated runtime (<c>POST /_workshop/load</c>). A percent is the average
/// utilization the service's running tasks show from now on; behind it is a fixed amount of work, which more tasks
/// share and fewer tasks concentrate (at most 100 % each). Up to 1000 % may be given: more work than the running
/// tasks can do, which they show as 100 % until there are enough of them.
/// </summary>
public static class ServiceLoadCommands
{
    public const double MaxPercent = 1000;

    public static ServiceLoad Set(AutoScalingTransaction transaction, EcsWorld ecs, SetServiceLoadCommand command)
    {
        if (command.Service is null) throw AutoScalingErrors.MemberNull.With("service");
        if (command.CpuPercent is null && command.MemoryPercent is null) throw AutoScalingErrors.LoadPercentRequired.With();
        RequirePercent(command.CpuPercent, "cpuPercent");
        RequirePercent(command.MemoryPercent, "memoryPercent");
        var arns = new EcsArns(command.Region, command.AccountId);
        var service = ServiceLookup.Require(ecs, arns, arns.ClusterArnFor(command.Cluster), command.Service);
        if (service.Status != ServiceStatus.Active) throw Ecs.Domain.EcsErrors.ServiceNotActive.With();
        var counts = ServiceCounts.Of(ecs, service);
        var tasks = counts.Total.Running > 0 ? counts.Total.Running : service.DesiredCount;
        var previous = transaction.World.Loads.GetValueOrDefault(service.Arn);
        var load = new ServiceLoad(
            service.Arn,
            command.CpuPercent is { } cpu ? SimulatedLoadUtilization.WorkOf(cpu, tasks) : previous?.CpuWork,
            command.MemoryPercent is { } memory ? SimulatedLoadUtilization.WorkOf(memory, tasks) : previous?.MemoryWork,
            transaction.Now);
        transaction.Put(load);
        return load;
    }

    private static void RequirePercent(double? percent, string member)
    {
        if (percent is { } value && !(value is >= 0 and <= MaxPercent))
            throw AutoScalingErrors.LoadPercentOutOfRange.With(value, member);
    }
}
