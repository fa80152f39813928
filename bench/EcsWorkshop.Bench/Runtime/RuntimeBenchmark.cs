using System.Diagnostics;
using Docker.DotNet.Models;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Bench.Processes;
using EcsWorkshop.Bench.Reporting;
using EcsWorkshop.Docker;
using EcsWorkshop.Simulator.Runtime.Docker;
using EcsWorkshop.Steps;

namespace EcsWorkshop.Bench.Runtime;

/// <summary>How many tasks one service starts, how many rounds, and the simulator's speed (its simulated delays shrink with it).</summary>
public sealed record RuntimeOptions(int Tasks, int Rounds, double Speed);

/// <summary>One task of one round: when it was RUNNING and when its page first answered, from CreateService; what its containers use.</summary>
public sealed record TaskTiming(double RunningSeconds, double FirstAnswerSeconds, long ContainerMemoryBytes);

/// <summary>What the runtime benchmark measured.</summary>
public sealed record RuntimeResult(IReadOnlyList<TaskTiming> Tasks, long SimulatorResidentBefore, long SimulatorResidentWithTasks, int RunningTasks, string Engine);

/// <summary>
/// The Docker runtime, end to end: <c>workshop serve --runtime docker</c> as its own process; the sample image built
/// and pushed by the helper library through the Engine API; then per round a Fargate service of N tasks created over
/// the ECS API, and per task the time from <c>CreateService</c> to <c>lastStatus</c> RUNNING (DescribeTasks every
/// 50 ms) and to the first 200 from its loopback URL (<c>/_workshop/endpoints</c>); with all tasks running, each
/// task's containers' memory (the engine's stats: pause + app) and the simulator's resident memory (<c>/proc</c>).
/// </summary>
public static class RuntimeBenchmark
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static async Task<RuntimeResult> RunAsync(RuntimeOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        using var engine = await DockerEngine.TryConnectAsync(null, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No Docker engine answers at {DockerEngine.EndpointFromEnvironment()}: the runtime benchmark needs one (DOCKER_HOST).");
        var version = await engine.Client.System.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        await using var server = await Servers.StartSimulatorAsync(options.Speed, "docker", cancellationToken).ConfigureAwait(false);
        var label = new Dictionary<string, string> { ["ecs-workshop.bench"] = $"runtime-{Guid.NewGuid():N}"[..20] };
        await using var workshop = await Workshop.ConnectToSimulatorAsync(server.Endpoint, new WorkshopOptions
        {
            ProgressOutput = null,
            ImageBuilder = ImageBuilderChoice.Docker,
            DockerLabels = label,
        }).ConfigureAwait(false);
        try
        {
            var uri = (await workshop.CreateRepositoryAsync("bench-web", cancellationToken).ConfigureAwait(false)).Value.Uri;
            var image = await workshop.BuildImageAsync(SampleWeb(), "bench-web", "v1", cancellationToken).ConfigureAwait(false);
            await workshop.PushImageAsync(image.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
            await workshop.CreateClusterAsync("bench", cancellationToken).ConfigureAwait(false);
            // The sample as it is: its own start script, BusyBox httpd on port 80.
            await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = "bench-web", ContainerName = "web", Image = $"{uri}:v1", Port = 80 },
                cancellationToken).ConfigureAwait(false);
            await progress.WriteLineAsync($"  sample image built and pushed; {options.Rounds} round(s) of a service with {options.Tasks} task(s)").ConfigureAwait(false);

            var timings = new List<TaskTiming>();
            long before = 0, withTasks = 0;
            var running = 0;
            for (var round = 1; round <= options.Rounds; round++)
            {
                before = ProcessMemory.Read(server.Id)?.ResidentBytes ?? 0;
                var service = $"bench-{round}";
                var (roundTimings, arns) = await TimeServiceAsync(workshop, engine, service, options.Tasks, cancellationToken).ConfigureAwait(false);
                withTasks = ProcessMemory.Read(server.Id)?.ResidentBytes ?? 0;
                running = arns.Count;
                timings.AddRange(roundTimings);
                await progress.WriteLineAsync($"  round {round}: {roundTimings.Count} task(s), RUNNING after {roundTimings.Select(t => t.RunningSeconds).DefaultIfEmpty().Max():0.00} s, answered after {roundTimings.Select(t => t.FirstAnswerSeconds).DefaultIfEmpty().Max():0.00} s (slowest)").ConfigureAwait(false);
                await workshop.Aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = "bench", Service = service, Force = true }, cancellationToken).ConfigureAwait(false);
                await WaitForNoContainersAsync(engine, arns, cancellationToken).ConfigureAwait(false);
            }
            return new RuntimeResult(timings, before, withTasks, running, $"Docker {version.Version} (API {version.APIVersion})");
        }
        finally
        {
            await RemoveImagesAsync(engine, label, cancellationToken).ConfigureAwait(false);
        }
    }

    public static BenchReport Report(RuntimeResult result, RuntimeOptions options)
    {
        double Seconds(IEnumerable<double> values, Func<double[], double> pick) => values.ToArray() is { Length: > 0 } a ? pick(a.Order().ToArray()) : double.NaN;
        var running = result.Tasks.Select(t => t.RunningSeconds).ToArray();
        var answered = result.Tasks.Select(t => t.FirstAnswerSeconds).ToArray();
        var times = new ResultTable("From CreateService, per task (seconds)", "measure", "tasks", "median", "p90", "max")
            .Add("lastStatus RUNNING", running.Length, Seconds(running, a => a[a.Length / 2]), Seconds(running, a => a[(int)Math.Ceiling(a.Length * 0.9) - 1]), Seconds(running, a => a[^1]))
            .Add("first HTTP 200 at its loopback URL", answered.Length, Seconds(answered, a => a[a.Length / 2]), Seconds(answered, a => a[(int)Math.Ceiling(a.Length * 0.9) - 1]), Seconds(answered, a => a[^1]));
        var memory = result.Tasks.Select(t => t.ContainerMemoryBytes).ToArray();
        var perTask = new ResultTable("Extra memory per running task (MiB)", "what", "value")
            .Add("containers (pause + app), engine stats, median", memory.Length == 0 ? double.NaN : memory.Order().ElementAt(memory.Length / 2) / 1048576.0)
            .Add("simulator process (VmRSS with the tasks − before) / tasks", result.RunningTasks == 0 ? double.NaN : (result.SimulatorResidentWithTasks - result.SimulatorResidentBefore) / 1048576.0 / result.RunningTasks);
        return new BenchReport("runtime", "The Docker runtime: tasks to RUNNING, to their first answered request, and their memory",
            "workshop serve --runtime docker in its own process; the sample image (BusyBox httpd + CGI on port 80, its own start script) built and pushed by the helper through the Engine API; per round a service of N tasks created over the ECS API, DescribeTasks polled every 50 ms, each task's loopback URL asked every 50 ms; memory from the engine's one-shot stats and /proc/PID/status.",
            [times, perTask],
            [$"{options.Rounds} round(s) × {options.Tasks} task(s); simulator speed ×{options.Speed} (the simulated PROVISIONING/PENDING delays shrink with it; container start is real time)",
             result.Engine]);
    }

    private static async Task<(List<TaskTiming> Timings, List<string> Arns)> TimeServiceAsync(Workshop workshop, DockerEngine engine, string service, int count,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await workshop.Aws.Ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = "bench",
            ServiceName = service,
            TaskDefinition = "bench-web",
            DesiredCount = count,
            LaunchType = LaunchTypes.Fargate,
            NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [Workshop.SimulatedSubnet], SecurityGroups = [Workshop.SimulatedSecurityGroup] } },
        }, cancellationToken).ConfigureAwait(false);
        var runningAt = new Dictionary<string, double>();
        var answeredAt = new Dictionary<string, double>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (answeredAt.Count < count || runningAt.Count < count)
        {
            if (clock.Elapsed > Limit) throw new TimeoutException($"After {Limit.TotalSeconds} s only {runningAt.Count} task(s) RUNNING and {answeredAt.Count} answering of {count}.");
            var arns = new List<string>();
            await foreach (var arn in workshop.Aws.Ecs.ListAllTaskArnsAsync(new ListTasksRequest { Cluster = "bench", ServiceName = service }, cancellationToken).ConfigureAwait(false)) arns.Add(arn);
            if (arns.Count > 0)
            {
                var described = await workshop.Aws.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = "bench", Tasks = arns }, cancellationToken).ConfigureAwait(false);
                foreach (var task in described.Tasks ?? [])
                    if (task.LastStatus == "RUNNING" && task.TaskArn is { } arn) runningAt.TryAdd(arn, clock.Elapsed.TotalSeconds);
            }
            foreach (var endpoint in await TaskEndpoints.ReadAsync(new Uri(workshop.Endpoint!.ToString()), cancellationToken).ConfigureAwait(false))
            {
                if (answeredAt.ContainsKey(endpoint.TaskArn) || !arns.Contains(endpoint.TaskArn)) continue;
                try
                {
                    using var response = await http.GetAsync(endpoint.Url, cancellationToken).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode) answeredAt[endpoint.TaskArn] = clock.Elapsed.TotalSeconds;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }
            }
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
        var timings = new List<TaskTiming>();
        foreach (var arn in answeredAt.Keys)
            timings.Add(new TaskTiming(runningAt.GetValueOrDefault(arn, double.NaN), answeredAt[arn], await TaskMemoryAsync(engine, arn, cancellationToken).ConfigureAwait(false)));
        return (timings, [.. answeredAt.Keys]);
    }

    // The memory the engine reports for every container of the task (the pause container and the app).
    private static async Task<long> TaskMemoryAsync(DockerEngine engine, string taskArn, CancellationToken cancellationToken)
    {
        var containers = await engine.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{WorkshopLabels.TaskArn}={taskArn}"] = true } },
        }, cancellationToken).ConfigureAwait(false);
        long total = 0;
        foreach (var container in containers)
        {
            var captured = new LastReport<ContainerStatsResponse>();
            await engine.Client.Containers.GetContainerStatsAsync(container.ID, new ContainerStatsParameters { Stream = false, OneShot = false },
                captured, cancellationToken).ConfigureAwait(false);
            if (captured.Value?.MemoryStats is { } memory)
            {
                // As `docker stats` shows it on cgroup v1: usage minus the page cache.
                var cache = memory.Stats is { } detail && detail.TryGetValue("cache", out var c) ? (long)c : 0;
                total += (long)(memory.Usage ?? 0) - cache;
            }
        }
        return total;
    }

    // Keeps the last value reported, synchronously (Progress<T> would post it later, after the call returned).
    private sealed class LastReport<T> : IProgress<T>
    {
        public T? Value { get; private set; }

        public void Report(T value) => Value = value;
    }

    private static async Task WaitForNoContainersAsync(DockerEngine engine, IReadOnlyList<string> arns, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Limit;
        foreach (var arn in arns)
        {
            while (DateTime.UtcNow < deadline)
            {
                var left = await engine.Client.Containers.ListContainersAsync(new ContainersListParameters
                {
                    All = true,
                    Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{WorkshopLabels.TaskArn}={arn}"] = true } },
                }, cancellationToken).ConfigureAwait(false);
                if (left.Count == 0) break;
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    internal static async Task RemoveImagesAsync(DockerEngine engine, IReadOnlyDictionary<string, string> label, CancellationToken cancellationToken)
    {
        var (key, value) = label.Single();
        var images = await engine.Client.Images.ListImagesAsync(new ImagesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{key}={value}"] = true } },
        }, CancellationToken.None).ConfigureAwait(false);
        foreach (var image in images)
        {
            try
            {
                await engine.Client.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true }, CancellationToken.None).ConfigureAwait(false);
            }
            catch (global::Docker.DotNet.DockerApiException)
            {
                // Already gone with another tag of it.
            }
        }
    }

    private static string SampleWeb()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Workshop.sln"))) return Path.Combine(directory.FullName, "samples", "web");
        throw new DirectoryNotFoundException("samples/web: Workshop.sln not found above " + AppContext.BaseDirectory);
    }
}
