using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Elb.Model;
using EcsWorkshop.Bench.Processes;
using EcsWorkshop.Bench.Reporting;
using EcsWorkshop.Docker;
using EcsWorkshop.Steps;

namespace EcsWorkshop.Bench.Listener;

/// <summary>How long each load runs, with how many connections, and how many tasks the service behind the listener has.</summary>
public sealed record ListenerOptions(TimeSpan Duration, int Connections, int Tasks);

/// <summary>One load: which way, which path, requests per second and latency percentiles, and the statuses seen.</summary>
public sealed record LoadResult(string Route, string Path, double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long NotOk, string Tool);

/// <summary>What the listener benchmark measured, and on which runtime.</summary>
public sealed record ListenerResult(IReadOnlyList<LoadResult> Loads, string Runtime);

/// <summary>
/// The simulated ALB's data plane: <c>workshop serve</c> as its own process (the Docker runtime when an engine
/// answers, else the simulated one), the sample image built and pushed by the helper library, a service of N tasks
/// behind an ALB listener; then, in the same run, HTTP load (wrk when <c>/usr/bin/wrk</c> exists, else an
/// in-process HttpClient loop) through the listener and straight to one task's loopback port, for the sample page
/// (<c>/</c>: BusyBox httpd runs the CGI script) and for a path httpd answers by itself (a 404, no CGI: the proxy's
/// own cost shows). On the simulated runtime no container runs, so only the listener (answering the stand-in page)
/// is measured.
/// </summary>
public static partial class ListenerBenchmark
{
    public const string Wrk = "/usr/bin/wrk";

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static async Task<ListenerResult> RunAsync(ListenerOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        using var engine = await DockerEngine.TryConnectAsync(null, cancellationToken).ConfigureAwait(false);
        var runtime = engine is null ? "simulated" : "docker";
        var engineName = engine is null
            ? $"no Docker engine at {DockerEngine.EndpointFromEnvironment()}: the simulated runtime (listener only)"
            : $"Docker {(await engine.Client.System.GetVersionAsync(cancellationToken).ConfigureAwait(false)).Version}";
        var label = new Dictionary<string, string> { ["ecs-workshop.bench"] = $"listener-{Guid.NewGuid():N}"[..21] };
        var server = await Servers.StartSimulatorAsync(20, runtime, cancellationToken).ConfigureAwait(false);
        try
        {
            return await MeasureAsync(server, engine, label, runtime, engineName, options, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            var stateDirectory = server.StateDirectory;
            await server.DisposeAsync().ConfigureAwait(false);
            if (engine is not null)
            {
                await RemoveContainersAsync(engine, stateDirectory).ConfigureAwait(false);
                await Runtime.RuntimeBenchmark.RemoveImagesAsync(engine, label, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task<ListenerResult> MeasureAsync(ServerProcess server, DockerEngine? engine, IReadOnlyDictionary<string, string> label, string runtime,
        string engineName, ListenerOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var workshop = await Workshop.ConnectToSimulatorAsync(server.Endpoint, new WorkshopOptions
        {
            ProgressOutput = null,
            ImageBuilder = engine is null ? ImageBuilderChoice.Workshop : ImageBuilderChoice.Docker,
            DockerLabels = label,
        }).ConfigureAwait(false);
        var uri = (await workshop.CreateRepositoryAsync("bench-lb-web", cancellationToken).ConfigureAwait(false)).Value.Uri;
        var image = await workshop.BuildImageAsync(SampleWeb(), "bench-lb-web", "v1", cancellationToken).ConfigureAwait(false);
        await workshop.PushImageAsync(image.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
        await workshop.CreateClusterAsync("bench", cancellationToken).ConfigureAwait(false);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = "bench-lb-web", ContainerName = "web", Image = $"{uri}:v1", Port = 80 },
            cancellationToken).ConfigureAwait(false);

        var aws = workshop.Aws;
        var vpc = await aws.Ec2.FindDefaultVpcAsync(cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("The simulator has no default VPC.");
        var subnets = new List<string>();
        await foreach (var subnet in aws.Ec2.DescribeAllSubnetsAsync(vpc.VpcId!, cancellationToken).ConfigureAwait(false)) subnets.Add(subnet.SubnetId!);
        var loadBalancer = await aws.Elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { Name = "bench-alb", Subnets = [.. subnets.Order(StringComparer.Ordinal).Take(2)] },
            cancellationToken).ConfigureAwait(false);
        var group = await aws.Elb.CreateTargetGroupAsync(new CreateTargetGroupRequest
        {
            Name = "bench-targets", Protocol = "HTTP", Port = 80, VpcId = vpc.VpcId, TargetType = "ip",
            // Checked often (a new target is healthy after one pass), but patient: the sample page is a CGI script that
            // slows under load, and a task replaced mid-measurement would measure the replacement instead.
            HealthCheckIntervalSeconds = 5, HealthCheckTimeoutSeconds = 4, HealthyThresholdCount = 2, UnhealthyThresholdCount = 10,
        }, cancellationToken).ConfigureAwait(false);
        var listener = await aws.Elb.CreateListenerAsync(loadBalancer.LoadBalancerArn!, "HTTP", 80, group.TargetGroupArn!, cancellationToken).ConfigureAwait(false);
        await aws.Ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = "bench", ServiceName = "web", TaskDefinition = "bench-lb-web", DesiredCount = options.Tasks, LaunchType = LaunchTypes.Fargate,
            NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [Workshop.SimulatedSubnet], SecurityGroups = [Workshop.SimulatedSecurityGroup] } },
            LoadBalancers = [new Aws.Ecs.Model.LoadBalancer { TargetGroupArn = group.TargetGroupArn, ContainerName = "web", ContainerPort = 80 }],
        }, cancellationToken).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        while ((await aws.Elb.DescribeTargetHealthAsync(group.TargetGroupArn!, cancellationToken: cancellationToken).ConfigureAwait(false))
               .Count(t => t.State == "healthy") < options.Tasks)
        {
            if (clock.Elapsed > Limit) throw new TimeoutException($"The service's {options.Tasks} target(s) were not all healthy after {Limit.TotalSeconds} s.");
            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
        await progress.WriteLineAsync($"  {options.Tasks} healthy target(s) after {clock.Elapsed.TotalSeconds:0.0} s ({runtime} runtime)").ConfigureAwait(false);

        var listenerUrl = await ListenerUrlAsync(server.Endpoint, listener.ListenerArn!, cancellationToken).ConfigureAwait(false);
        var routes = new List<(string Route, Uri Base)> { ("through the listener", listenerUrl) };
        if (engine is not null)
        {
            var task = (await TaskEndpoints.ReadAsync(server.Endpoint, cancellationToken).ConfigureAwait(false)).First(e => e.ContainerPort == 80);
            routes.Add(("straight to one task's loopback port", task.Url));
        }
        var loads = new List<LoadResult>();
        foreach (var path in new[] { "/", "/no-such-page" })
        foreach (var (route, baseUrl) in routes)
        {
            var result = await LoadAsync(route, new Uri(baseUrl, path), path, options, cancellationToken).ConfigureAwait(false);
            await progress.WriteLineAsync($"  {route} {path}: {result.RequestsPerSecond:0} req/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms").ConfigureAwait(false);
            loads.Add(result);
        }

        return new ListenerResult(loads, engineName);
    }

    /// <summary>Every container the simulator (killed with its process) left for its state directory: the tasks' pause and app containers.</summary>
    private static async Task RemoveContainersAsync(DockerEngine engine, string? stateDirectory)
    {
        if (stateDirectory is null) return;
        var left = await engine.Client.Containers.ListContainersAsync(new global::Docker.DotNet.Models.ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{Simulator.Runtime.Docker.WorkshopLabels.StateDirectory}={stateDirectory}"] = true },
            },
        }, CancellationToken.None).ConfigureAwait(false);
        foreach (var container in left)
            await engine.Client.Containers.RemoveContainerAsync(container.ID, new global::Docker.DotNet.Models.ContainerRemoveParameters { Force = true }, CancellationToken.None)
                .ConfigureAwait(false);
    }

    public static BenchReport Report(ListenerResult result, ListenerOptions options)
    {
        var table = new ResultTable("HTTP load, same run", "route", "path", "requests/s", "p50 (ms)", "p99 (ms)", "requests", "non-2xx", "load tool");
        foreach (var load in result.Loads)
            table.Add(load.Route, load.Path, Math.Round(load.RequestsPerSecond), load.P50Ms, load.P99Ms, load.Requests, load.NotOk, load.Tool);
        return new BenchReport("listener", "The simulated ALB listener against a task's own loopback port",
            "workshop serve in its own process; the sample image (BusyBox httpd, its CGI page on /) built and pushed by the helper; a Fargate service behind an ALB listener on 127.0.0.1; " +
            "then, one after another in the same run, HTTP GET load through the listener (YARP, round robin over the healthy targets, X-Forwarded-* added) and straight to one task's published loopback port, " +
            "for / (the CGI page) and /no-such-page (httpd's own 404, no CGI). non-2xx counts answers other than 2xx (the 404 path is all 404 by design).",
            [table],
            [$"{options.Tasks} task(s) behind the listener; {options.Connections} connection(s), {options.Duration.TotalSeconds:0} s per load", result.Runtime]);
    }

    /// <summary>The listener's loopback URL, as <c>/_workshop/endpoints</c> lists it.</summary>
    private static async Task<Uri> ListenerUrlAsync(Uri simulator, string listenerArn, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var endpoints = await http.GetFromJsonAsync<List<JsonElement>>(new Uri(simulator, "/_workshop/endpoints"), cancellationToken).ConfigureAwait(false) ?? [];
            var found = endpoints.FirstOrDefault(e => e.TryGetProperty("listenerArn", out var arn) && arn.GetString() == listenerArn);
            if (found.ValueKind == JsonValueKind.Object) return new Uri(found.GetProperty("url").GetString()!);
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("The listener never showed in /_workshop/endpoints.");
            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<LoadResult> LoadAsync(string route, Uri url, string path, ListenerOptions options, CancellationToken cancellationToken) =>
        File.Exists(Wrk) ? WrkAsync(route, url, path, options, cancellationToken) : HttpClientLoadAsync(route, url, path, options, cancellationToken);

    /// <summary>
    /// <c>wrk -t2 -cN -dS --latency URL</c>: requests per second, the 50% and 99% of its latency distribution (it
    /// corrects for coordinated omission), the request count and the non-2xx/3xx answers it reports.
    /// </summary>
    private static async Task<LoadResult> WrkAsync(string route, Uri url, string path, ListenerOptions options, CancellationToken cancellationToken)
    {
        var threads = Math.Min(2, options.Connections);
        var start = new ProcessStartInfo(Wrk)
        {
            ArgumentList = { $"-t{threads}", $"-c{options.Connections}", $"-d{(int)Math.Ceiling(options.Duration.TotalSeconds)}s", "--latency", url.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Wrk} did not start.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {output}{await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false)}");
        return ParseWrk(route, path, output);
    }

    /// <summary>Reads wrk's report (<c>--latency</c>).</summary>
    public static LoadResult ParseWrk(string route, string path, string output)
    {
        double Percentile(string percent) =>
            Regex.Match(output, @"^\s*" + percent + @"%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline) is { Success: true } m
                ? Milliseconds(m.Groups[1].Value, m.Groups[2].Value)
                : throw new FormatException($"wrk printed no {percent}% latency:\n{output}");
        var rate = RequestsPerSecond().Match(output) is { Success: true } r ? double.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : throw new FormatException($"wrk printed no Requests/sec:\n{output}");
        var requests = RequestCount().Match(output) is { Success: true } c ? long.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var notOk = NotOkCount().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new LoadResult(route, path, rate, Percentile("50"), Percentile("99"), requests, notOk, "wrk");
    }

    private static double Milliseconds(string value, string unit) =>
        double.Parse(value, CultureInfo.InvariantCulture) * unit switch { "us" => 0.001, "ms" => 1, _ => 1000 };

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s*(\d+) requests in ", RegexOptions.Multiline)]
    private static partial Regex RequestCount();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NotOkCount();

    /// <summary>N connections, each a loop of GETs for the duration, timed one by one.</summary>
    private static async Task<LoadResult> HttpClientLoadAsync(string route, Uri url, string path, ListenerOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = options.Connections }) { Timeout = TimeSpan.FromSeconds(10) };
        var ticks = new List<long>();
        long notOk = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(async _ =>
        {
            var mine = new List<long>();
            while (clock.Elapsed < options.Duration)
            {
                var begin = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                mine.Add(Stopwatch.GetTimestamp() - begin);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref notOk);
            }
            lock (ticks) ticks.AddRange(mine);
        })).ConfigureAwait(false);
        var stats = LatencyStats.FromTicks(ticks);
        return new LoadResult(route, path, ticks.Count / clock.Elapsed.TotalSeconds, stats.P50Ms, stats.P99Ms, ticks.Count, notOk, "HttpClient");
    }

    private static string SampleWeb()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Workshop.sln"))) return Path.Combine(directory.FullName, "samples", "web");
        throw new DirectoryNotFoundException("samples/web: Workshop.sln not found above " + AppContext.BaseDirectory);
    }
}
