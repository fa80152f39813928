using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;
using EcsWorkshop.Simulator.Ec2.Domain;
using EcsWorkshop.Simulator.Elbv2.Domain;
using EcsWorkshop.Simulator.Errors;
using System.Text.Json;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Logs.Domain;
using EcsWorkshop.Simulator.Storage;
using Microsoft.Extensions.Time.Testing;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>
/// An ECS world on a fake clock, driven through the same operation table the server uses (JSON in, JSON out),
/// without HTTP. Time only moves when a test moves it.
/// </summary>
public sealed class SimulatedWorld : IDisposable
{
    public const string Region = "ap-northeast-1";

    /// <summary>The registry host the simulated ECR's repository URIs name in <see cref="WithEcrAndLogs"/> worlds.</summary>
    public const string RegistryHost = "localhost:4566";

    private readonly DirectoryInfo _blobs = Directory.CreateTempSubdirectory("ecs-workshop-test-blobs-");
    private readonly AwsJsonService _ecs;
    private readonly AwsJsonService? _ecr;
    private readonly AwsJsonService? _logs;
    private readonly AwsJsonService _autoScaling;

    public SimulatedWorld(double speed = 1, StateStore? store = null, int seed = 42)
        : this(speed, store, seed, withEcrAndLogs: false)
    {
    }

    /// <summary>A world with its own simulation settings (a Spot interruption rate, say).</summary>
    public SimulatedWorld(SimulationSettings settings, int seed = 42)
        : this(settings.Speed, null, seed, withEcrAndLogs: false, settings)
    {
    }

    private SimulatedWorld(double speed, StateStore? store, int seed, bool withEcrAndLogs, SimulationSettings? settings = null)
    {
        Store = store ?? StateStore.InMemory();
        var simulation = Simulation.Create(new SimulationSetup(
            Store, Clock, settings ?? SimulationSettings.AtSpeed(speed), IdGenerator.Seeded(seed),
            new BlobStore(_blobs.FullName), RegistryTokens.Open(null, Clock), RegistryAddress.Fixed(RegistryHost))
        {
            EcsAlone = !withEcrAndLogs,
        });
        Engine = simulation.Ecs;
        Elbv2 = simulation.Elbv2;
        Ec2 = simulation.Ec2;
        _ecs = simulation.EcsApi;
        AutoScalingEngine = simulation.AutoScaling;
        _autoScaling = simulation.AutoScalingApi;
        if (withEcrAndLogs)
        {
            EcrEngine = simulation.Ecr;
            LogsEngine = simulation.Logs;
            _ecr = simulation.EcrApi;
            _logs = simulation.LogsApi;
        }
    }

    /// <summary>An ECS world with the simulated ECR and CloudWatch Logs around it, as the server wires them.</summary>
    public static SimulatedWorld WithEcrAndLogs(double speed = 1) => new(speed, null, 42, withEcrAndLogs: true);

    /// <summary>The simulated ECR (only in <see cref="WithEcrAndLogs"/> worlds).</summary>
    public EcrEngine? EcrEngine { get; }

    /// <summary>The simulated CloudWatch Logs (only in <see cref="WithEcrAndLogs"/> worlds).</summary>
    public LogsEngine? LogsEngine { get; }

    /// <summary>Calls an ECR operation; returns the response JSON.</summary>
    public JsonElement Ecr(string operation, object? request = null) => Invoke(_ecr ?? throw new InvalidOperationException("No ECR in this world."), operation, request);

    /// <summary>Calls a CloudWatch Logs operation; returns the response JSON.</summary>
    public JsonElement Logs(string operation, object? request = null) => Invoke(_logs ?? throw new InvalidOperationException("No Logs in this world."), operation, request);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    public StateStore Store { get; }

    public EcsEngine Engine { get; }

    /// <summary>The simulated Elastic Load Balancing beside ECS (ECS registers service tasks in it).</summary>
    public Elbv2Engine Elbv2 { get; }

    /// <summary>The simulated EC2 networking (the default VPC load balancers are made in).</summary>
    public Ec2Engine Ec2 { get; }

    public EcsArns Arns { get; } = new(Region, SimulatedAccount.Id);

    /// <summary>The simulated Application Auto Scaling beside ECS (target tracking moves with <see cref="Advance"/>).</summary>
    public AutoScalingEngine AutoScalingEngine { get; }

    /// <summary>Calls an Application Auto Scaling operation (PascalCase members); returns the response JSON.</summary>
    public JsonElement AutoScaling(string operation, object? request = null) => Invoke(_autoScaling, operation, request);

    /// <summary>Calls an Application Auto Scaling operation that must fail, and returns the error.</summary>
    public DomainError AutoScalingFails(string operation, object? request = null) =>
        Assert.ThrowsAny<DomainError>(() => AutoScaling(operation, request));

    /// <summary>
    /// Calls an ECS operation with a request written as an anonymous object; returns the response JSON. An answer with
    /// a hand-written writer is checked to be the serializer's bytes on every call.
    /// </summary>
    public JsonElement Ecs(string operation, object? request = null) => Invoke(_ecs, operation, request);

    private static JsonElement Invoke(AwsJsonService service, string operation, object? request)
    {
        var body = JsonSerializer.SerializeToElement(request ?? new { });
        var result = service.InvokeAsync(operation, RequestContext.For(Region), body).GetAwaiter().GetResult();
        AnswerBytes.AssertHandWrittenIsSerialized(service, result);
        return JsonSerializer.SerializeToElement(result, result.GetType(), service.Options);
    }

    /// <summary>Calls an operation that must fail, and returns the error.</summary>
    public DomainError EcsFails(string operation, object? request = null) =>
        Assert.ThrowsAny<DomainError>(() => Ecs(operation, request));

    /// <summary>Calls an operation that the JSON edge must refuse before the domain sees it (a malformed body), and returns the error.</summary>
    public AwsServiceException EcsFailsAtEdge(string operation, object? request = null) =>
        Assert.ThrowsAny<AwsServiceException>(() => Ecs(operation, request));

    /// <summary>Moves the clock on in ticks (one second by default), letting the scheduler act at each tick.</summary>
    public void Advance(TimeSpan duration, TimeSpan? tick = null)
    {
        var step = tick ?? TimeSpan.FromSeconds(1);
        var remaining = duration;
        while (remaining > TimeSpan.Zero)
        {
            var next = remaining < step ? remaining : step;
            Clock.Advance(next);
            Engine.Advance();
            AutoScalingEngine.Advance();
            remaining -= next;
        }
    }

    /// <summary>Ticks until <paramref name="condition"/> holds, failing after <paramref name="limit"/> of simulated time.</summary>
    public void AdvanceUntil(Func<EcsWorld, bool> condition, TimeSpan limit, TimeSpan? tick = null)
    {
        var step = tick ?? TimeSpan.FromSeconds(1);
        for (var waited = TimeSpan.Zero; waited <= limit; waited += step)
        {
            Engine.Advance();
            AutoScalingEngine.Advance();
            if (condition(Engine.World)) return;
            Clock.Advance(step);
        }
        Assert.Fail($"The condition did not hold within {limit} of simulated time.");
    }

    public void Dispose()
    {
        Store.Dispose();
        _blobs.Delete(recursive: true);
    }
}
