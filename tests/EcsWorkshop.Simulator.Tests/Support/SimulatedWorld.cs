using System.Text.Json;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Wire;
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

    private readonly AwsJsonService _ecs;

    public SimulatedWorld(double speed = 1, StateStore? store = null, int seed = 42)
    {
        Store = store ?? StateStore.InMemory();
        Engine = new EcsEngine(Store, Clock, SimulationSettings.AtSpeed(speed), IdGenerator.Seeded(seed));
        _ecs = new EcsApi(Engine).CreateService();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    public StateStore Store { get; }

    public EcsEngine Engine { get; }

    public EcsArns Arns { get; } = new(Region, RequestContext.SimulatedAccountId);

    /// <summary>Calls an ECS operation with a request written as an anonymous object; returns the response JSON.</summary>
    public JsonElement Ecs(string operation, object? request = null)
    {
        var body = JsonSerializer.SerializeToElement(request ?? new { });
        var result = _ecs.InvokeAsync(operation, RequestContext.For(Region), body).GetAwaiter().GetResult();
        return JsonSerializer.SerializeToElement(result, result.GetType(), AwsJson.Options);
    }

    /// <summary>Calls an operation that must fail, and returns the error.</summary>
    public AwsServiceException EcsFails(string operation, object? request = null) =>
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
            if (condition(Engine.World)) return;
            Clock.Advance(step);
        }
        Assert.Fail($"The condition did not hold within {limit} of simulated time.");
    }

    public void Dispose() => Store.Dispose();
}
