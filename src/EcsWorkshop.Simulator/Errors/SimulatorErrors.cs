using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Aws.Query;
using EcsWorkshop.Simulator.Ec2.Domain;
using EcsWorkshop.Simulator.Elbv2.Domain;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Ecr.Registry;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Logs.Domain;

namespace EcsWorkshop.Simulator.Errors;

/// <summary>Every error the simulator can answer with: each service's list, then the registry's and the JSON edge's.</summary>
public static class SimulatorErrors
{
    /// <summary>ECS, ECR, the <c>/v2/</c> registry, CloudWatch Logs, ELBv2, EC2, Application Auto Scaling, the JSON 1.1 and Query edges, in that order.</summary>
    public static IReadOnlyList<ServiceError> All =>
        [.. EcsErrors.All, .. EcrErrors.All, .. RegistryErrors.All, .. LogsErrors.All, .. Elbv2Errors.All, .. Ec2Errors.All, .. AutoScalingErrors.All, .. AwsErrors.All, .. QueryErrors.All];
}
