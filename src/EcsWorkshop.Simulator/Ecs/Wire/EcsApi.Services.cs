using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed partial class EcsApi
{
    private void AddServiceOperations(AwsJsonService service)
    {
        _ = service;
    }
}
