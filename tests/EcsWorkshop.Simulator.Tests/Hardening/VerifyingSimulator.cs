using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// A real simulator server that verifies SigV4 signatures against the workshop's documented key pair (the one
/// <see cref="TestSupport.AwsCli"/> signs with). An xunit class fixture; its state directory is removed afterwards.
/// </summary>
public sealed class VerifyingSimulator : IAsyncLifetime
{
    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("ecs-workshop-sigv4-").FullName;

    public SimulatorServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SimulatorServer.StartAsync(new SimulatorOptions
    {
        Port = 0,
        StateDirectory = StateDirectory,
        Simulation = SimulationSettings.AtSpeed(20),
        SignatureVerification = SignatureVerification.Workshop,
    });

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
