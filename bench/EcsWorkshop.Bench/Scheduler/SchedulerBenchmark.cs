using System.Diagnostics;
using System.Text.Json.Nodes;
using EcsWorkshop.Bench.Api;
using EcsWorkshop.Bench.Processes;
using EcsWorkshop.Bench.Reporting;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Bench.Scheduler;

/// <summary>How big a world to build and how often to time each query at that size.</summary>
/// <param name="Services">Services to create, all Fargate, in one cluster.</param>
/// <param name="TasksPerService">The desired count of each.</param>
/// <param name="QueryRepetitions">How many times each query is timed once the world is steady.</param>
public sealed record SchedulerOptions(int Services, int TasksPerService, int QueryRepetitions);

/// <summary>What the scheduler benchmark measured.</summary>
public sealed record SchedulerResult(
    int Services,
    int RunningTasks,
    double CreateSeconds,
    double ConvergeSeconds,
    int Ticks,
    double SimulatedSeconds,
    double SlowestTickMs,
    double SteadyTickMs,
    long PeakManagedBytes,
    long AllocatedBytes,
    long PeakResidentBytes,
    bool PeakResidentSinceStart,
    long StateBytes,
    IReadOnlyDictionary<string, LatencyStats> Queries);

/// <summary>
/// The service scheduler at scale: a simulator (the real server, in this process, on a fake clock and a temporary
/// state directory) gets a cluster with N services of M Fargate tasks over HTTP, then the bench moves the clock a
/// simulated second at a time and runs the scheduler (<see cref="EcsEngine.Advance"/>) until every service has its
/// tasks RUNNING and its deployment COMPLETED. Then it times the queries a learner makes at that size.
/// </summary>
public static class SchedulerBenchmark
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SimulatedLimit = TimeSpan.FromMinutes(30);
    private const string Cluster = "scale";

    public static async Task<SchedulerResult> RunAsync(SchedulerOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        await using var simulator = await HandTickedSimulator.StartAsync("ecs-workshop-bench-scheduler-", cancellationToken).ConfigureAwait(false);
        var (server, clock) = (simulator.Server, simulator.Clock);
        using var ecs = AwsJsonClient.Ecs(server.Endpoint);

        var created = Stopwatch.StartNew();
        await FargateServices.CreateAsync(ecs, Cluster, "scale-web", options.Services, options.TasksPerService, ServiceName, cancellationToken).ConfigureAwait(false);
        var createSeconds = created.Elapsed.TotalSeconds;
        await progress.WriteLineAsync($"  {options.Services:N0} services created over HTTP in {createSeconds:0.0} s").ConfigureAwait(false);

        var resetPeak = ProcessMemory.ResetPeak(Environment.ProcessId);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var peakManaged = GC.GetTotalMemory(false);
        var ticks = 0;
        var slowestTick = TimeSpan.Zero;
        var converging = Stopwatch.StartNew();
        var expected = options.Services * options.TasksPerService;
        while (!IsSteady(server.Engine.World, expected))
        {
            if (ticks * Tick > SimulatedLimit)
                throw new TimeoutException($"The services did not all reach a steady state within {SimulatedLimit} of simulated time.");
            clock.Advance(Tick);
            var tick = Stopwatch.StartNew();
            server.Engine.Advance();
            slowestTick = Max(slowestTick, tick.Elapsed);
            ticks++;
            peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
        }
        var convergeSeconds = converging.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var peakResident = ProcessMemory.Read(Environment.ProcessId)?.PeakResidentBytes ?? 0;
        await progress.WriteLineAsync($"  {expected:N0} tasks RUNNING after {ticks} ticks ({ticks * Tick.TotalSeconds:0} simulated s) in {convergeSeconds:0.0} s of wall time").ConfigureAwait(false);

        var steady = Stopwatch.StartNew();
        const int steadyTicks = 10;
        for (var i = 0; i < steadyTicks; i++)
        {
            clock.Advance(Tick);
            server.Engine.Advance();
        }
        var steadyTickMs = steady.Elapsed.TotalMilliseconds / steadyTicks;

        var queries = await TimeQueriesAsync(ecs, options, cancellationToken).ConfigureAwait(false);
        foreach (var (name, stats) in queries)
            await progress.WriteLineAsync($"  {name}: p50 {stats.P50Ms:0.00} ms, p99 {stats.P99Ms:0.00} ms").ConfigureAwait(false);

        return new SchedulerResult(
            options.Services, server.Engine.World.Tasks.Values.Count(t => t.LastStatus == EcsTaskStatus.Running),
            createSeconds, convergeSeconds, ticks, ticks * Tick.TotalSeconds, slowestTick.TotalMilliseconds, steadyTickMs,
            peakManaged, allocated, peakResident, !resetPeak, DirectorySize(simulator.StateDirectory), queries);
    }

    private static string ServiceName(int i) => $"svc-{i:00000}";

    /// <summary>Every service has one COMPLETED deployment and the world runs exactly the tasks asked for.</summary>
    private static bool IsSteady(EcsWorld world, int expectedTasks) =>
        world.Services.Values.All(s => s.Deployments is [{ RolloutState: RolloutState.Completed }])
        && world.Tasks.Values.Count(t => t.LastStatus == EcsTaskStatus.Running) == expectedTasks;

    private static async Task<IReadOnlyDictionary<string, LatencyStats>> TimeQueriesAsync(AwsJsonClient ecs, SchedulerOptions options, CancellationToken cancellationToken)
    {
        var firstPage = await ecs.RequireAsync("ListTasks", new { cluster = Cluster, maxResults = 100 }, cancellationToken).ConfigureAwait(false);
        var taskArns = firstPage["taskArns"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
        var services = Enumerable.Range(0, Math.Min(10, options.Services)).Select(ServiceName).ToArray();
        var middle = ServiceName(options.Services / 2);
        var repetitions = options.QueryRepetitions;

        async Task Require(string operation, object input, Func<JsonNode, bool> check)
        {
            var body = await ecs.RequireAsync(operation, input, cancellationToken).ConfigureAwait(false);
            if (!check(body)) throw new InvalidOperationException($"{operation} answered something unexpected: {body.ToJsonString()[..200]}");
        }

        return new Dictionary<string, LatencyStats>
        {
            [$"DescribeTasks ({taskArns.Length} tasks)"] = await LatencyStats.MeasureAsync(repetitions, () =>
                Require("DescribeTasks", new { cluster = Cluster, tasks = taskArns }, b => b["tasks"]!.AsArray().Count == taskArns.Length)).ConfigureAwait(false),
            ["ListTasks (cluster, first page of 100)"] = await LatencyStats.MeasureAsync(repetitions, () =>
                Require("ListTasks", new { cluster = Cluster }, b => b["taskArns"]!.AsArray().Count == Math.Min(100, options.Services * options.TasksPerService))).ConfigureAwait(false),
            [$"ListTasks (one service's {options.TasksPerService})"] = await LatencyStats.MeasureAsync(repetitions, () =>
                Require("ListTasks", new { cluster = Cluster, serviceName = middle }, b => b["taskArns"]!.AsArray().Count == options.TasksPerService)).ConfigureAwait(false),
            [$"DescribeServices ({services.Length} services)"] = await LatencyStats.MeasureAsync(repetitions, () =>
                Require("DescribeServices", new { cluster = Cluster, services }, b => b["services"]!.AsArray().Count == services.Length)).ConfigureAwait(false),
        };
    }

    private static long DirectorySize(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The tables: convergence, memory, and the queries' latency at that size.</summary>
    public static BenchReport Report(SchedulerResult result, SchedulerOptions options)
    {
        var convergence = new ResultTable("Converging to a steady state", "Services", "Tasks RUNNING", "Create services (wall s)", "Converge (wall s)",
            "Ticks", "Simulated s", "Slowest tick ms", "Steady tick ms");
        convergence.Add(result.Services, result.RunningTasks, result.CreateSeconds, result.ConvergeSeconds, result.Ticks, result.SimulatedSeconds,
            result.SlowestTickMs, result.SteadyTickMs);

        var memory = new ResultTable("Memory", "Peak managed heap MiB", "Allocated while converging MiB", "Peak resident (VmHWM) MiB", "State on disk MiB");
        memory.Add(Mib(result.PeakManagedBytes), Mib(result.AllocatedBytes), Mib(result.PeakResidentBytes), Mib(result.StateBytes));

        var queries = new ResultTable($"Queries at that size (HTTP, {options.QueryRepetitions} each, one after another)", "Query", "p50 ms", "p90 ms", "p99 ms", "Mean ms");
        foreach (var (name, stats) in result.Queries) queries.Add(name, stats.P50Ms, stats.P90Ms, stats.P99Ms, stats.MeanMs);

        return new BenchReport("scheduler", "Scheduler scale: services converging in simulated time",
            $"Wall time, ticks and memory for {options.Services:N0} Fargate services of {options.TasksPerService} tasks to converge in simulated time, then the latency of DescribeTasks, ListTasks and DescribeServices at that size.",
            [convergence, memory, queries],
            [
                "The real server runs in the bench's process on a fake clock with a temporary state directory (SQLite on disk, as `workshop serve` keeps it); the services are created over HTTP, then each tick moves the clock one simulated second and runs the scheduler once. Realistic Fargate timings (a task takes about 21 simulated seconds to start).",
                "Steady state: every service has one COMPLETED deployment and every task asked for is RUNNING. The steady tick is the mean of 10 ticks after that.",
                "Peak managed heap: GC.GetTotalMemory sampled after every tick. Peak resident: the process's VmHWM, " +
                    (result.PeakResidentSinceStart ? "since the bench process started (it could not be reset)." : "reset just before converging, so it covers converging only (with the HTTP server and the client in the same process)."),
            ]);
    }

    private static double Mib(long bytes) => bytes / 1024.0 / 1024.0;
}
