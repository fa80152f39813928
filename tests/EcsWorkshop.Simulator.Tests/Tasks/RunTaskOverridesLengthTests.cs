using System.Text.Json;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tasks;

/// <summary>
/// RunTask's 8192-character limit on <c>overrides</c> is measured, as AWS does, on the overrides' JSON text as the
/// client sent it (the whole structure with its member names and formatting), not on any form the simulator keeps.
/// </summary>
public sealed class RunTaskOverridesLengthTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    public RunTaskOverridesLengthTests() => _world.WithFargateFamily();

    /// <summary>Overrides of the web container whose JSON text, as this test's client sends it, is exactly <paramref name="length"/> long.</summary>
    private static object OverridesOfLength(int length)
    {
        var empty = JsonSerializer.Serialize(Overrides("")).Length;
        var overrides = Overrides(new string('x', length - empty));
        Assert.Equal(length, JsonSerializer.Serialize(overrides).Length);
        return overrides;
    }

    private static object Overrides(string argument) => new { containerOverrides = new[] { new { name = "web", command = new[] { argument } } } };

    private object RunTask(object overrides) => new
    {
        cluster = TaskTestSupport.Cluster,
        taskDefinition = "web",
        launchType = "FARGATE",
        networkConfiguration = TaskTestSupport.Network,
        overrides,
    };

    [Fact]
    public void Overrides_of_exactly_8192_characters_as_sent_start_a_task()
    {
        var started = _world.Ecs("RunTask", RunTask(OverridesOfLength(8192)));

        Assert.Single(started.GetProperty("tasks").EnumerateArray());
        Assert.Single(_world.Engine.World.Tasks);
    }

    [Fact]
    public void Overrides_of_8193_characters_as_sent_are_refused_and_start_nothing()
    {
        var error = _world.EcsFails("RunTask", RunTask(OverridesOfLength(8193)));

        Assert.Equal(("InvalidParameterException", "Container Overrides length must be at most 8192"), (error.Code, error.Message));
        Assert.Empty(_world.Engine.World.Tasks);
    }

    public void Dispose() => _world.Dispose();
}
