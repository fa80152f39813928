using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain.Metrics;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain.TargetTracking;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Metrics;

/// <summary>
/// The Docker runtime's utilization: the engine's own container stats, sampled for the running tasks of scalable
/// services several times per evaluation period. CPU is the CPU time the task's containers used between two samples
/// (<c>cpu_stats.cpu_usage.total_usage</c>) against the task's CPU units (1024 units = one CPU); memory is their memory
/// in use (<c>memory_stats.usage</c> less the page cache, as <c>docker stats</c> shows it) against the task's memory. A
/// period's figure is the average of its samples over the tasks, as ECS's service metric is
/// (units used × 100 / (units reserved × tasks)). One per account; the server's <see cref="Runtime.Docker.DockerEngineLoop"/>
/// samples every account's in one loop.
/// </summary>
public sealed class DockerStatsUtilization(DockerClient docker, AutoScalingEngine engine) : IUtilizationSource
{
    private readonly ConcurrentDictionary<string, TaskSamples> _tasks = new(StringComparer.Ordinal);

    private sealed record Reading(DateTimeOffset At, double Cores, double MemoryMiB);

    private sealed class TaskSamples
    {
        public Dictionary<string, (DateTimeOffset At, ulong CpuNanoseconds)> LastCpu { get; } = new(StringComparer.Ordinal);
        public List<Reading> Readings { get; } = [];
    }

    public double? Utilization(MeteredService service, UtilizationKind kind, DateTimeOffset from, DateTimeOffset to)
    {
        var reserved = kind == UtilizationKind.Cpu ? service.Definition?.CpuUnits / 1024.0 : service.Definition?.MemoryMiB;
        if (reserved is not > 0) return null;
        var perTask = new List<double>();
        foreach (var task in service.RunningTasks)
        {
            if (!_tasks.TryGetValue(task.Arn, out var samples)) continue;
            List<Reading> window;
            lock (samples) window = [.. samples.Readings.Where(r => r.At >= from && r.At <= to)];
            if (window.Count > 0) perTask.Add(window.Average(r => kind == UtilizationKind.Cpu ? r.Cores : r.MemoryMiB));
        }
        return perTask.Count == 0 ? null : perTask.Sum() * 100 / (reserved.Value * perTask.Count);
    }

    /// <summary>How often the server's engine loop samples: six times per (scaled) evaluation period, at most four times a second.</summary>
    public TimeSpan Every
    {
        get
        {
            var every = engine.Settings.Scaled(TargetTrackingRules.Period) / 6;
            return every < TimeSpan.FromMilliseconds(250) ? TimeSpan.FromMilliseconds(250) : every;
        }
    }

    /// <summary>One sample of the account's scalable services' running tasks (the server's engine loop calls it).</summary>
    public async Task SampleAsync(CancellationToken token)
    {
        var scalable = engine.World.Targets.Values.Select(EcsCapacity.ServiceArn).ToHashSet(StringComparer.Ordinal);
        if (scalable.Count == 0) return;
        var running = engine.Ecs.World.Tasks.Values
            .Where(t => t.LastStatus == EcsTaskStatus.Running && t.ServiceArn is { } arn && scalable.Contains(arn))
            .ToList();
        foreach (var gone in _tasks.Keys.Except(running.Select(t => t.Arn)).ToList()) _tasks.TryRemove(gone, out _);
        var keep = engine.Settings.Scaled(TargetTrackingRules.Period) * 3;
        foreach (var task in running)
        {
            var samples = _tasks.GetOrAdd(task.Arn, _ => new TaskSamples());
            double cores = 0, memory = 0;
            var complete = true;
            foreach (var container in task.Containers)
            {
                if (container.RuntimeId is not { } id) continue;
                var stats = await ReadAsync(id, token).ConfigureAwait(false);
                if (stats is null)
                {
                    complete = false;
                    continue;
                }
                var now = engine.Time.GetUtcNow();
                var cpu = stats["cpu_stats"]?["cpu_usage"]?["total_usage"]?.GetValue<ulong>() ?? 0;
                lock (samples)
                {
                    if (samples.LastCpu.TryGetValue(container.Name, out var last) && now > last.At && cpu >= last.CpuNanoseconds)
                        cores += (cpu - last.CpuNanoseconds) / ((now - last.At).TotalMilliseconds * 1_000_000);
                    else
                        complete = false;
                    samples.LastCpu[container.Name] = (now, cpu);
                }
                memory += MemoryInUse(stats) / (1024.0 * 1024.0);
            }
            if (!complete) continue;
            var at = engine.Time.GetUtcNow();
            lock (samples)
            {
                samples.Readings.Add(new Reading(at, cores, memory));
                samples.Readings.RemoveAll(r => at - r.At > keep);
            }
        }
    }

    private async Task<JsonNode?> ReadAsync(string containerId, CancellationToken token)
    {
        try
        {
            // The raw document keeps Docker's own field names.
#pragma warning disable CS0618
            await using var stream = await docker.Containers.GetContainerStatsAsync(containerId, new ContainerStatsParameters { Stream = false, OneShot = true }, token)
                .ConfigureAwait(false);
#pragma warning restore CS0618
            return await JsonNode.ParseAsync(stream, cancellationToken: token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DockerApiException or System.Text.Json.JsonException or HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Memory in use as <c>docker stats</c> counts it: usage less the inactive page cache (cgroup v2) or the cache (v1).</summary>
    private static double MemoryInUse(JsonNode stats)
    {
        var memory = stats["memory_stats"];
        var usage = memory?["usage"]?.GetValue<ulong>() ?? 0;
        var cache = memory?["stats"]?["inactive_file"]?.GetValue<ulong>() ?? memory?["stats"]?["total_inactive_file"]?.GetValue<ulong>() ?? 0;
        return usage > cache ? usage - cache : usage;
    }
}
