using System.Diagnostics;
using System.Globalization;
using EcsWorkshop.Bench.Processes;
using EcsWorkshop.Bench.Reporting;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Images.Building;
using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Bench.Classroom;

/// <summary>How many learners replay the workbook, against which server, at what speed.</summary>
/// <param name="Learners">Simulated learners replaying concurrently.</param>
/// <param name="Classroom">
/// True: one <c>workshop serve --classroom ROSTER</c> with a learner (account and key pair) each; false: the
/// single-learner <c>workshop serve</c> (then only one learner, in the simulated account).
/// </param>
/// <param name="Speed">The server's <c>--speed</c>: tasks start and stop this many times faster than on AWS.</param>
/// <param name="Calls">Only the first N recorded calls (null: the whole workbook).</param>
public sealed record ClassroomOptions(int Learners, bool Classroom, double Speed, int? Calls = null)
{
    /// <summary>50 learners in one classroom server at speed 100.</summary>
    public static ClassroomOptions Full { get; } = new(50, Classroom: true, Speed: 100);

    /// <summary>2 learners (1 on the single-learner server) and the first 60 calls.</summary>
    public static ClassroomOptions Quick { get; } = new(2, Classroom: true, Speed: 100, Calls: 60);
}

/// <summary>What the room's run measured.</summary>
public sealed record ClassroomResult(
    int Learners, bool Classroom, int RecordedCalls, int Requests, int Failures, IReadOnlyList<string> FailureSamples, double Seconds,
    double ServerCpuSeconds, long ResidentBytesBefore, long PeakResidentBytes, IReadOnlyDictionary<string, LatencyStats> ByOperation, LatencyStats Overall)
{
    /// <summary>Server CPU seconds per learner over the whole replay.</summary>
    public double CpuSecondsPerLearner => ServerCpuSeconds / Learners;

    /// <summary>The server's peak resident memory above its idle start, per learner.</summary>
    public double MebibytesPerLearner => (PeakResidentBytes - ResidentBytesBefore) / 1048576.0 / Learners;
}

/// <summary>
/// The classroom load: one <c>workshop serve --classroom</c> process (simulated runtime, a high speed) and N
/// simulated learners replaying, concurrently, every call the whole workbook makes (recorded once from
/// <c>workshop run</c> into <c>bench/classroom/workbook-calls.jsonl</c>), each signing with its own roster keys.
/// Reports the requests, the failed ones (an answer whose status differs from the recording, or a waiter that never
/// saw the recorded state), p50/p99 per operation, and the server's CPU time and peak resident memory per learner.
/// </summary>
public static class ClassroomBenchmark
{
    /// <summary>The recording, relative to the repository.</summary>
    public const string Recording = "bench/classroom/workbook-calls.jsonl";

    public static async Task<ClassroomResult> RunAsync(ClassroomOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        if (!options.Classroom && options.Learners != 1)
            throw new ArgumentException("The single-learner server serves one learner: use --learners 1 or a classroom.", nameof(options));
        var root = RepositoryRoot();
        var calls = RecordedCall.ReadAll(Path.Combine(root, Recording));
        if (options.Calls is { } first) calls = [.. calls.Take(first)];
        var scratch = Directory.CreateTempSubdirectory("ecs-workshop-bench-classroom-").FullName;
        try
        {
            var blobs = BuildSampleImage(root, scratch);
            var roster = options.Classroom
                ? Roster.Generate(options.Learners)
                : new Roster([new Learner("learner-01", SimulatedAccount.Id, "AKIDSINGLELEARNER", "single-learner-secret")]);
            var rosterPath = Path.Combine(scratch, "roster.csv");
            roster.Write(rosterPath);
            await using var server = await StartServerAsync(options, rosterPath, cancellationToken).ConfigureAwait(false);
            await progress.WriteLineAsync($"  {calls.Count} recorded calls; {options.Learners} learner(s) on {(options.Classroom ? "workshop serve --classroom" : "the single-learner workshop serve")} at speed {options.Speed}")
                .ConfigureAwait(false);

            var before = ProcessMemory.Read(server.Id)?.ResidentBytes ?? 0;
            var cpuBefore = ProcessCpu.Read(server.Id) ?? TimeSpan.Zero;
            var logs = roster.Learners.Select(_ => new ReplayLog()).ToList();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(roster.Learners.Select((learner, i) => Task.Run(async () =>
            {
                using var replay = new LearnerReplay(learner, server.Endpoint, blobs);
                await replay.RunAsync(calls, logs[i], cancellationToken).ConfigureAwait(false);
            }, cancellationToken))).ConfigureAwait(false);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpu = (ProcessCpu.Read(server.Id) ?? TimeSpan.Zero) - cpuBefore;
            var peak = ProcessMemory.Read(server.Id)?.PeakResidentBytes ?? 0;

            var timings = logs.SelectMany(l => l.Timings).ToList();
            var byOperation = timings.GroupBy(t => t.Operation, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => LatencyStats.FromTicks(g.Select(t => t.Ticks)), StringComparer.Ordinal);
            var result = new ClassroomResult(options.Learners, options.Classroom, calls.Count, timings.Count, logs.Sum(l => l.Failures),
                [.. logs.SelectMany(l => l.FailureSamples).Take(5)], seconds, cpu.TotalSeconds, before, peak, byOperation, LatencyStats.FromTicks(timings.Select(t => t.Ticks)));
            await progress.WriteLineAsync(
                $"  {result.Requests:N0} requests in {seconds:0.0} s, {result.Failures} failed; p50 {result.Overall.P50Ms:0.00} ms, p99 {result.Overall.P99Ms:0.00} ms; " +
                $"server CPU {result.ServerCpuSeconds:0.0} s ({result.CpuSecondsPerLearner:0.00} s per learner), peak RSS {peak / 1048576.0:0} MiB ({result.MebibytesPerLearner:0.0} MiB per learner above the idle {before / 1048576.0:0} MiB)")
                .ConfigureAwait(false);
            foreach (var failure in result.FailureSamples) await progress.WriteLineAsync($"    failure: {failure}").ConfigureAwait(false);
            // Which recorded steps failed, and for how many learners ("learner07 #355 ecs:DescribeTasks: …" → "#355 ecs:DescribeTasks").
            foreach (var step in logs.SelectMany(l => l.AllFailures).GroupBy(f => string.Join(' ', f.Split(':')[0].Split(' ').Skip(1)) + ":" + f.Split(':').ElementAtOrDefault(1)).OrderByDescending(g => g.Count()))
                await progress.WriteLineAsync($"    failed {step.Count()}x: {step.Key}").ConfigureAwait(false);
            return result;
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// The lessons' image (samples/web) built again with the project's image builder, as the helper builds it: the
    /// build is reproducible, so its blobs have the recorded digests. Returns a lookup from digest to bytes.
    /// </summary>
    private static Func<string, byte[]?> BuildSampleImage(string root, string scratch)
    {
        var output = Path.Combine(scratch, "image");
        ImageBuilder.Build(new ImageBuildOptions { ContextDirectory = Path.Combine(root, "samples", "web"), OutputDirectory = output });
        var cache = new System.Collections.Concurrent.ConcurrentDictionary<string, byte[]?>(StringComparer.Ordinal);
        return digest => cache.GetOrAdd(digest, d =>
        {
            var file = Path.Combine(output, "blobs", "sha256", d["sha256:".Length..]);
            return File.Exists(file) ? File.ReadAllBytes(file) : null;
        });
    }

    private static Task<ServerProcess> StartServerAsync(ClassroomOptions options, string roster, CancellationToken cancellationToken)
    {
        var state = ServerProcess.TemporaryDirectory("ecs-workshop-bench-state-");
        var port = FreePort.Pick();
        List<string> arguments =
        [
            Servers.WorkshopDll(), "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--state-dir", state,
            "--speed", options.Speed.ToString(CultureInfo.InvariantCulture), "--runtime", "simulated",
        ];
        if (options.Classroom) arguments.AddRange(["--classroom", roster]);
        return ServerProcess.StartAsync(options.Classroom ? "the classroom server (workshop serve --classroom)" : "the simulator (workshop serve)",
            Servers.DotnetHost(), arguments, new Uri($"http://127.0.0.1:{port}/"), SimulatorHealth.Path, TimeSpan.FromSeconds(60), state, cancellationToken);
    }

    public static BenchReport Report(ClassroomResult result, ClassroomOptions options)
    {
        var summary = new ResultTable("The room", "Learners", "Server", "Recorded calls per learner", "Requests", "Failed", "Wall s",
            "p50 ms", "p99 ms", "Server CPU s", "CPU s per learner", "Idle RSS MiB", "Peak RSS MiB", "MiB per learner");
        summary.Add(result.Learners, result.Classroom ? "workshop serve --classroom" : "workshop serve (single learner)", result.RecordedCalls, result.Requests,
            result.Failures, result.Seconds, result.Overall.P50Ms, result.Overall.P99Ms, result.ServerCpuSeconds, result.CpuSecondsPerLearner,
            result.ResidentBytesBefore / 1048576.0, result.PeakResidentBytes / 1048576.0, result.MebibytesPerLearner);
        var operations = new ResultTable("Latency by operation", "Operation", "Requests", "p50 ms", "p99 ms", "Max ms");
        foreach (var (operation, stats) in result.ByOperation.OrderByDescending(o => o.Value.Count).ThenBy(o => o.Key, StringComparer.Ordinal))
            operations.Add(operation, stats.Count, stats.P50Ms, stats.P99Ms, stats.MaxMs);
        List<string> notes =
        [
            $"Each learner replays {Recording} ({result.RecordedCalls} calls: JSON 1.1, Query and registry, in the order `workshop run` made them), signed with its own roster key pair; ids the server answered are mapped to the ones it answers this learner, and a waiter's reads are repeated until the answer shows the recorded state, and a change the helper retried (DeleteCluster while services drain) until it answers as its last recorded attempt did (each for at most {ReplayStep.LoadAllowance} times the recorded duration, between {ReplayStep.WaitLimit.TotalSeconds:0} and {ReplayStep.MaxWaitLimit.TotalSeconds:0} s), so the request count exceeds the recorded calls.",
            "Failed: an answer whose status differs from the recording's, a transport error, or a waiter that never saw the recorded state.",
            $"The server: `workshop serve {(result.Classroom ? "--classroom ROSTER " : "")}--runtime simulated --speed {options.Speed:0.#}` with a new state directory (every change stored in SQLite before the answer). CPU: the server process's user+system time over the replay (/proc/PID/stat); memory: its resident set before the replay and its peak (VmHWM).",
            "The learners run in the bench's process on the same 2 cores as the server, so they take CPU from it.",
        ];
        foreach (var failure in result.FailureSamples) notes.Add("Failure: " + failure);
        return new BenchReport("classroom", "The classroom: learners replaying the whole workbook against one server",
            $"{result.Learners} simulated learners replay, concurrently, every AWS call the workbook makes against one server.", [summary, operations], notes);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Workshop.sln"))) return directory.FullName;
        throw new DirectoryNotFoundException("Workshop.sln not found above " + AppContext.BaseDirectory);
    }
}
