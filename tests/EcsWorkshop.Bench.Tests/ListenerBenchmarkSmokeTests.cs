using EcsWorkshop.Bench;
using EcsWorkshop.Bench.Listener;

namespace EcsWorkshop.Bench.Tests;

public sealed class ListenerBenchmarkSmokeTests
{
    [Fact]
    public async Task A_service_behind_the_listener_answers_the_load_and_is_compared_with_a_task_when_containers_run()
    {
        var options = BenchSettings.Quick.Listener;

        var result = await ListenerBenchmark.RunAsync(options, TextWriter.Null);

        var docker = result.Runtime.StartsWith("Docker", StringComparison.Ordinal);
        Assert.Equal(docker ? 4 : 2, result.Loads.Count);
        Assert.All(result.Loads, l => Assert.True(l.Requests > 0 && l.RequestsPerSecond > 0 && l.P50Ms > 0 && l.P99Ms >= l.P50Ms, $"{l}"));
        Assert.All(result.Loads.Where(l => l.Path == "/"), l => Assert.Equal(0, l.NotOk));
        Assert.All(result.Loads.Where(l => l.Path == "/no-such-page"), l => Assert.Equal(l.Requests, l.NotOk));
        Assert.Equal(docker ? 2 : 1, result.Loads.Select(l => l.Route).Distinct().Count());
    }

    [Fact]
    public void Wrk_reports_are_read_in_milliseconds()
    {
        const string report = """
            Running 1s test @ http://127.0.0.1:8080/
              2 threads and 2 connections
              Latency Distribution
                 50%  512.00us
                 75%  800.00us
                 90%    1.20ms
                 99%    3.50ms
              2000 requests in 1.00s, 1.00MB read
              Non-2xx or 3xx responses: 7
            Requests/sec:   1999.50
            Transfer/sec:      1.00MB
            """;

        var result = ListenerBenchmark.ParseWrk("through the listener", "/", report);

        Assert.Equal((1999.50, 0.512, 3.5, 2000L, 7L), (result.RequestsPerSecond, result.P50Ms, result.P99Ms, result.Requests, result.NotOk));
    }
}
