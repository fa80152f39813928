using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>
/// A real simulator server in this process, on a loopback port the kernel picks (port 0), over a state directory of its
/// own, fast enough that lifecycles take a second or two: started for a class of tests (an xunit class fixture),
/// restartable on the same state, its state directory removed afterwards. A kind of server says only how its options
/// differ (<see cref="Configure"/>).
/// </summary>
public abstract class ServedSimulator(string stateFolderPrefix) : IAsyncLifetime
{
    /// <summary>How fast the served simulators run.</summary>
    public const double Speed = 20;

    public string StateDirectory { get; } = Directory.CreateTempSubdirectory(stateFolderPrefix).FullName;

    public SimulatorServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await StartAsync();

    /// <summary>Starts a server on the same state directory (after the previous one was stopped).</summary>
    public Task<SimulatorServer> StartAsync() => SimulatorServer.StartAsync(Configure(new SimulatorOptions
    {
        Port = 0,
        StateDirectory = StateDirectory,
        Simulation = SimulationSettings.AtSpeed(Speed),
        TickInterval = TimeSpan.FromMilliseconds(50),
    }));

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

    /// <summary>This kind of server's options: the common ones as given, or changed.</summary>
    protected virtual SimulatorOptions Configure(SimulatorOptions options) => options;
}
