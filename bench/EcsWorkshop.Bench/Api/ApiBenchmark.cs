using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using EcsWorkshop.Bench.Processes;
using EcsWorkshop.Bench.Reporting;

namespace EcsWorkshop.Bench.Api;

/// <summary>How long and how hard to drive each server.</summary>
/// <param name="Clients">The numbers of concurrent clients to try, one run each.</param>
/// <param name="Warmup">Load sent before measuring (not counted), after a fresh start of the server.</param>
/// <param name="Duration">How long each measured run lasts.</param>
/// <param name="MinimumRounds">Rounds of the mix each client completes in a measured run even when that takes longer than <paramref name="Duration"/>.</param>
/// <param name="SimulatorSpeed">The simulator's <c>--speed</c> (its scheduler really starts the services' tasks meanwhile).</param>
public sealed record ApiOptions(IReadOnlyList<int> Clients, TimeSpan Warmup, TimeSpan Duration, int MinimumRounds = 0, double SimulatorSpeed = 20);

/// <summary>One measured run: one server, one number of clients.</summary>
public sealed record ApiRun(
    string Server, int Clients, int Requests, int Failures, double Seconds, double ServerCpuSeconds, LatencyStats Latency,
    IReadOnlyDictionary<string, LatencyStats> ByOperation, IReadOnlyList<string> FailureSamples)
{
    /// <summary>Requests answered per second (failures included).</summary>
    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>CPU time the server process spent per request, in milliseconds (less sensitive than throughput to a busy machine).</summary>
    public double ServerCpuMsPerRequest => ServerCpuSeconds * 1000 / Requests;
}

/// <summary>Every run of the API benchmark.</summary>
public sealed record ApiResult(IReadOnlyList<ApiRun> Runs)
{
    public const string Simulator = "simulator";
    public const string Moto = "moto";

    /// <summary>The run of <paramref name="server"/> with <paramref name="clients"/> clients.</summary>
    public ApiRun Run(string server, int clients) => Runs.Single(r => r.Server == server && r.Clients == clients);

    /// <summary>Simulator requests per second divided by moto's, at <paramref name="clients"/> clients: the headline.</summary>
    public double ThroughputRatio(int clients) => Run(Simulator, clients).RequestsPerSecond / Run(Moto, clients).RequestsPerSecond;
}

/// <summary>
/// API throughput and latency, the simulator against moto, with the same client in the same run: each server is
/// started fresh as its own process on a loopback port, warmed up, then driven by N concurrent clients running the
/// hands-on's requests (<see cref="HandsOnMix"/>) for a fixed time.
/// </summary>
public static class ApiBenchmark
{
    /// <summary>Runs every client count against the simulator, then moto.</summary>
    public static async Task<ApiResult> RunAsync(ApiOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var runs = new List<ApiRun>();
        foreach (var clients in options.Clients)
        {
            await using (var simulator = await Servers.StartSimulatorAsync(options.SimulatorSpeed, cancellationToken).ConfigureAwait(false))
            {
                runs.Add(await DriveAsync(ApiResult.Simulator, simulator, new MixNetwork("subnet-abcd1234", "sg-abcd1234"),
                    clients, options, progress, cancellationToken).ConfigureAwait(false));
            }
            await using (var moto = await Servers.StartMotoAsync(cancellationToken).ConfigureAwait(false))
            {
                var network = await MotoDefaultNetworkAsync(moto.Endpoint, cancellationToken).ConfigureAwait(false);
                runs.Add(await DriveAsync(ApiResult.Moto, moto, network, clients, options, progress, cancellationToken).ConfigureAwait(false));
            }
        }
        return new ApiResult(runs);
    }

    private static async Task<ApiRun> DriveAsync(
        string server, ServerProcess process, MixNetwork network, int clients, ApiOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        using var ecs = AwsJsonClient.Ecs(process.Endpoint);
        var mixes = Enumerable.Range(1, clients).Select(c => new HandsOnMix(ecs, c, network)).ToList();

        var warmup = new RequestLog();
        await Task.WhenAll(mixes.Select(m => m.RunAsync(Deadline(options.Warmup), warmup, cancellationToken))).ConfigureAwait(false);

        var log = new RequestLog();
        var cpuBefore = ProcessCpu.Read(process.Id) ?? TimeSpan.Zero;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(mixes.Select(m => Task.Run(() => m.RunAsync(deadline, log, cancellationToken, options.MinimumRounds), cancellationToken))).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpu = (ProcessCpu.Read(process.Id) ?? TimeSpan.Zero) - cpuBefore;

        var run = new ApiRun(server, clients, log.Requests, log.Failures, seconds, cpu.TotalSeconds, log.Overall(), log.ByOperation(), log.FailureSamples);
        await progress.WriteLineAsync(
            $"  {server,-9} {clients,2} clients: {run.RequestsPerSecond,8:0} req/s, p50 {run.Latency.P50Ms:0.00} ms, p99 {run.Latency.P99Ms:0.00} ms, {run.ServerCpuMsPerRequest:0.00} CPU ms/request, {run.Failures} failed (warm-up: {warmup.Requests} requests, {warmup.Failures} failed)").ConfigureAwait(false);
        foreach (var failure in run.FailureSamples.Concat(warmup.FailureSamples).Take(3)) await progress.WriteLineAsync($"    failure: {failure}").ConfigureAwait(false);
        return run;
    }

    private static long Deadline(TimeSpan fromNow) => Stopwatch.GetTimestamp() + (long)(fromNow.TotalSeconds * Stopwatch.Frequency);

    /// <summary>
    /// A subnet and the security group of moto's default VPC, from EC2 DescribeSubnets and DescribeSecurityGroups:
    /// moto refuses awsvpc tasks and services in a subnet or security group it does not know.
    /// </summary>
    private static async Task<MixNetwork> MotoDefaultNetworkAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SigV4SigningHandler(
            new BasicAWSCredentials("AKIDBENCHMARK", "bench-secret"), RegionEndpoint.GetBySystemName(AwsJsonClient.Region), "ec2", new SocketsHttpHandler()))
        {
            BaseAddress = endpoint,
        };
        async Task<string> FirstAsync(string action, string pattern)
        {
            using var response = await http.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Action"] = action,
                ["Version"] = "2016-11-15",
            }), cancellationToken).ConfigureAwait(false);
            var xml = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var match = Regex.Match(xml, pattern);
            return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"moto's {action} named nothing: {xml[..Math.Min(xml.Length, 300)]}");
        }
        return new MixNetwork(
            await FirstAsync("DescribeSubnets", "<subnetId>(subnet-[0-9a-f]+)</subnetId>").ConfigureAwait(false),
            await FirstAsync("DescribeSecurityGroups", "<groupId>(sg-[0-9a-f]+)</groupId>").ConfigureAwait(false));
    }

    /// <summary>The tables: every run, the simulator-to-moto ratios, and each operation's latency.</summary>
    public static BenchReport Report(ApiResult result, ApiOptions options)
    {
        var runs = new ResultTable("Every run", "Server", "Clients", "Requests", "Failed", "Requests/s", "p50 ms", "p90 ms", "p99 ms", "Max ms", "Server CPU ms/request");
        foreach (var run in result.Runs)
            runs.Add(run.Server, run.Clients, run.Requests, run.Failures, run.RequestsPerSecond, run.Latency.P50Ms, run.Latency.P90Ms, run.Latency.P99Ms, run.Latency.MaxMs, run.ServerCpuMsPerRequest);

        var ratios = new ResultTable("Simulator vs moto", "Clients", "Simulator req/s", "moto req/s", "Throughput ratio (sim/moto)",
            "Simulator p50 ms", "moto p50 ms", "Simulator p99 ms", "moto p99 ms", "Simulator CPU ms/request", "moto CPU ms/request");
        foreach (var clients in options.Clients)
        {
            var sim = result.Run(ApiResult.Simulator, clients);
            var moto = result.Run(ApiResult.Moto, clients);
            ratios.Add(clients, sim.RequestsPerSecond, moto.RequestsPerSecond, result.ThroughputRatio(clients), sim.Latency.P50Ms, moto.Latency.P50Ms,
                sim.Latency.P99Ms, moto.Latency.P99Ms, sim.ServerCpuMsPerRequest, moto.ServerCpuMsPerRequest);
        }

        var operations = new ResultTable("Latency by operation", "Operation", "Clients", "Simulator p50 ms", "Simulator p99 ms", "moto p50 ms", "moto p99 ms");
        foreach (var clients in options.Clients)
        {
            var sim = result.Run(ApiResult.Simulator, clients);
            var moto = result.Run(ApiResult.Moto, clients);
            foreach (var operation in HandsOnMix.Operations.Distinct())
            {
                var s = sim.ByOperation.GetValueOrDefault(operation, LatencyStats.Empty);
                var m = moto.ByOperation.GetValueOrDefault(operation, LatencyStats.Empty);
                operations.Add(operation, clients, s.P50Ms, s.P99Ms, m.P50Ms, m.P99Ms);
            }
        }

        List<string> notes =
        [
            $"Each run: the server is started fresh, warmed up for {options.Warmup.TotalSeconds:0.#} s, then measured for {options.Duration.TotalSeconds:0.#} s; a client sends its next request as soon as the previous one is answered.",
            $"A round of the mix: {string.Join(", ", HandsOnMix.Operations)} — in each client's own cluster, with a new service name each round. No request in it is meant to fail on either server.",
            $"The simulator runs as `workshop serve --speed {options.SimulatorSpeed:0.#}` with a new state directory: every change is written to SQLite before the answer, and its scheduler starts and stops the services' tasks while the load runs. moto keeps everything in memory and starts no task for a service.",
            "Requests are JSON 1.1 over HttpClient, SigV4-signed by AWSSDK.Core's signing handler (neither server checks the signature). The load driver runs on the same machine and cores as the server.",
            "Server CPU ms/request: the user and system CPU time of the server's process over the measured run (/proc/PID/stat) divided by the requests; for the simulator it includes the scheduler ticking in the background.",
            "moto needs a subnet and security group of its own default VPC for awsvpc tasks (read from its EC2 API), and ignores ListTasks' serviceName filter (it lists the cluster's tasks).",
        ];
        foreach (var run in result.Runs.Where(r => r.Failures > 0))
            notes.Add($"{run.Server} at {run.Clients} clients: {run.Failures} requests failed, for example {string.Join("; ", run.FailureSamples.Take(2))}");
        return new BenchReport("api", "API throughput and latency: the simulator vs moto",
            "Requests per second and latency percentiles of the hands-on's ECS requests, the same client driving both servers in the same run.",
            [ratios, runs, operations], notes);
    }
}
