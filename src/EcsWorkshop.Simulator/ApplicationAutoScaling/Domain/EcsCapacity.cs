using EcsWorkshop.Facts.Arns;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Services;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

/// <summary>
/// The ECS side of a scalable target: the service it names, and the one way its capacity changes, ECS's UpdateService
/// command with a new desired count (so the service's deployment and scheduler follow as for any UpdateService).
/// </summary>
public static class EcsCapacity
{
    /// <summary>The ARN of the service a target scales.</summary>
    public static string ServiceArn(ScalableTarget target) =>
        ArnsOf(target).Service(target.Service.Cluster, target.Service.Service);

    /// <summary>ECS's ARNs in the target's region and account (the account its own ARN names).</summary>
    private static EcsArns ArnsOf(ScalableTarget target) =>
        new(target.Region, Arn.TryParse(target.Arn, out var arn) ? arn.AccountId : SimulatedAccount.Id);

    /// <summary>Sets the service's desired count as UpdateService does ("This parameter doesn't trigger a new service deployment").</summary>
    public static Service SetDesiredCount(EcsEngine ecs, ScalableTarget target, int count)
    {
        var arns = ArnsOf(target);
        var command = new UpdateServiceCommand(arns.Cluster(target.Service.Cluster), ServiceArn(target), count,
            TaskDefinition: null, PlatformVersion: null, NetworkConfiguration: null, DeploymentConfiguration: null, ForceNewDeployment: false,
            HealthCheckGracePeriodSeconds: null, EnableExecuteCommand: null, EnableEcsManagedTags: null, PropagateTags: null);
        return ecs.Mutate(tx => ServiceCommands.Update(tx, arns, command));
    }

    /// <summary>True while a deployment is rolling out (Application Auto Scaling does not scale in then).</summary>
    public static bool Deploying(Service service) =>
        service.Deployments.Length > 1 || service.Deployments.Any(d => d.RolloutState == RolloutState.InProgress);
}
