using EcsWorkshop.Bench;
using EcsWorkshop.Bench.Scheduler;

namespace EcsWorkshop.Bench.Tests;

public sealed class SchedulerBenchmarkSmokeTests
{
    [Fact]
    public async Task Ten_services_of_ten_tasks_converge_in_simulated_time_and_are_queried_at_that_size()
    {
        var options = BenchSettings.Quick.Scheduler;

        var result = await SchedulerBenchmark.RunAsync(options, TextWriter.Null);

        Assert.Equal(10, result.Services);
        Assert.Equal(100, result.RunningTasks);
        // A Fargate task takes about 21 simulated seconds to reach RUNNING, one tick per simulated second.
        Assert.InRange(result.Ticks, 15, 120);
        Assert.True(result.PeakManagedBytes > 0 && result.PeakResidentBytes > 0 && result.StateBytes > 0);
        Assert.Equal(4, result.Queries.Count);
        Assert.All(result.Queries.Values, q => Assert.Equal(options.QueryRepetitions, q.Count));
        Assert.Contains("DescribeTasks (100 tasks)", result.Queries.Keys);
    }
}
