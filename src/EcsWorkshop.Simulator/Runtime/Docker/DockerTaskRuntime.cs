using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Logs.Domain;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.Runtime.Docker;

/// <summary>Where the Docker runtime keeps what it needs, and how it behaves at exit.</summary>
public sealed record DockerRuntimeSettings(string StateLabel, string MetadataRoot, bool KeepContainers, TimeSpan TickInterval)
{
    /// <summary>Where the containers' ports are published (loopback unless the server listens on another address).</summary>
    public Hosting.PublishedAddress Published { get; init; } = Hosting.PublishedAddress.Loopback;
}

/// <summary>
/// The Docker runtime of one account: runs its tasks' containers on a Docker engine. At each tick of the server's
/// <see cref="DockerEngineLoop"/> it looks at the account's ECS world, does the engine work asynchronously (pull,
/// create, start, stop, remove), and reports back through the domain's commands (<see cref="TaskRuntimeReports"/>):
/// containers started, a container exited (with its code, OOM included), could not start, health changed, stopped —
/// exits and health changes come from the engine's events, which the loop hands to the account whose label the
/// container carries. A task whose containers vanished while the simulator was down stops with a clear reason. Every
/// container carries the account's labels (<see cref="WorkshopLabels"/>); at exit they are removed unless asked to
/// keep them, and a simulator restarted on the same state folder adopts them.
/// </summary>
public sealed class DockerTaskRuntime : IContainerRuntime
{
    private readonly DockerClient _client;
    private readonly EcsEngine _engine;
    private readonly LogsEngine _logs;
    private readonly DockerRuntimeSettings _settings;
    private readonly ILogger _logger;
    private readonly ImagePuller _puller;
    private readonly TaskContainerSpecs _specs;
    private readonly TaskMetadataFiles _metadata;
    private readonly AwslogsForwarder _forwarder;
    private readonly ConcurrentDictionary<string, TaskRun> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WatchedContainer> _watched = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private string? _pauseImage;
    private string? _pauseImageError;

    public DockerTaskRuntime(
        DockerClient client, Uri endpoint, EcsEngine engine, EcrEngine ecr, LogsEngine logs, RegistryAddress registry,
        DockerRuntimeSettings settings, ILogger<DockerTaskRuntime> logger)
    {
        _client = client;
        _engine = engine;
        _logs = logs;
        _settings = settings;
        _logger = logger;
        Engine = endpoint.ToString();
        _puller = new ImagePuller(client, ecr, registry);
        _specs = new TaskContainerSpecs(settings.StateLabel, settings.Published.DockerHostIp);
        _metadata = new TaskMetadataFiles(settings.MetadataRoot);
        _forwarder = new AwslogsForwarder(client, logs);
    }

    public ContainerRuntimeKind Kind => ContainerRuntimeKind.Docker;

    /// <summary>The label value every container of this account carries (<see cref="WorkshopLabels.StateDirectory"/>).</summary>
    public string StateLabel => _settings.StateLabel;

    /// <summary>Whether the account's containers stay when the server stops.</summary>
    public bool KeepsContainers => _settings.KeepContainers;

    public string? Engine { get; }

    /// <summary>One task's containers as the runtime knows them.</summary>
    private sealed class TaskRun
    {
        public CancellationTokenSource Starting { get; } = new();
        public CancellationTokenSource Lifetime { get; } = new();
        public Task Start { get; set; } = Task.CompletedTask;
        public int StopBegun;
        public volatile bool Started;
        public long SeenVersion;
        public ConcurrentDictionary<string, string> DockerIds { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<int, int> HostPorts { get; } = new();
        public ConcurrentBag<Task> Forwarders { get; } = [];
        public ConcurrentDictionary<string, JsonNode?> Stats { get; } = new(StringComparer.Ordinal);
        public int StatsRefreshing;
        public Lock MetadataGate { get; } = new();
    }

    /// <summary>A running container whose exit and health the engine's events report.</summary>
    private sealed record WatchedContainer(string TaskArn, string Name, TaskRun Run)
    {
        public string Health { get; set; } = ContainerHealth.Unknown;
    }

    /// <summary>The pause image the server's loop made (or why it could not): tasks cannot start without it.</summary>
    public void UsePauseImage(string? image, string? error)
    {
        _pauseImage = image;
        _pauseImageError = error;
    }

    /// <summary>At exit: no more starts, every task's log forwarding ends.</summary>
    public async Task ShutdownAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        foreach (var run in _runs.Values) await run.Lifetime.CancelAsync().ConfigureAwait(false);
        // A start in flight ends at its next call to the engine; waiting for it means the containers it made are there
        // when the loop lists what to remove (a scale-out caught by the exit otherwise left a "created" container).
        try
        {
            await Task.WhenAll(_runs.Values.Select(r => r.Start)).WaitAsync(StartsEndWithin).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("A task start was still talking to the engine {Seconds} s after the exit began.", StartsEndWithin.TotalSeconds);
        }
    }

    /// <summary>How long the exit waits for the starts in flight (each ends at its next call to the engine).</summary>
    private static readonly TimeSpan StartsEndWithin = TimeSpan.FromSeconds(10);

    /// <summary>Removes <paramref name="owned"/>, this account's containers as the loop listed them.</summary>
    public Task RemoveAllAsync(IReadOnlyList<ContainerListResponse> owned) =>
        Task.WhenAll(owned.Where(IsMine).Select(c => RemoveAsync(c.ID, CancellationToken.None)));

    private bool IsMine(ContainerListResponse container) => LabelOf(container, WorkshopLabels.StateDirectory) == _settings.StateLabel;

    /// <summary>
    /// An event of one of this account's containers (the loop hands each account only its own): a watched container
    /// died (its exit is read and reported once), or its health check's status changed.
    /// </summary>
    public void OnContainerEvent(string containerId, string action)
    {
        if (!_watched.TryGetValue(containerId, out var watched)) return;
        if (action == "die")
        {
            if (!_watched.TryRemove(containerId, out _) || Volatile.Read(ref watched.Run.StopBegun) == 1) return;
            _ = Task.Run(async () =>
            {
                try
                {
                    var exit = await ExitOfAsync(watched.Name, containerId, _shutdown.Token).ConfigureAwait(false);
                    Report(tx => TaskRuntimeReports.Exited(tx, watched.TaskArn, exit));
                }
                catch (Exception e) when (e is OperationCanceledException || e is DockerContainerNotFoundException || _shutdown.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    _logger.LogWarning(e, "Could not read the exit of container {Container}.", watched.Name);
                }
            });
        }
        else if (action.StartsWith("health_status:", StringComparison.Ordinal))
        {
            ReportHealth(watched, action["health_status:".Length..].Trim());
        }
    }

    private void ReportHealth(WatchedContainer watched, string dockerStatus)
    {
        var health = dockerStatus switch
        {
            "healthy" => ContainerHealth.Healthy,
            "unhealthy" => ContainerHealth.Unhealthy,
            _ => ContainerHealth.Unknown,
        };
        lock (watched)
        {
            if (health == watched.Health || Volatile.Read(ref watched.Run.StopBegun) == 1) return;
            watched.Health = health;
        }
        Report(tx => TaskRuntimeReports.HealthChanged(tx, watched.TaskArn, watched.Name, health));
    }

    /// <summary>One pass over the world: start what is to start, stop what is to stop, refresh the metadata.</summary>
    public void Observe()
    {
        var world = _engine.World;
        foreach (var task in world.Tasks.Values)
        {
            _runs.TryGetValue(task.Arn, out var run);
            if (task is { LastStatus: EcsTaskStatus.Pending, DesiredStatus: EcsTaskStatus.Running } && run is null)
            {
                run = new TaskRun();
                if (_runs.TryAdd(task.Arn, run)) run.Start = Task.Run(() => StartAsync(task.Arn, run));
            }
            else if (task.LastStatus == EcsTaskStatus.Stopping || (!task.IsAlive && run is not null))
            {
                run ??= _runs.GetOrAdd(task.Arn, _ => new TaskRun());
                if (Interlocked.Exchange(ref run.StopBegun, 1) == 0) _ = Task.Run(() => StopAsync(task.Arn, run));
            }
            else if (run is { Started: true } && run.SeenVersion != task.Version && task.LastStatus is >= EcsTaskStatus.Activating and <= EcsTaskStatus.Deactivating)
            {
                run.SeenVersion = task.Version;
                WriteMetadata(task.Arn, run);
                if (Interlocked.Exchange(ref run.StatsRefreshing, 1) == 0) _ = Task.Run(() => RefreshStatsAsync(task.Arn, run, _shutdown.Token));
            }
        }
        foreach (var (arn, run) in _runs)
            if (!world.Tasks.ContainsKey(arn) && Interlocked.Exchange(ref run.StopBegun, 1) == 0)
                _ = Task.Run(() => StopAsync(arn, run));
    }

    private async Task StartAsync(string taskArn, TaskRun run)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(run.Starting.Token, _shutdown.Token);
        var token = linked.Token;
        var world = _engine.World;
        if (world.Tasks.GetValueOrDefault(taskArn) is not { } task || !world.TaskDefinitions.TryGetValue(task.TaskDefinitionArn, out var definition)) return;
        try
        {
            if (task.Containers.FirstOrDefault(c => c.Readiness?.StartFailure is not null) is { Readiness.StartFailure: { } failure } failing)
            {
                Report(tx => TaskRuntimeReports.FailedToStart(tx, taskArn, failing.Name, failure));
                return;
            }
            if (_pauseImage is null)
            {
                Report(tx => TaskRuntimeReports.FailedToStart(tx, taskArn, task.Containers[0].Name, StopReasons.CannotPullContainer.Format(_pauseImageError ?? "the pause image is not ready")));
                return;
            }

            var region = EcsArns.Of(taskArn).Region;
            var images = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var container in task.Containers)
            {
                try
                {
                    images[container.Name] = await _puller.PullAsync(region, container, token).ConfigureAwait(false);
                }
                catch (ImagePullException e)
                {
                    Report(tx => TaskRuntimeReports.FailedToStart(tx, taskArn, container.Name, StopReasons.CannotPullContainer.Format(e.Message)));
                    return;
                }
            }

            var metadataDirectory = _metadata.DirectoryOf(task);
            Directory.CreateDirectory(metadataDirectory);
            _metadata.Write(task, definition, new Dictionary<string, string>(), new Dictionary<string, JsonNode?>());
            var pause = await _client.Containers.CreateContainerAsync(_specs.Pause(task, _pauseImage, metadataDirectory), token).ConfigureAwait(false);
            await _client.Containers.StartContainerAsync(pause.ID, new ContainerStartParameters(), token).ConfigureAwait(false);
            await ReadHostPortsAsync(pause.ID, run, token).ConfigureAwait(false);

            foreach (var container in task.Containers)
            {
                var created = await _client.Containers.CreateContainerAsync(
                    _specs.App(task, definition, container, images[container.Name], pause.ID, TaskMetadataFiles.EnvironmentFor(task, definition, container.Name)),
                    token).ConfigureAwait(false);
                run.DockerIds[container.Name] = created.ID;
            }
            foreach (var container in StartOrder(task, definition))
            {
                var source = definition.ContainerDefinitions.First(c => c.Name == container.Name);
                if (await WaitForDependenciesAsync(run, source, token).ConfigureAwait(false) is { } violation)
                {
                    Report(tx => TaskRuntimeReports.FailedToStart(tx, taskArn, container.Name, violation));
                    return;
                }
                var id = run.DockerIds[container.Name];
                // Watched before it starts, so an exit right after the start is never missed.
                _watched[id] = new WatchedContainer(taskArn, container.Name, run);
                await _client.Containers.StartContainerAsync(id, new ContainerStartParameters(), token).ConfigureAwait(false);
                Watch(task, definition, container, id, run, since: null);
            }
            run.Started = true;
            Report(tx => TaskRuntimeReports.Started(tx, taskArn,
                [.. task.Containers.Select(c => new StartedContainer(c.Name, run.DockerIds[c.Name], c.Readiness?.ImageDigest))]));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            var message = e is DockerApiException api ? ImagePuller.EngineMessage(api) : e.Message;
            _logger.LogWarning(e, "Task {Task} could not start.", task.Id);
            Report(tx => TaskRuntimeReports.FailedToStart(tx, taskArn, task.Containers[0].Name, StopReasons.CannotStartContainer.Format(message)));
        }
    }

    /// <summary>Containers in an order that starts each after those it depends on (definition order otherwise).</summary>
    private static List<TaskContainer> StartOrder(EcsTask task, TaskDefinition definition)
    {
        var ordered = new List<TaskContainer>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var remaining = task.Containers.ToList();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(c => TaskContainerSpecs.DependsOn(definition.ContainerDefinitions.First(d => d.Name == c.Name))
                .All(d => placed.Contains(d.Container) || task.Containers.All(x => x.Name != d.Container))) ?? remaining[0];
            ordered.Add(next);
            placed.Add(next.Name);
            remaining.Remove(next);
        }
        return ordered;
    }

    /// <summary>Waits until every dependsOn condition holds; returns why it never can, or null once they do.</summary>
    private async Task<string?> WaitForDependenciesAsync(TaskRun run, ContainerDefinition source, CancellationToken token)
    {
        var timeout = source.Extra.TryGetValue("startTimeout", out var value) && value.TryGetInt32(out var seconds) ? seconds : 180;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(timeout);
        foreach (var (dependency, condition) in TaskContainerSpecs.DependsOn(source))
        {
            if (!run.DockerIds.TryGetValue(dependency, out var id)) continue;
            while (true)
            {
                var state = (await _client.Containers.InspectContainerAsync(id, token).ConfigureAwait(false)).State ?? new State();
                var exited = !state.Running && state.FinishedAt is { } f && !f.StartsWith("0001", StringComparison.Ordinal);
                var met = condition switch
                {
                    "START" => state.Running || exited,
                    "COMPLETE" => exited,
                    "SUCCESS" => exited && state.ExitCode == 0,
                    "HEALTHY" => state.Health?.Status == "healthy",
                    _ => true,
                };
                if (met) break;
                if (condition == "SUCCESS" && exited)
                    return StopReasons.DependencyFailed.Format(dependency, state.ExitCode.ToString(CultureInfo.InvariantCulture), source.Name);
                if (condition == "HEALTHY" && (state.Health?.Status == "unhealthy" || exited))
                    return StopReasons.DependencyUnhealthy.Format(dependency, source.Name);
                if (DateTime.UtcNow > deadline)
                    return StopReasons.DependencyTimedOut.Format(source.Name, timeout.ToString(CultureInfo.InvariantCulture), dependency, condition);
                await Task.Delay(200, token).ConfigureAwait(false);
            }
        }
        return null;
    }

    /// <summary>
    /// Starts watching a running container: its exit and health arrive as engine events (<see cref="OnContainerEvent"/>);
    /// its logs (awslogs) are followed.
    /// </summary>
    private void Watch(EcsTask task, TaskDefinition definition, TaskContainer container, string dockerId, TaskRun run, DateTimeOffset? since)
    {
        var token = run.Lifetime.Token;
        _watched.TryAdd(dockerId, new WatchedContainer(task.Arn, container.Name, run));
        if (definition.ContainerDefinitions.First(c => c.Name == container.Name).LogConfiguration is { LogDriver: "awslogs" } log)
        {
            var withId = container with { RuntimeId = dockerId };
            run.Forwarders.Add(Task.Run(async () =>
            {
                try
                {
                    await _forwarder.FollowAsync(task, withId, log, dockerId, since, token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException || token.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    _logger.LogWarning(e, "Could not forward the logs of container {Container} of task {Task}.", container.Name, task.Id);
                }
            }, CancellationToken.None));
        }
    }

    private async Task<ContainerExit> ExitOfAsync(string name, string dockerId, CancellationToken token)
    {
        var state = (await _client.Containers.InspectContainerAsync(dockerId, token).ConfigureAwait(false)).State ?? new State();
        var ran = state.StartedAt is { } s && !s.StartsWith("0001", StringComparison.Ordinal);
        return new ContainerExit(name, ran ? (int)state.ExitCode : null, state.OOMKilled ? StopReasons.OutOfMemory.Format() : null);
    }

    /// <summary>Stops a task's containers gracefully (SIGTERM, then SIGKILL after stopTimeout), removes them, reports.</summary>
    private async Task StopAsync(string taskArn, TaskRun run)
    {
        try
        {
            await run.Starting.CancelAsync().ConfigureAwait(false);
            try
            {
                await run.Start.ConfigureAwait(false);
            }
            catch (Exception)
            {
            }
            var world = _engine.World;
            var task = world.Tasks.GetValueOrDefault(taskArn);
            var definition = task is null ? null : world.TaskDefinitions.GetValueOrDefault(task.TaskDefinitionArn);
            var containers = await _client.Containers.ListContainersAsync(
                new ContainersListParameters { All = true, Filters = WorkshopLabels.OfTask(_settings.StateLabel, taskArn) }, CancellationToken.None).ConfigureAwait(false);
            var apps = containers.Where(c => LabelOf(c, WorkshopLabels.ContainerName) is { } n && n != WorkshopLabels.PauseContainerName).ToList();
            var exits = await Task.WhenAll(apps.Select(async c =>
            {
                var name = LabelOf(c, WorkshopLabels.ContainerName)!;
                var source = definition?.ContainerDefinitions.FirstOrDefault(d => d.Name == name);
                var timeout = source is null ? TaskContainerSpecs.DefaultStopTimeoutSeconds : TaskContainerSpecs.StopTimeoutSeconds(source);
                if (c.State == "running")
                {
                    await _client.Containers.StopContainerAsync(c.ID, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)timeout }, CancellationToken.None)
                        .ConfigureAwait(false);
                }
                return await ExitOfAsync(name, c.ID, CancellationToken.None).ConfigureAwait(false);
            })).ConfigureAwait(false);
            await Task.WhenAny(Task.WhenAll(run.Forwarders), Task.Delay(TimeSpan.FromSeconds(3))).ConfigureAwait(false);
            await Task.WhenAll(containers.Select(c => RemoveAsync(c.ID, CancellationToken.None))).ConfigureAwait(false);
            foreach (var c in containers) _watched.TryRemove(c.ID, out _);
            if (task is not null)
            {
                _metadata.Delete(task);
                Report(tx => TaskRuntimeReports.Stopped(tx, taskArn, exits));
            }
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Could not stop the containers of task {Task}; trying again.", taskArn);
            await Task.Delay(1000).ConfigureAwait(false);
            Interlocked.Exchange(ref run.StopBegun, 0);
            return;
        }
        finally
        {
            await run.Lifetime.CancelAsync().ConfigureAwait(false);
        }
        _runs.TryRemove(taskArn, out _);
    }

    private async Task RemoveAsync(string id, CancellationToken token)
    {
        try
        {
            await _client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, token).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
        }
        catch (DockerApiException e) when (e.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Conflict)
        {
        }
    }

    private async Task ReadHostPortsAsync(string pauseId, TaskRun run, CancellationToken token)
    {
        var inspect = await _client.Containers.InspectContainerAsync(pauseId, token).ConfigureAwait(false);
        foreach (var (key, bindings) in inspect.NetworkSettings?.Ports ?? new Dictionary<string, IList<PortBinding>>())
        {
            if (bindings is null || bindings.Count == 0) continue;
            if (int.TryParse(key.Split('/')[0], CultureInfo.InvariantCulture, out var containerPort) && int.TryParse(bindings[0].HostPort, CultureInfo.InvariantCulture, out var hostPort))
                run.HostPorts[containerPort] = hostPort;
        }
    }

    /// <summary>Rewrites the task's metadata documents from the current world and the last stats read.</summary>
    private void WriteMetadata(string taskArn, TaskRun run)
    {
        lock (run.MetadataGate)
        {
            var world = _engine.World;
            if (Volatile.Read(ref run.StopBegun) == 1
                || world.Tasks.GetValueOrDefault(taskArn) is not { } task
                || !world.TaskDefinitions.TryGetValue(task.TaskDefinitionArn, out var definition)) return;
            try
            {
                _metadata.Write(task, definition, run.DockerIds, run.Stats);
            }
            catch (IOException e)
            {
                _logger.LogWarning(e, "Could not write the task metadata of {Task}.", task.Id);
            }
        }
    }

    /// <summary>Reads each container's stats from the engine (Docker's own document), then rewrites the metadata.</summary>
    private async Task RefreshStatsAsync(string taskArn, TaskRun run, CancellationToken token)
    {
        try
        {
            foreach (var (name, id) in run.DockerIds)
            {
                try
                {
                    // The raw stream keeps Docker's own field names, which the stats document must show.
#pragma warning disable CS0618
                    await using var stream = await _client.Containers.GetContainerStatsAsync(id, new ContainerStatsParameters { Stream = false, OneShot = true }, token).ConfigureAwait(false);
#pragma warning restore CS0618
                    run.Stats[name] = await JsonNode.ParseAsync(stream, cancellationToken: token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is DockerApiException or System.Text.Json.JsonException)
                {
                    // A container that has just stopped has no stats to give; the document keeps the last ones.
                }
            }
            WriteMetadata(taskArn, run);
        }
        catch (Exception e) when (e is OperationCanceledException || token.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Could not read the stats of task {Task}.", taskArn);
        }
        finally
        {
            Interlocked.Exchange(ref run.StatsRefreshing, 0);
        }
    }

    /// <summary>
    /// At start: adopts the containers a previous run of this simulator left (same state folder), removes those of
    /// tasks that are gone or were still starting, and stops tasks whose containers vanished.
    /// </summary>
    public async Task AdoptAsync(IReadOnlyList<ContainerListResponse> listed, CancellationToken token)
    {
        var owned = listed.Where(IsMine).ToList();
        var byTask = owned.GroupBy(c => LabelOf(c, WorkshopLabels.TaskArn) ?? "").ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var world = _engine.World;
        foreach (var (taskArn, containers) in byTask)
        {
            var task = world.Tasks.GetValueOrDefault(taskArn);
            if (task is not { IsAlive: true, LastStatus: >= EcsTaskStatus.Activating and <= EcsTaskStatus.Deactivating }
                || !world.TaskDefinitions.TryGetValue(task.TaskDefinitionArn, out var definition))
            {
                if (task is { LastStatus: EcsTaskStatus.Stopping }) continue;
                await Task.WhenAll(containers.Select(c => RemoveAsync(c.ID, token))).ConfigureAwait(false);
                continue;
            }
            var byName = containers.ToDictionary(c => LabelOf(c, WorkshopLabels.ContainerName) ?? "", StringComparer.Ordinal);
            var missing = task.Containers.Where(c => c.LastStatus != EcsTaskStatus.Stopped && c.Essential && !byName.ContainsKey(c.Name));
            if (!byName.TryGetValue(WorkshopLabels.PauseContainerName, out var pause) || pause.State != "running" || missing.Any())
            {
                Report(tx => TaskRuntimeReports.Lost(tx, taskArn));
                await Task.WhenAll(containers.Select(c => RemoveAsync(c.ID, token))).ConfigureAwait(false);
                continue;
            }
            var run = new TaskRun { Started = true };
            _runs[taskArn] = run;
            await ReadHostPortsAsync(pause.ID, run, token).ConfigureAwait(false);
            foreach (var container in task.Containers)
            {
                if (!byName.TryGetValue(container.Name, out var found)) continue;
                run.DockerIds[container.Name] = found.ID;
                if (found.State == "running")
                {
                    Watch(task, definition, container, found.ID, run, since: DateTimeOffset.UtcNow);
                    // Its health may have changed while no simulator watched: read it once.
                    if (container.HealthCheck is not null
                        && (await _client.Containers.InspectContainerAsync(found.ID, token).ConfigureAwait(false)).State?.Health?.Status is { } status
                        && _watched.TryGetValue(found.ID, out var watched))
                        ReportHealth(watched, status);
                }
                else if (container.LastStatus != EcsTaskStatus.Stopped)
                {
                    var exit = await ExitOfAsync(container.Name, found.ID, token).ConfigureAwait(false);
                    Report(tx => TaskRuntimeReports.Exited(tx, taskArn, exit));
                }
            }
        }
        foreach (var task in world.Tasks.Values)
            if (task is { IsAlive: true, LastStatus: >= EcsTaskStatus.Activating and <= EcsTaskStatus.Deactivating } && !byTask.ContainsKey(task.Arn))
                Report(tx => TaskRuntimeReports.Lost(tx, task.Arn));
    }

    public IReadOnlyList<TaskEndpoint> Endpoints()
    {
        var world = _engine.World;
        var endpoints = new List<TaskEndpoint>();
        foreach (var (arn, run) in _runs)
        {
            if (!run.Started || world.Tasks.GetValueOrDefault(arn) is not { LastStatus: EcsTaskStatus.Running } task) continue;
            foreach (var container in task.Containers.Where(c => c.LastStatus == EcsTaskStatus.Running))
                foreach (var mapping in container.PortMappings)
                    if (run.HostPorts.TryGetValue(mapping.ContainerPort, out var hostPort))
                        endpoints.Add(new TaskEndpoint(EcsArns.ClusterName(task.ClusterArn), task.Arn, container.Name, mapping.ContainerPort,
                            _settings.Published.Url(hostPort)));
        }
        return [.. endpoints.OrderBy(e => e.Cluster, StringComparer.Ordinal).ThenBy(e => e.TaskArn, StringComparer.Ordinal).ThenBy(e => e.ContainerPort)];
    }

    public async Task<ExecResult> ExecAsync(EcsTask task, TaskContainer container, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var id = container.RuntimeId ?? throw new ExecUnavailableException("The container has not started yet.");
        var exec = await _client.Exec.CreateContainerExecAsync(id, new ContainerExecCreateParameters
        {
            Cmd = [.. command],
            AttachStdout = true,
            AttachStderr = true,
        }, cancellationToken).ConfigureAwait(false);
        using var stream = await _client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), cancellationToken).ConfigureAwait(false);
        var (output, error) = await stream.ReadOutputToEndAsync(cancellationToken).ConfigureAwait(false);
        var inspect = await _client.Exec.InspectContainerExecAsync(exec.ID, cancellationToken).ConfigureAwait(false);
        return new ExecResult(output, error, inspect.ExitCode ?? -1);
    }

    private static string? LabelOf(ContainerListResponse container, string label) =>
        container.Labels is { } labels && labels.TryGetValue(label, out var value) ? value : null;

    private void Report(Func<EcsTransaction, EcsTask?> report)
    {
        try
        {
            _engine.Mutate(report);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A runtime report could not be applied.");
        }
    }
}
