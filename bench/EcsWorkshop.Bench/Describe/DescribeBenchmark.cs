using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EcsWorkshop.Bench.Api;
using EcsWorkshop.Bench.Processes;
using EcsWorkshop.Bench.Reporting;

namespace EcsWorkshop.Bench.Describe;

/// <summary>The size of the DescribeServices benchmark.</summary>
/// <param name="Services">Services in the cluster, all described by each request (DescribeServices takes at most 10).</param>
/// <param name="TasksPerService">Each service's desired count (its tasks, deployments and events make the answer's size).</param>
/// <param name="Connections">wrk's concurrent connections.</param>
/// <param name="Warmup">wrk load sent to each server before the first measured round (not counted).</param>
/// <param name="Duration">Each measured wrk run.</param>
/// <param name="Rounds">Measured rounds; each round runs the simulator, then the no-logic server.</param>
/// <param name="Speed">The simulator's <c>--speed</c>.</param>
public sealed record DescribeOptions(int Services, int TasksPerService, int Connections, TimeSpan Warmup, TimeSpan Duration, int Rounds, double Speed = 20)
{
    /// <summary>10 services of 3 tasks, 16 connections, 2 rounds of 10 s after a 3 s warm-up.</summary>
    public static DescribeOptions Full { get; } = new(10, 3, 16, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), 2);

    /// <summary>2 services of 1 task, 2 connections, 1 round of 1 s.</summary>
    public static DescribeOptions Quick { get; } = new(2, 1, 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1);
}

/// <summary>One server's figures in one round, with the CPU time its process spent meanwhile.</summary>
public sealed record DescribeLoad(string Server, int Round, WrkFigures Wrk, double ServerCpuSeconds)
{
    /// <summary>The server process's CPU time per answered request, in milliseconds.</summary>
    public double CpuMsPerRequest => Wrk.Requests == 0 ? double.NaN : ServerCpuSeconds * 1000 / Wrk.Requests;
}

/// <summary>Every load of the run, and the answer both servers sent.</summary>
public sealed record DescribeResult(IReadOnlyList<DescribeLoad> Loads, int AnswerBytes, int Services, int Tasks)
{
    public const string Simulator = "simulator";
    public const string NoLogic = "no-logic Kestrel";

    /// <summary>The simulator's requests per second over the no-logic server's in <paramref name="round"/>.</summary>
    public double Ratio(int round) => Load(Simulator, round).Wrk.RequestsPerSecond / Load(NoLogic, round).Wrk.RequestsPerSecond;

    public DescribeLoad Load(string server, int round) => Loads.Single(l => l.Server == server && l.Round == round);
}

/// <summary>
/// DescribeServices of a whole cluster's services under wrk, side by side with a Kestrel endpoint that answers the
/// same bytes with no logic: both are separate processes started the same way (the same <c>dotnet</c> host and the
/// simulator's own runtimeconfig), on loopback, driven by the same wrk script in the same run, one after the other.
/// </summary>
public static class DescribeBenchmark
{
    /// <summary>The region the requests' credential scope names (the services are created there).</summary>
    public const string Region = AwsJsonClient.Region;

    private const string Target = "AmazonEC2ContainerServiceV20141113.DescribeServices";
    private const string Cluster = "bench-describe";
    private static readonly TimeSpan SteadyLimit = TimeSpan.FromMinutes(3);

    public static async Task<DescribeResult> RunAsync(DescribeOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Listener.ListenerBenchmark.Wrk)) throw new FileNotFoundException($"{Listener.ListenerBenchmark.Wrk} is missing: apt-get install -y wrk");
        await using var simulator = await Servers.StartSimulatorAsync(options.Speed, "simulated", cancellationToken).ConfigureAwait(false);
        var names = Enumerable.Range(1, options.Services).Select(i => $"web-{i:00}").ToList();
        await CreateSteadyServicesAsync(simulator.Endpoint, names, options, progress, cancellationToken).ConfigureAwait(false);

        var body = new JsonObject { ["cluster"] = Cluster, ["services"] = new JsonArray([.. names.Select(n => JsonValue.Create(n))]) }.ToJsonString();
        var answer = await CaptureAsync(simulator.Endpoint, body, cancellationToken).ConfigureAwait(false);
        var answerFile = Path.Combine(Path.GetTempPath(), $"ecs-workshop-bench-answer-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(answerFile, answer, cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync($"  DescribeServices of {options.Services} services ({options.Services * options.TasksPerService} tasks RUNNING): a {answer.Length:N0}-byte answer").ConfigureAwait(false);
        try
        {
            await using var floor = await StartNoLogicAsync(answerFile, cancellationToken).ConfigureAwait(false);
            var servers = new[] { (Name: DescribeResult.Simulator, Process: simulator), (Name: DescribeResult.NoLogic, Process: floor) };
            foreach (var (_, process) in servers)
                await WrkPost.RunAsync(process.Endpoint, Target, body, Region, options.Connections, options.Warmup, cancellationToken).ConfigureAwait(false);

            var loads = new List<DescribeLoad>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var (name, process) in servers)
                {
                    var cpuBefore = ProcessCpu.Read(process.Id) ?? TimeSpan.Zero;
                    var figures = await WrkPost.RunAsync(process.Endpoint, Target, body, Region, options.Connections, options.Duration, cancellationToken).ConfigureAwait(false);
                    var cpu = (ProcessCpu.Read(process.Id) ?? TimeSpan.Zero) - cpuBefore;
                    var load = new DescribeLoad(name, round, figures, cpu.TotalSeconds);
                    loads.Add(load);
                    await progress.WriteLineAsync(
                        $"  round {round} {name,-16}: {figures.RequestsPerSecond,8:0} req/s, p50 {figures.P50Ms:0.00} ms, p99 {figures.P99Ms:0.00} ms, {load.CpuMsPerRequest:0.000} CPU ms/request, {figures.NotOk} non-2xx (load average {RunConditions.LoadAverage()})")
                        .ConfigureAwait(false);
                }
            }
            return new DescribeResult(loads, answer.Length, options.Services, options.Services * options.TasksPerService);
        }
        finally
        {
            File.Delete(answerFile);
        }
    }

    /// <summary>A cluster with the services, each at its desired count RUNNING with one COMPLETED deployment.</summary>
    private static async Task CreateSteadyServicesAsync(Uri endpoint, IReadOnlyList<string> names, DescribeOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        using var ecs = AwsJsonClient.Ecs(endpoint);
        await Must(ecs, "CreateCluster", new { clusterName = Cluster }, cancellationToken).ConfigureAwait(false);
        await Must(ecs, "RegisterTaskDefinition", new
        {
            family = "bench-describe",
            requiresCompatibilities = new[] { "FARGATE" },
            networkMode = "awsvpc",
            cpu = "256",
            memory = "512",
            containerDefinitions = new[] { new { name = "web", image = "public.ecr.aws/docker/library/nginx:latest", essential = true, portMappings = new[] { new { containerPort = 80, protocol = "tcp" } } } },
        }, cancellationToken).ConfigureAwait(false);
        foreach (var name in names)
        {
            await Must(ecs, "CreateService", new
            {
                cluster = Cluster,
                serviceName = name,
                taskDefinition = "bench-describe",
                desiredCount = options.TasksPerService,
                launchType = "FARGATE",
                networkConfiguration = new { awsvpcConfiguration = new { subnets = new[] { "subnet-abcd1234" }, securityGroups = new[] { "sg-abcd1234" }, assignPublicIp = "DISABLED" } },
            }, cancellationToken).ConfigureAwait(false);
        }
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var described = await Must(ecs, "DescribeServices", new { cluster = Cluster, services = names }, cancellationToken).ConfigureAwait(false);
            var services = described["services"]!.AsArray();
            if (services.Count == names.Count && services.All(s =>
                    s!["runningCount"]!.GetValue<int>() == options.TasksPerService && s["pendingCount"]!.GetValue<int>() == 0
                    && s["deployments"]!.AsArray() is [{ } only] && only["rolloutState"]?.GetValue<string>() == "COMPLETED"))
                break;
            if (clock.Elapsed > SteadyLimit) throw new TimeoutException($"The {names.Count} services were not steady after {SteadyLimit.TotalSeconds} s: {described.ToJsonString()[..300]}");
            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
        await progress.WriteLineAsync($"  {names.Count} services steady after {clock.Elapsed.TotalSeconds:0.0} s").ConfigureAwait(false);
    }

    private static async Task<JsonNode> Must(AwsJsonClient ecs, string operation, object input, CancellationToken cancellationToken)
    {
        var answer = await ecs.CallAsync(operation, input, cancellationToken).ConfigureAwait(false);
        return answer.Succeeded && answer.Body is { } body ? body : throw new AwsCallFailedException(operation, answer);
    }

    /// <summary>The simulator's answer to the request wrk sends, as bytes (what the no-logic server answers).</summary>
    private static async Task<byte[]> CaptureAsync(Uri endpoint, string body, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", Target);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIDBENCHMARK/{DateTime.UtcNow:yyyyMMdd}/{Region}/ecs/aws4_request, SignedHeaders=content-type;host;x-amz-target, Signature={new string('0', 64)}");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || JsonNode.Parse(bytes)?["failures"]?.AsArray().Count is not 0)
            throw new InvalidOperationException($"The simulator's DescribeServices did not describe every service: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)[..Math.Min(bytes.Length, 300)]}");
        return bytes;
    }

    /// <summary>The no-logic server, started like the simulator: the same host, the simulator's runtimeconfig (GC and tiering settings alike).</summary>
    private static Task<ServerProcess> StartNoLogicAsync(string answerFile, CancellationToken cancellationToken)
    {
        var workshop = Servers.WorkshopDll();
        var bench = typeof(DescribeBenchmark).Assembly.Location;
        var port = FreePort.Pick();
        return ServerProcess.StartAsync("the no-logic Kestrel endpoint", Servers.DotnetHost(),
            ["exec", "--runtimeconfig", Path.ChangeExtension(workshop, ".runtimeconfig.json"), "--depsfile", Path.ChangeExtension(bench, ".deps.json"), bench,
             FixedAnswerCommand, "--file", answerFile, "--port", port.ToString(CultureInfo.InvariantCulture)],
            new Uri($"http://127.0.0.1:{port}/"), "/health", TimeSpan.FromSeconds(60), cancellationToken: cancellationToken);
    }

    /// <summary>The bench's hidden command that runs <see cref="FixedAnswerServer"/>.</summary>
    public const string FixedAnswerCommand = "fixed-answer";

    public static BenchReport Report(DescribeResult result, DescribeOptions options)
    {
        var side = new ResultTable("Side by side, same run", "Round", "Simulator req/s", "No-logic req/s", "Ratio (sim / no-logic)",
            "Simulator p50 ms", "Simulator p99 ms", "No-logic p50 ms", "No-logic p99 ms", "Simulator CPU ms/request", "No-logic CPU ms/request", "Goal met (≥ 50 %, p99 ≤ 2 ms)");
        for (var round = 1; round <= options.Rounds; round++)
        {
            var sim = result.Load(DescribeResult.Simulator, round);
            var floor = result.Load(DescribeResult.NoLogic, round);
            var ratio = result.Ratio(round);
            side.Add(round, sim.Wrk.RequestsPerSecond, floor.Wrk.RequestsPerSecond, ratio, sim.Wrk.P50Ms, sim.Wrk.P99Ms, floor.Wrk.P50Ms, floor.Wrk.P99Ms,
                sim.CpuMsPerRequest, floor.CpuMsPerRequest, ratio >= 0.5 && sim.Wrk.P99Ms <= 2 ? "yes" : "no");
        }
        var every = new ResultTable("Every load", "Server", "Round", "Requests", "Non-2xx", "Requests/s", "p50 ms", "p99 ms", "Server CPU s");
        foreach (var load in result.Loads)
            every.Add(load.Server, load.Round, load.Wrk.Requests, load.Wrk.NotOk, load.Wrk.RequestsPerSecond, load.Wrk.P50Ms, load.Wrk.P99Ms, load.ServerCpuSeconds);
        return new BenchReport("describe", "DescribeServices: the simulator against a no-logic Kestrel endpoint",
            $"wrk ({options.Connections} connections, 2 threads, {options.Duration.TotalSeconds:0.#} s per load, a Lua script POSTing DescribeServices of {result.Services} services with X-Amz-Target) " +
            $"against `workshop serve --runtime simulated --speed {options.Speed:0.#}` (a cluster of {result.Services} services, {result.Tasks} tasks RUNNING, steady) and against Kestrel answering the same {result.AnswerBytes:N0} bytes with no logic, one after the other, in each round.",
            [side, every],
            [
                "Both servers are separate processes started the same way: the same dotnet host, the simulator's workshop.runtimeconfig.json (so the same GC and JIT settings), Kestrel on 127.0.0.1 with console logging at Warning; wrk runs on the same machine and cores.",
                "The requests are unsigned in effect: the Authorization header carries a credential scope (region) and a dummy signature, which single-learner `workshop serve` reads for the region and does not verify.",
                $"Warm-up: {options.Warmup.TotalSeconds:0.#} s of the same load on each server before round 1. The simulator's scheduler keeps ticking meanwhile (10 ticks a second).",
            ]);
    }
}
