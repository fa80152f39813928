using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed partial class EcsApi
{
    private void AddTaskDefinitionOperations(AwsJsonService service)
    {
        _ = service;
    }
}
