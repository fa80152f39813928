using System.Collections.Concurrent;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Classroom;

/// <summary>Everything a classroom server told its observers, in order.</summary>
public sealed class RecordingObserver : IClassroomObserver
{
    public ConcurrentQueue<AnsweredCall> Calls { get; } = new();

    public ConcurrentQueue<ProgressReport> Reports { get; } = new();

    public void Answered(AnsweredCall call) => Calls.Enqueue(call);

    public void Reported(ProgressReport report) => Reports.Enqueue(report);
}

/// <summary>
/// A real simulator server serving a classroom of two learners (a fresh roster, each learner's key pair), on a free
/// loopback port with its own state directory. An xunit class fixture; the state directory is removed afterwards.
/// </summary>
public sealed class ClassroomSimulator : IAsyncLifetime
{
    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("ecs-workshop-classroom-").FullName;

    public Roster Roster { get; } = Roster.Generate(2);

    public RecordingObserver Observer { get; } = new();

    public SimulatorServer Server { get; private set; } = null!;

    public Learner A => Roster.Learners[0];

    public Learner B => Roster.Learners[1];

    /// <summary>The real AWS CLI signing with <paramref name="learner"/>'s key pair.</summary>
    public AwsCli Cli(Learner learner) => new(Server.Endpoint, accessKeyId: learner.AccessKeyId, secretAccessKey: learner.SecretAccessKey);

    public async Task InitializeAsync() => Server = await StartAsync();

    /// <summary>Starts a server on the same state directory and roster (after the previous one was stopped).</summary>
    public Task<SimulatorServer> StartAsync() => SimulatorServer.StartAsync(new SimulatorOptions
    {
        Port = 0,
        StateDirectory = StateDirectory,
        Simulation = SimulationSettings.AtSpeed(RunningSimulator.Speed),
        TickInterval = TimeSpan.FromMilliseconds(50),
        Classroom = new ClassroomOptions(Roster, "test-host-token-0123456789abcdef0123") { Observers = [Observer] },
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
