using EcsWorkshop.Bench;
using EcsWorkshop.Bench.Registry;

namespace EcsWorkshop.Bench.Tests;

public sealed class RegistryBenchmarkSmokeTests
{
    [Fact]
    public async Task A_one_megabyte_image_is_pushed_to_and_pulled_from_the_simulator_and_the_CNCF_registry()
    {
        var options = BenchSettings.Quick.Registry;

        var result = await RegistryBenchmark.RunAsync(options, TextWriter.Null);

        Assert.InRange(result.ImageBytes, 1_000_000, 1_100_000);
        Assert.Equal([RegistryResult.Simulator, RegistryResult.Distribution], result.Rounds.Select(r => r.Registry));
        Assert.All(result.Rounds, round =>
        {
            Assert.True(round.PushSeconds > 0 && round.PullSeconds > 0);
            Assert.True(round.BaselineResidentBytes > 0 && round.PushPeakResidentBytes >= round.BaselineResidentBytes / 2);
        });
    }
}
