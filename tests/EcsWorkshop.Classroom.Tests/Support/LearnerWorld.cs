using System.Text.Json;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Errors;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Classroom.Tests.Support;

/// <summary>
/// A learner's own simulated account, built as the room builds one (a <see cref="Simulation"/> on its own store and
/// clock), driven through the services' real operation tables; every call is told to the observer as the room's edge
/// tells it (an <see cref="AnsweredCall"/> with the error the simulator really answered).
/// </summary>
public sealed class LearnerWorld : IDisposable
{
    public const string Region = "ap-northeast-1";

    private readonly DirectoryInfo _blobs = Directory.CreateTempSubdirectory("ecs-workshop-classroom-test-");
    private readonly IClassroomObserver _observer;
    private readonly TimeProvider _time;

    public LearnerWorld(Learner learner, IClassroomObserver observer, TimeProvider time, int seed = 7)
    {
        Learner = learner;
        _observer = observer;
        _time = time;
        Simulation = Simulation.Create(new SimulationSetup(
            StateStore.InMemory(), time, SimulationSettings.AtSpeed(1000), IdGenerator.Seeded(seed),
            new BlobStore(_blobs.FullName), RegistryTokens.Open(null, time), RegistryAddress.Fixed("localhost:4566")));
        Account = new LearnerAccount(learner, Simulation);
    }

    public Learner Learner { get; }

    public Simulation Simulation { get; }

    public LearnerAccount Account { get; }

    /// <summary>Calls an ECS operation; returns its answer, or null when the simulator answered an error (told to the observer either way).</summary>
    public JsonElement? Ecs(string operation, object request) => Call(Simulation.EcsApi, "ecs", operation, request);

    /// <summary>Calls an ECR operation, as <see cref="Ecs"/> does.</summary>
    public JsonElement? Ecr(string operation, object request) => Call(Simulation.EcrApi, "ecr", operation, request);

    /// <summary>Moves the learner's ECS world on to the clock's time (tasks start, services reach their counts).</summary>
    public void Advance() => Simulation.Ecs.Advance();

    /// <summary>Tells the observer of a progress report, as the room's progress endpoint does.</summary>
    public void Report(string lesson, string? check = null, bool? passed = null, bool exercise = false) =>
        _observer.Reported(new ProgressReport(Learner.AccountId, lesson, check, passed, null, _time.GetUtcNow(), exercise));

    private JsonElement? Call(AwsJsonService service, string name, string operation, object request)
    {
        var context = new RequestContext(Region, Learner.AccountId, Guid.NewGuid().ToString());
        try
        {
            var result = service.InvokeAsync(operation, context, JsonSerializer.SerializeToElement(request)).GetAwaiter().GetResult();
            _observer.Answered(new AnsweredCall(Learner.AccountId, name, operation, 200, null, null, _time.GetUtcNow()));
            return JsonSerializer.SerializeToElement(result, result.GetType(), service.Options);
        }
        catch (DomainError error)
        {
            _observer.Answered(new AnsweredCall(Learner.AccountId, name, operation, (int)error.Error.Status, error.Code, error.Message, _time.GetUtcNow()));
            return null;
        }
        catch (AwsServiceException error)
        {
            _observer.Answered(new AnsweredCall(Learner.AccountId, name, operation, (int)error.Status, error.Code, error.Message, _time.GetUtcNow()));
            return null;
        }
    }

    public void Dispose()
    {
        Simulation.Setup.Store.Dispose();
        _blobs.Delete(recursive: true);
    }
}
