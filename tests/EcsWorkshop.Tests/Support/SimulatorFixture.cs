using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Tests.Support;

/// <summary>A real simulator in-process on a free port with its own temp state directory, at speed 20.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("ecs-workshop-lib-test-").FullName;

    public SimulatorServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SimulatorServer.StartAsync(new SimulatorOptions
    {
        Port = 0,
        StateDirectory = StateDirectory,
        Simulation = SimulationSettings.AtSpeed(20),
        TickInterval = TimeSpan.FromMilliseconds(50),
    });

    /// <summary>A new session (its own id) against this simulator, printing nothing.</summary>
    public Task<Workshop> NewWorkshopAsync(TextWriter? output = null) =>
        Workshop.ConnectToSimulatorAsync(Server.Endpoint, new WorkshopOptions
        {
            ProgressOutput = output,
            PollInterval = TimeSpan.FromMilliseconds(50),
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

/// <summary>Names unique within a test run, so tests sharing one simulator do not meet.</summary>
public static class Unique
{
    private static int _next;

    public static string Name(string prefix) => $"{prefix}-{Interlocked.Increment(ref _next)}-{Guid.NewGuid().ToString("N")[..6]}";
}

/// <summary>A small build context: a Dockerfile and one file.</summary>
public static class BuildContexts
{
    public static string Small(string text = "hello from the workshop")
    {
        var directory = Directory.CreateTempSubdirectory("ecs-workshop-context-").FullName;
        File.WriteAllText(Path.Combine(directory, "Dockerfile"), "FROM scratch\nCOPY index.html /usr/share/nginx/html/index.html\nEXPOSE 80\nCMD [\"/serve\"]\n");
        File.WriteAllText(Path.Combine(directory, "index.html"), text);
        return directory;
    }
}
