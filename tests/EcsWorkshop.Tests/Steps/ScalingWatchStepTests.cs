using EcsWorkshop.Steps;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Steps;

/// <summary>
/// The lesson's Auto Scaling loop on the simulated runtime: load on, watch the scale-out, load off, watch the slower
/// scale-in; every observation lands in the service's timeline.
/// </summary>
public sealed class ScalingWatchStepTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    /// <summary>
    /// Target tracking as documented: capacity in proportion to the metric, rounded up (the simulator's stated formula,
    /// docs/auto-scaling.md), clamped to the maximum. Three tasks' worth of work shows min(100, 300 / n) % on n tasks.
    /// </summary>
    private static IReadOnlyList<int> ExpectedScaleOut(int from, double tasksWorth, double target, int max)
    {
        var counts = new List<int> { from };
        while (true)
        {
            var n = counts[^1];
            var cpu = Math.Min(100, tasksWorth * 100 / n);
            if (cpu <= target) return counts;
            var next = Math.Min(max, (int)Math.Ceiling(n * cpu / target));
            if (next == n) return counts;
            counts.Add(next);
        }
    }

    [Fact]
    public async Task Three_tasks_worth_of_load_scales_one_task_out_to_six_and_stopping_it_scales_back_to_one()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4", AwsLogs = false });
        await workshop.CreateServiceAsync(cluster, "web", family);
        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(30), cluster: cluster);
        await workshop.RegisterScalableTargetAsync("web", 1, 6, cluster);
        await workshop.PutCpuTargetTrackingPolicyAsync("web", 50, cluster: cluster);

        var load = await workshop.StartLoadAsync("web", tasksWorth: 3, cluster: cluster);
        var up = await workshop.WatchScalingAsync("web", desiredCount: 6, scalingMinutes: 20, cluster: cluster);

        Assert.Equal(3, load.Value.TasksWorth);
        Assert.Equal("web: タスクの必要数が 6 になり、6 個のタスクが実行中です", up.Title);
        var desiredSeen = up.Value.Samples.Select(s => s.DesiredCount).Distinct().ToList();
        Assert.Equal(ExpectedScaleOut(1, 3, 50, 6), desiredSeen);
        Assert.Equal(100, up.Value.Samples[0].CpuPercent);
        Assert.Equal(50, up.Value.Samples[^1].CpuPercent);
        Assert.Equal((1, 6, 50d, 20d), (up.Value.MinCapacity, up.Value.MaxCapacity, up.Value.TargetValue, up.Value.ClockSpeed));

        await workshop.StopLoadAsync("web", cluster);
        var down = await workshop.WatchScalingAsync("web", desiredCount: 1, scalingMinutes: 40, cluster: cluster);

        Assert.Equal("web: タスクの必要数が 1 になり、1 個のタスクが実行中です", down.Title);
        Assert.Equal(0, down.Value.Samples[^1].CpuPercent);
        // Scale-in waits for many more datapoints than scale-out: the flat stretch at six lasts longer than the climb.
        var firstSix = down.Value.Samples.First(s => s.DesiredCount == 6).Elapsed;
        var lastSix = down.Value.Samples.Last(s => s.DesiredCount == 6).Elapsed;
        var firstTwo = down.Value.Samples.First(s => s.DesiredCount == 2).Elapsed;
        Assert.True(lastSix - firstSix > firstSix - firstTwo, $"held six for {lastSix - firstSix}, climbed from two to six in {firstSix - firstTwo}");
        Assert.Same(down.Value, workshop.ScalingChart("web", cluster));
    }

    [Fact]
    public async Task Watching_for_a_count_that_never_comes_ends_at_the_limit_with_what_was_seen()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4", AwsLogs = false });
        await workshop.CreateServiceAsync(cluster, "idle", family);

        var watched = await workshop.WatchScalingAsync("idle", desiredCount: 3, scalingMinutes: 1, cluster: cluster);

        Assert.StartsWith("idle: 1 分の間に 3 になりませんでした", watched.Title);
        Assert.NotEmpty(watched.Value.Samples);
        Assert.All(watched.Value.Samples, s => Assert.Null(s.CpuPercent));
    }
}
