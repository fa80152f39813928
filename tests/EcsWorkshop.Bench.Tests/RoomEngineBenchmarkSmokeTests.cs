using Docker.DotNet;
using EcsWorkshop.Bench.RoomEngine;
using EcsWorkshop.Simulator.Runtime.Docker;

namespace EcsWorkshop.Bench.Tests;

public sealed class RoomEngineBenchmarkSmokeTests
{
    private static string EngineHost => Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : DockerEndpoint.DefaultSocket;

    [Fact]
    public async Task The_counter_passes_requests_to_the_engine_and_counts_each_one()
    {
        await using var counter = new EngineRequestCounter(EngineRequestCounter.SocketPath(EngineHost));
        using var client = new DockerClientBuilder().WithEndpoint(new Uri(counter.Endpoint)).Build();

        for (var i = 0; i < 5; i++) await client.System.PingAsync();
        var version = await client.System.GetVersionAsync();

        Assert.False(string.IsNullOrEmpty(version.APIVersion));
        Assert.Equal(6, counter.Requests);
    }

    [Fact(Timeout = 300_000)]
    public async Task An_idle_room_on_the_Docker_runtime_is_watched_with_its_tasks_running_and_leaves_nothing_behind()
    {
        var options = EcsWorkshop.Bench.BenchSettings.Quick.RoomEngine;

        var result = await RoomEngineBenchmark.RunAsync(options, TextWriter.Null);

        Assert.Equal((options.Learners, options.ActiveLearners), (result.Learners, result.RunningTasks));
        Assert.True(result.Seconds >= options.Watched.TotalSeconds, $"{result}");
        Assert.True(result.MostOpenConnections >= 1, $"the events stream holds a connection: {result}");
        Assert.True(result.EngineRequests > 0, $"the scaled tasks' stats are read: {result}");
    }
}
