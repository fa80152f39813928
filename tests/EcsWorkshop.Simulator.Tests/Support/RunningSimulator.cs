namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>A plain simulator server (see <see cref="ServedSimulator"/>), driven with the workshop's documented credentials.</summary>
public sealed class RunningSimulator() : ServedSimulator("ecs-workshop-test-")
{
    public AwsCli Cli => new(Server.Endpoint);
}
