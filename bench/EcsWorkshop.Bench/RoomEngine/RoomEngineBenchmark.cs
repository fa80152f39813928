using System.Diagnostics;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using EcsWorkshop.Bench.Reporting;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Runtime;
using EcsWorkshop.Simulator.Runtime.Docker;

namespace EcsWorkshop.Bench.RoomEngine;

/// <summary>How many learners the room has, how many of them run a service, the speed, and how long the idle room is watched.</summary>
public sealed record RoomEngineOptions(int Learners, int ActiveLearners, double Speed, TimeSpan Watched)
{
    public static RoomEngineOptions Full { get; } = new(20, 5, 10, TimeSpan.FromSeconds(30));

    public static RoomEngineOptions Quick { get; } = new(4, 2, 10, TimeSpan.FromSeconds(5));
}

/// <summary>What one idle room cost the engine and the server.</summary>
public sealed record RoomEngineResult(
    int Learners, int RunningTasks, double Seconds, long EngineRequests, double AverageOpenConnections, int MostOpenConnections,
    double CpuSeconds, string Engine);

/// <summary>
/// What a classroom on the Docker runtime asks of the engine while nobody acts: a <c>serve --classroom</c> room of N
/// learners (in this process, on the Docker runtime), a few of whom run a one-task service whose container has a
/// health check and whose desired count is scaled on CPU (target tracking, so the container stats are sampled); once
/// every task is RUNNING and healthy, the room is watched for a while: the requests the simulator sends the engine
/// (counted by a Unix socket in front of the engine's), the connections it holds open, and the process's CPU time.
/// </summary>
public static class RoomEngineBenchmark
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static async Task<RoomEngineResult> RunAsync(RoomEngineOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var engineHost = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : DockerEndpoint.DefaultSocket;
        using var docker = await DockerEndpoint.TryConnectAsync(new Uri(engineHost), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No Docker engine answers at {engineHost}: the room-engine benchmark needs one (DOCKER_HOST).");
        var version = await docker.System.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        await using var counter = new EngineRequestCounter(EngineRequestCounter.SocketPath(engineHost));
        var state = Directory.CreateTempSubdirectory("ecs-workshop-bench-room-engine-").FullName;
        var roster = Roster.Generate(options.Learners);
        Environment.SetEnvironmentVariable("DOCKER_HOST", counter.Endpoint);
        SimulatorServer? server = null;
        try
        {
            server = await SimulatorServer.StartAsync(new SimulatorOptions
            {
                Port = 0,
                StateDirectory = state,
                Simulation = SimulationSettings.AtSpeed(options.Speed),
                Runtime = RuntimeChoice.Docker,
                Classroom = new ClassroomOptions(roster, $"bench-{Guid.NewGuid():N}"),
            }, cancellationToken).ConfigureAwait(false);
            var active = server.Accounts.All.Take(options.ActiveLearners).ToList();
            foreach (var account in active) await StartServiceAsync(account).ConfigureAwait(false);
            await progress.WriteLineAsync($"  {options.Learners} learners, {active.Count} of them running a service; waiting for their tasks").ConfigureAwait(false);
            await WaitRunningAndHealthyAsync(active, cancellationToken).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);

            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var requestsBefore = counter.Requests;
            var clock = Stopwatch.StartNew();
            var open = new List<int>();
            while (clock.Elapsed < options.Watched)
            {
                open.Add(counter.OpenConnections);
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
            var seconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var requests = counter.Requests - requestsBefore;
            await progress.WriteLineAsync($"  watched {seconds:0.0} s: {requests / seconds:0.0} engine requests/s, {open.Average():0.0} open connections, CPU {cpu / seconds * 100:0.0} % of a core").ConfigureAwait(false);
            return new RoomEngineResult(options.Learners, active.Count, seconds, requests, open.Average(), open.Max(), cpu, $"Docker {version.Version} (API {version.APIVersion})");
        }
        finally
        {
            if (server is not null) await server.DisposeAsync().ConfigureAwait(false);
            Environment.SetEnvironmentVariable("DOCKER_HOST", engineHost);
            await RemoveLeftoversAsync(docker, state).ConfigureAwait(false);
            try
            {
                Directory.Delete(state, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    public static BenchReport Report(RoomEngineResult result, RoomEngineOptions options)
    {
        var table = new ResultTable("The idle room's cost", "measure", "value")
            .Add("learners", result.Learners)
            .Add("running tasks (health check, CPU target tracking)", result.RunningTasks)
            .Add("seconds watched", result.Seconds)
            .Add("engine requests per second", result.EngineRequests / result.Seconds)
            .Add("engine connections held open, average", result.AverageOpenConnections)
            .Add("engine connections held open, most", result.MostOpenConnections)
            .Add("server CPU, % of one core", result.CpuSeconds / result.Seconds * 100);
        return new BenchReport("room-engine", "A classroom on the Docker runtime, idle: what it asks of the engine",
            "serve --classroom in the bench's process on the Docker runtime; DOCKER_HOST points at a Unix socket that passes every byte to the engine and counts the request lines and open connections; CPU is the process's (the bench itself only sleeps while watching).",
            [table],
            [$"{options.Learners} learners, {options.ActiveLearners} with a one-task service; speed ×{options.Speed}", result.Engine]);
    }

    private static async Task StartServiceAsync(AccountHost account)
    {
        var region = RequestContext.DefaultRegion;
        async Task Call(AwsJsonService service, string operation, object body) =>
            await service.InvokeAsync(operation, new RequestContext(region, account.AccountId, Guid.NewGuid().ToString()), JsonSerializer.SerializeToElement(body)).ConfigureAwait(false);
        var ecs = account.Simulation.EcsApi;
        await Call(ecs, "CreateCluster", new { clusterName = "room" }).ConfigureAwait(false);
        await Call(ecs, "RegisterTaskDefinition", new
        {
            family = "web",
            networkMode = "awsvpc",
            requiresCompatibilities = new[] { "FARGATE" },
            cpu = "256",
            memory = "512",
            containerDefinitions = new[]
            {
                new
                {
                    name = "web",
                    image = BusyboxImage.Tag,
                    essential = true,
                    entryPoint = new[] { "/bin/sh", "-c" },
                    command = new[] { "mkdir -p /www && echo room > /www/index.html && exec httpd -f -p 8080 -h /www" },
                    portMappings = new[] { new { containerPort = 8080 } },
                    healthCheck = new { command = new[] { "CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1" }, interval = 5, timeout = 2, retries = 3 },
                    linuxParameters = new { initProcessEnabled = true },
                    stopTimeout = 5,
                },
            },
        }).ConfigureAwait(false);
        await Call(ecs, "CreateService", new
        {
            cluster = "room",
            serviceName = "web",
            taskDefinition = "web",
            desiredCount = 1,
            launchType = "FARGATE",
            networkConfiguration = new { awsvpcConfiguration = new { subnets = new[] { EcsWorkshop.Workshop.SimulatedSubnet } } },
        }).ConfigureAwait(false);
        var scaling = account.Simulation.AutoScalingApi;
        await Call(scaling, "RegisterScalableTarget", new
        {
            ServiceNamespace = "ecs",
            ResourceId = "service/room/web",
            ScalableDimension = "ecs:service:DesiredCount",
            MinCapacity = 1,
            MaxCapacity = 1,
        }).ConfigureAwait(false);
        await Call(scaling, "PutScalingPolicy", new
        {
            PolicyName = "cpu",
            ServiceNamespace = "ecs",
            ResourceId = "service/room/web",
            ScalableDimension = "ecs:service:DesiredCount",
            PolicyType = "TargetTrackingScaling",
            TargetTrackingScalingPolicyConfiguration = new
            {
                TargetValue = 75.0,
                PredefinedMetricSpecification = new { PredefinedMetricType = "ECSServiceAverageCPUUtilization" },
            },
        }).ConfigureAwait(false);
    }

    private static async Task WaitRunningAndHealthyAsync(IReadOnlyList<AccountHost> accounts, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var tasks = accounts.SelectMany(a => a.Simulation.Ecs.World.Tasks.Values.Where(t => t.IsAlive)).ToList();
            if (tasks.Count == accounts.Count && tasks.All(t => t.LastStatus == EcsTaskStatus.Running && t.HealthStatus == ContainerHealth.Healthy)) return;
            if (clock.Elapsed > Limit)
                throw new TimeoutException($"After {Limit.TotalSeconds} s: {string.Join(", ", tasks.Select(t => $"{t.LastStatus}/{t.HealthStatus} {t.StoppedReason}"))}");
            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    // Stopping the room removes its containers; anything left under the room's folder is removed and reported.
    private static async Task RemoveLeftoversAsync(DockerClient docker, string state)
    {
        var all = await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [WorkshopLabels.StateDirectory] = true } },
        }).ConfigureAwait(false);
        var root = Path.GetFullPath(state);
        foreach (var left in all.Where(c => c.Labels is { } labels && labels.TryGetValue(WorkshopLabels.StateDirectory, out var owner) && owner.StartsWith(root, StringComparison.Ordinal)))
        {
            await docker.Containers.RemoveContainerAsync(left.ID, new ContainerRemoveParameters { Force = true }).ConfigureAwait(false);
            throw new InvalidOperationException($"The room left container {left.Names?.FirstOrDefault()} behind.");
        }
    }
}
