using System.Diagnostics;
using System.Net.Http.Json;
using EcsWorkshop.Bench.Api;
using EcsWorkshop.Bench.Processes;
using EcsWorkshop.Bench.Reporting;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Bench.Scaling;

/// <summary>One phase of the load curve: how long it lasts and the CPU load each service gets (by its index).</summary>
public sealed record LoadPhase(string Name, int Minutes, Func<int, double> CpuPercent);

/// <summary>How many scalable services and the load curve they go through.</summary>
public sealed record ScalingOptions(int Services, int DesiredCount, int MinCapacity, int MaxCapacity, IReadOnlyList<LoadPhase> Phases)
{
    /// <summary>200 services of 2 tasks (1 to 10): mixed load for 10 min, half of them saturated for 15 min, then idle for 20 min.</summary>
    public static ScalingOptions Full { get; } = new(200, 2, 1, 10,
    [
        new("mixed load (20-100 %)", 10, i => 20 + i % 5 * 20),
        new("half saturated (300 % / 10 %)", 15, i => i % 2 == 0 ? 300 : 10),
        new("idle (5 %)", 20, _ => 5),
    ]);

    /// <summary>10 services: saturated for 5 min, then idle for 17 min (long enough for a scale-in).</summary>
    public static ScalingOptions Quick { get; } = new(10, 1, 1, 6,
    [
        new("saturated (300 %)", 5, _ => 300),
        new("idle (5 %)", 17, _ => 5),
    ]);
}

/// <summary>What the scaling benchmark measured.</summary>
public sealed record ScalingResult(
    int Services,
    int SimulatedMinutes,
    double WallSeconds,
    double MeanMinuteMs,
    double SlowestMinuteMs,
    double MeanTickMs,
    double MeanScalingTickMs,
    int ScaleOuts,
    int ScaleIns,
    int PeakRunningTasks,
    IReadOnlyList<(string Phase, double Load, int DesiredAtEnd, int RunningAtEnd)> Phases);

/// <summary>
/// Target tracking at scale: the real server in this process on a fake clock, N services registered as scalable
/// targets with a CPU target tracking policy (50 %) over HTTP, the workshop load control setting each phase's load
/// over HTTP, then the clock moved a simulated second at a time, running the ECS scheduler and target tracking each tick.
/// The figure is the wall time one simulated minute takes.
/// </summary>
public static class ScalingBenchmark
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private const string Cluster = "scaling";

    public static async Task<ScalingResult> RunAsync(ScalingOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        await using var simulator = await HandTickedSimulator.StartAsync("ecs-workshop-bench-scaling-", cancellationToken).ConfigureAwait(false);
        var (server, clock) = (simulator.Server, simulator.Clock);
        using var ecs = AwsJsonClient.Ecs(server.Endpoint);
        using var scaling = new AwsJsonClient(server.Endpoint, "AnyScaleFrontendService", "application-autoscaling");
        using var http = new HttpClient { BaseAddress = server.Endpoint };
        var autoScaling = server.AutoScaling;

        await CreateScalableServicesAsync(ecs, scaling, options, cancellationToken).ConfigureAwait(false);
        void TickOnce()
        {
            clock.Advance(Tick);
            server.Engine.Advance();
            autoScaling.Advance();
        }
        // Until every service runs its first tasks.
        for (var i = 0; i < 120; i++) TickOnce();
        await progress.WriteLineAsync($"  {options.Services} scalable services created and running").ConfigureAwait(false);

        var minutes = new List<double>();
        var ticks = new List<double>();
        var scalingTicks = new List<double>();
        var phases = new List<(string, double, int, int)>();
        var peak = 0;
        var wall = Stopwatch.StartNew();
        foreach (var phase in options.Phases)
        {
            for (var i = 0; i < options.Services; i++)
            {
                using var set = await http.PostAsJsonAsync("/_workshop/load",
                    new { cluster = Cluster, service = ServiceName(i), cpuPercent = phase.CpuPercent(i), region = AwsJsonClient.Region }, cancellationToken).ConfigureAwait(false);
                if (!set.IsSuccessStatusCode) throw new InvalidOperationException($"The load control refused: {await set.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
            }
            for (var minute = 0; minute < phase.Minutes; minute++)
            {
                var started = Stopwatch.StartNew();
                for (var second = 0; second < 60; second++)
                {
                    clock.Advance(Tick);
                    var tick = Stopwatch.StartNew();
                    server.Engine.Advance();
                    var ecsDone = tick.Elapsed;
                    autoScaling.Advance();
                    ticks.Add(tick.Elapsed.TotalMilliseconds);
                    scalingTicks.Add((tick.Elapsed - ecsDone).TotalMilliseconds);
                }
                minutes.Add(started.Elapsed.TotalMilliseconds);
                peak = Math.Max(peak, Running(server));
            }
            var desired = server.Engine.World.Services.Values.Sum(s => s.DesiredCount);
            phases.Add((phase.Name, Enumerable.Range(0, options.Services).Average(phase.CpuPercent), desired, Running(server)));
            await progress.WriteLineAsync($"  {phase.Name}: {phase.Minutes} simulated min; desired {desired}, running {Running(server)}").ConfigureAwait(false);
        }
        var activities = autoScaling.World.Activities.Values.Where(a => !a.NotScaled).ToList();
        return new ScalingResult(
            options.Services, minutes.Count, wall.Elapsed.TotalSeconds, minutes.Average(), minutes.Max(), ticks.Average(), scalingTicks.Average(),
            activities.Count(a => a.Cause.Contains("-AlarmHigh-", StringComparison.Ordinal)),
            activities.Count(a => a.Cause.Contains("-AlarmLow-", StringComparison.Ordinal)),
            peak, phases);
    }

    private static int Running(SimulatorServer server) => server.Engine.World.Tasks.Values.Count(t => t.LastStatus == EcsTaskStatus.Running);

    private static async Task CreateScalableServicesAsync(AwsJsonClient ecs, AwsJsonClient scaling, ScalingOptions options, CancellationToken cancellationToken)
    {
        await FargateServices.CreateAsync(ecs, Cluster, "scaling-web", options.Services, options.DesiredCount, ServiceName, cancellationToken, async service =>
        {
            var resourceId = $"service/{Cluster}/{service}";
            await scaling.RequireAsync("RegisterScalableTarget", new
            {
                ServiceNamespace = "ecs", ResourceId = resourceId, ScalableDimension = "ecs:service:DesiredCount",
                MinCapacity = options.MinCapacity, MaxCapacity = options.MaxCapacity,
            }, cancellationToken).ConfigureAwait(false);
            await scaling.RequireAsync("PutScalingPolicy", new
            {
                PolicyName = "cpu50", ServiceNamespace = "ecs", ResourceId = resourceId, ScalableDimension = "ecs:service:DesiredCount",
                PolicyType = "TargetTrackingScaling",
                TargetTrackingScalingPolicyConfiguration = new
                {
                    TargetValue = 50.0,
                    PredefinedMetricSpecification = new { PredefinedMetricType = "ECSServiceAverageCPUUtilization" },
                },
            }, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static string ServiceName(int i) => $"svc-{i:0000}";

    /// <summary>The tables: wall time per simulated minute, the scaling it did, and where each phase ended.</summary>
    public static BenchReport Report(ScalingResult result, ScalingOptions options)
    {
        var speed = new ResultTable("Wall time per simulated minute", "Scalable services", "Simulated minutes", "Wall s", "Mean ms per simulated minute",
            "Slowest minute ms", "Mean tick ms (ECS + scaling)", "Mean scaling tick ms", "Scale-outs", "Scale-ins", "Peak tasks RUNNING");
        speed.Add(result.Services, result.SimulatedMinutes, result.WallSeconds, result.MeanMinuteMs, result.SlowestMinuteMs, result.MeanTickMs,
            result.MeanScalingTickMs, result.ScaleOuts, result.ScaleIns, result.PeakRunningTasks);
        var phases = new ResultTable("The load curve", "Phase", "Mean CPU load set %", "Desired tasks at its end", "RUNNING tasks at its end");
        foreach (var (phase, load, desired, running) in result.Phases) phases.Add(phase, load, desired, running);
        return new BenchReport("scaling", "Target tracking at scale: scalable services under changing load",
            $"Wall time per simulated minute for {options.Services} ECS services, each a scalable target ({options.MinCapacity} to {options.MaxCapacity} tasks) with a CPU target tracking policy at 50 %, through a load curve set with /_workshop/load.",
            [speed, phases],
            [
                "The real server runs in the bench's process on a fake clock with a temporary state directory (SQLite on disk); services, targets and policies are made over HTTP, the load is set over HTTP at the start of each phase.",
                "Each tick moves the clock one simulated second and runs the ECS scheduler, then target tracking (which reads the metric and advances the alarms once per simulated minute, and sets desired counts through ECS's UpdateService command). Realistic Fargate timings.",
                "A simulated minute is 60 ticks; at speed 1 a real minute, so the ratio of a real minute to the mean figure is how much faster than real time the simulator can run this many scalable services.",
            ]);
    }
}
