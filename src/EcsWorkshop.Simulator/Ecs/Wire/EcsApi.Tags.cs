using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed partial class EcsApi
{
    private void AddTagOperations(AwsJsonService service)
    {
        _ = service;
    }
}
