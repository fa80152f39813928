using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Runtime;
using EcsWorkshop.Simulator.Runtime.Docker;

namespace EcsWorkshop.Lessons.Tests.Support;

/// <summary>
/// A simulator for lessons to talk to, as <c>workshop run</c> starts one: a free loopback port, its own state
/// directory (removed afterwards), speed 20, and the runtime the test names (<see cref="SimulatedLessonSimulator"/>,
/// <see cref="DockerLessonSimulator"/>). With Docker, every image the lessons build carries this simulator's own
/// label (<see cref="LessonSetup.DockerLabelsVariable"/>), and disposing removes those images after the simulator has
/// removed its task containers, as <c>workshop run</c> does.
/// </summary>
public abstract class LessonSimulator(RuntimeChoice runtime) : IAsyncLifetime
{
    public const double Speed = 20;

    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("ecs-workshop-lessons-").FullName;

    public SimulatorServer Server { get; private set; } = null!;

    /// <summary>The address lessons are given, without the trailing slash.</summary>
    public string Endpoint => Server.Endpoint.ToString().TrimEnd('/');

    /// <summary>The label (<c>key=value</c>) on every image the lessons build with Docker.</summary>
    public string ImageLabel { get; } = $"{WorkshopLabels.LessonRun}=lessons-test-{Guid.NewGuid():N}";

    /// <summary>The environment variables a lesson needs to find this simulator (and, on Docker, to label its images).</summary>
    public IReadOnlyDictionary<string, string> Environment => TasksRunOnDocker
        ? new Dictionary<string, string> { [LessonSetup.EndpointVariable] = Endpoint, [LessonSetup.DockerLabelsVariable] = ImageLabel }
        : new Dictionary<string, string> { [LessonSetup.EndpointVariable] = Endpoint };

    /// <summary>True when the simulator runs tasks as Docker containers (its health says <c>runtime: docker</c>): the lessons then build with Docker too.</summary>
    public bool TasksRunOnDocker { get; private set; }

    public async Task InitializeAsync()
    {
        Server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            StateDirectory = StateDirectory,
            Simulation = SimulationSettings.AtSpeed(Speed),
            Runtime = runtime,
        });
        using var http = new HttpClient();
        using var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(Server.Endpoint, SimulatorServer.HealthPath)));
        TasksRunOnDocker = health.RootElement.TryGetProperty("runtime", out var kind) && kind.GetString() == "docker";
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        if (TasksRunOnDocker)
        {
            using var client = DockerEndpoint.Connect(DockerEndpoint.FromEnvironment());
            await LabelledImages.RemoveAsync(client, ImageLabel, CancellationToken.None);
        }
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A lesson simulator on the simulated runtime (no containers; tasks move on the clock). An xunit class fixture.</summary>
public sealed class SimulatedLessonSimulator() : LessonSimulator(RuntimeChoice.Simulated);

/// <summary>A lesson simulator on the Docker runtime (fails to start when no engine answers). An xunit class fixture.</summary>
public sealed class DockerLessonSimulator() : LessonSimulator(RuntimeChoice.Docker);
