using EcsWorkshop.Bench;
using EcsWorkshop.Bench.Scaling;

namespace EcsWorkshop.Bench.Tests;

public sealed class ScalingBenchmarkSmokeTests
{
    [Fact]
    public async Task Ten_saturated_services_scale_out_then_back_in_when_idle_and_each_simulated_minute_is_timed()
    {
        var options = BenchSettings.Quick.Scaling;

        var result = await ScalingBenchmark.RunAsync(options, TextWriter.Null);

        Assert.Equal(10, result.Services);
        Assert.Equal(22, result.SimulatedMinutes);
        Assert.True(result.MeanMinuteMs > 0 && result.SlowestMinuteMs >= result.MeanMinuteMs);
        // 300 % on one task: ceil(1 × 100 / 50) = 2, then ceil(2 × 100 / 50) = 4, ... up to the maximum of 6.
        Assert.True(result.ScaleOuts >= 10, $"{result.ScaleOuts} scale-outs");
        Assert.Equal(60, result.Phases[0].DesiredAtEnd);
        // Idle for 17 minutes: after 15 low minutes each service scales in to ceil(6 × 5 / 50) = 1.
        Assert.Equal(10, result.ScaleIns);
        Assert.Equal(10, result.Phases[1].DesiredAtEnd);
        var report = ScalingBenchmark.Report(result, options);
        Assert.Equal("scaling", report.Name);
    }
}
