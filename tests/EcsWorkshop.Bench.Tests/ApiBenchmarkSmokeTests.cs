using EcsWorkshop.Bench;
using EcsWorkshop.Bench.Api;

namespace EcsWorkshop.Bench.Tests;

public sealed class ApiBenchmarkSmokeTests
{
    [Fact]
    public async Task A_short_run_drives_the_simulator_and_moto_with_the_hands_on_mix_without_a_failure()
    {
        var options = BenchSettings.Quick.Api;

        var result = await ApiBenchmark.RunAsync(options, TextWriter.Null);

        Assert.Equal([ApiResult.Simulator, ApiResult.Moto], result.Runs.Select(r => r.Server));
        Assert.All(result.Runs, run =>
        {
            Assert.True(run.Failures == 0, $"{run.Server}: {string.Join("; ", run.FailureSamples)}");
            Assert.True(run.Requests >= HandsOnMix.Operations.Count, $"{run.Server} answered only {run.Requests} requests");
            Assert.Equal(HandsOnMix.Operations.Distinct().Order(), run.ByOperation.Keys.Order());
            Assert.True(run.Latency.P50Ms > 0 && run.Latency.P50Ms <= run.Latency.P99Ms);
            Assert.True(run.ServerCpuSeconds > 0, $"{run.Server} used no CPU time that /proc shows");
        });
        Assert.True(double.IsFinite(result.ThroughputRatio(options.Clients[0])) && result.ThroughputRatio(options.Clients[0]) > 0);
    }
}
