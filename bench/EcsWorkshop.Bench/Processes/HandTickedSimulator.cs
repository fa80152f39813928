using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace EcsWorkshop.Bench.Processes;

/// <summary>
/// The real simulator server in this process, on a fake clock and a temporary state directory, at realistic speed with
/// a fixed seed; its own loop never ticks, so the bench moves <see cref="Clock"/> and runs each tick by hand. Disposing
/// it stops the server and deletes the state directory.
/// </summary>
public sealed class HandTickedSimulator : IAsyncDisposable
{
    private HandTickedSimulator(FakeTimeProvider clock, SimulatorServer server, string stateDirectory)
    {
        Clock = clock;
        Server = server;
        StateDirectory = stateDirectory;
    }

    /// <summary>The simulated clock the bench moves.</summary>
    public FakeTimeProvider Clock { get; }

    public SimulatorServer Server { get; }

    public string StateDirectory { get; }

    /// <summary>Starts a server on a new state directory named <paramref name="stateFolderPrefix"/>….</summary>
    public static async Task<HandTickedSimulator> StartAsync(string stateFolderPrefix, CancellationToken cancellationToken)
    {
        var state = Directory.CreateTempSubdirectory(stateFolderPrefix).FullName;
        try
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var server = await SimulatorServer.StartAsync(new SimulatorOptions
            {
                Port = 0,
                StateDirectory = state,
                Simulation = SimulationSettings.Realistic,
                Time = clock,
                // The server's own loop would tick on the fake clock too; the bench ticks by hand instead.
                TickInterval = TimeSpan.FromDays(30),
                Seed = 1,
                Runtime = EcsWorkshop.Simulator.Runtime.RuntimeChoice.Simulated,
            }, cancellationToken).ConfigureAwait(false);
            return new HandTickedSimulator(clock, server, state);
        }
        catch
        {
            DeleteState(state);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync().ConfigureAwait(false);
        DeleteState(StateDirectory);
    }

    private static void DeleteState(string state)
    {
        try
        {
            Directory.Delete(state, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
