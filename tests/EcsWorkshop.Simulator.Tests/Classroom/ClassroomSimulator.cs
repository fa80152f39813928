using System.Collections.Concurrent;
using EcsWorkshop.Simulator.Accounts;
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
/// A simulator server (see <see cref="ServedSimulator"/>) serving a classroom of two learners: a fresh roster, each
/// learner's key pair, an observer that records what the room tells it.
/// </summary>
public sealed class ClassroomSimulator() : ServedSimulator("ecs-workshop-classroom-")
{
    public Roster Roster { get; } = Roster.Generate(2);

    public RecordingObserver Observer { get; } = new();

    public Learner A => Roster.Learners[0];

    public Learner B => Roster.Learners[1];

    /// <summary>The real AWS CLI signing with <paramref name="learner"/>'s key pair.</summary>
    public AwsCli Cli(Learner learner) => new(Server.Endpoint, accessKeyId: learner.AccessKeyId, secretAccessKey: learner.SecretAccessKey);

    protected override SimulatorOptions Configure(SimulatorOptions options) =>
        options with { Classroom = new ClassroomOptions(Roster, "test-host-token-0123456789abcdef0123") { Observers = [Observer] } };
}
