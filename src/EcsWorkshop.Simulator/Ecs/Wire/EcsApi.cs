using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain;

namespace EcsWorkshop.Simulator.Ecs.Wire;

/// <summary>
/// The ECS API as a JSON 1.1 service: each operation maps its request into the domain, runs it on the engine and
/// maps the result back. Operations are grouped by resource in the partial files beside this one.
/// </summary>
public sealed partial class EcsApi(EcsEngine engine)
{
    /// <summary>The target prefix ECS clients send in <c>X-Amz-Target</c>.</summary>
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113";

    /// <summary>The service with every operation registered.</summary>
    public AwsJsonService CreateService()
    {
        var service = new AwsJsonService(TargetPrefix, "ecs");
        AddClusterOperations(service);
        AddTaskDefinitionOperations(service);
        AddServiceOperations(service);
        AddTaskOperations(service);
        AddTagOperations(service);
        return service;
    }

    private static EcsArns ArnsFor(RequestContext context) => new(context.Region, context.AccountId);
}
