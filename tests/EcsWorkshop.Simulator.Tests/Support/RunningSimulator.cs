using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>
/// A real simulator server on a free loopback port with its own state directory, fast enough that lifecycles take
/// a second or two. Use as an xunit class fixture; the state directory is removed afterwards.
/// </summary>
public sealed class RunningSimulator : IAsyncLifetime
{
    public const double Speed = 20;

    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("ecs-workshop-test-").FullName;

    public SimulatorServer Server { get; private set; } = null!;

    public AwsCli Cli => new(Server.Endpoint);

    public async Task InitializeAsync() => Server = await StartAsync();

    /// <summary>Starts a server on the same state directory (after the previous one was stopped).</summary>
    public Task<SimulatorServer> StartAsync() => SimulatorServer.StartAsync(new SimulatorOptions
    {
        Port = 0,
        StateDirectory = StateDirectory,
        Simulation = SimulationSettings.AtSpeed(Speed),
        TickInterval = TimeSpan.FromMilliseconds(50),
    });

    /// <summary>Stops the server and starts a new one on the same state (a restart).</summary>
    public async Task RestartAsync()
    {
        await Server.DisposeAsync();
        Server = await StartAsync();
    }

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
