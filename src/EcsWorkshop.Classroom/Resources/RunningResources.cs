using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Classroom.Resources;

/// <summary>
/// What a learner has in their account now, counted from their simulation's current worlds (immutable snapshots,
/// read without a lock or a call): tasks running and on their way up, active services, load balancers and their
/// listeners, ECR repositories and the images in them.
/// </summary>
public sealed record RunningResources(
    int RunningTasks,
    int PendingTasks,
    int Services,
    int LoadBalancers,
    int Listeners,
    int Repositories,
    int Images)
{
    /// <summary>Nothing at all.</summary>
    public static RunningResources None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Whether there is nothing to show.</summary>
    public bool IsEmpty => this == None;

    /// <summary>Counts the resources of <paramref name="simulation"/> as they are now.</summary>
    public static RunningResources Of(Simulation simulation)
    {
        var ecs = simulation.Ecs.World;
        int running = 0, pending = 0;
        foreach (var task in ecs.Tasks.Values)
        {
            if (task.LastStatus == EcsTaskStatus.Running) running++;
            else if (task.LastStatus is EcsTaskStatus.Provisioning or EcsTaskStatus.Pending or EcsTaskStatus.Activating) pending++;
        }
        var services = 0;
        foreach (var service in ecs.Services.Values)
            if (service.Status == ServiceStatus.Active) services++;
        var elb = simulation.Elbv2.World;
        var ecr = simulation.Ecr.World;
        return new RunningResources(running, pending, services, elb.LoadBalancers.Count, elb.Listeners.Count, ecr.Repositories.Count, ecr.Images.Count);
    }
}
