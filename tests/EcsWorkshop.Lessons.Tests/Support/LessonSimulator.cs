using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Lessons.Tests.Support;

/// <summary>
/// A simulator for lessons to talk to, as <c>workshop run</c> starts one: a free loopback port, its own state
/// directory (removed afterwards), speed 20. An xunit class fixture.
/// </summary>
public sealed class LessonSimulator : IAsyncLifetime
{
    public const double Speed = 20;

    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("ecs-workshop-lessons-").FullName;

    public SimulatorServer Server { get; private set; } = null!;

    /// <summary>The address lessons are given, without the trailing slash.</summary>
    public string Endpoint => Server.Endpoint.ToString().TrimEnd('/');

    /// <summary>The environment variables a lesson needs to find this simulator.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { [LessonSetup.EndpointVariable] = Endpoint };

    /// <summary>True when the simulator runs tasks as Docker containers (its health says <c>runtime: docker</c>): the lessons then build with Docker too.</summary>
    public bool TasksRunOnDocker { get; private set; }

    public async Task InitializeAsync()
    {
        Server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            StateDirectory = StateDirectory,
            Simulation = SimulationSettings.AtSpeed(Speed),
        });
        using var http = new HttpClient();
        using var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(Server.Endpoint, SimulatorServer.HealthPath)));
        TasksRunOnDocker = health.RootElement.TryGetProperty("runtime", out var runtime) && runtime.GetString() == "docker";
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
