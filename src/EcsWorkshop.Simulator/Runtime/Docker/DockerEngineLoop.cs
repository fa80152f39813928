using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Docker.DotNet;
using Docker.DotNet.Models;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.Runtime.Docker;

/// <summary>
/// The one loop a server runs against the Docker engine, however many accounts it serves (one, or a classroom's every
/// learner): it makes the pause image once, lists the project's containers once at start and hands each account's
/// runtime its own (adoption) and at exit (removal), follows one events stream for every labelled container (a
/// container's exit and health changes) and gives each event to the runtime its
/// <see cref="WorkshopLabels.StateDirectory"/> label names, ticks every runtime in turn, and samples every account's
/// container stats in one pass. An account's runtime only ever receives its own containers, and acts on the engine only
/// through filters on its own label, so no learner sees or touches another's.
/// </summary>
public sealed class DockerEngineLoop(DockerClient client, TimeSpan tickInterval, ILogger<DockerEngineLoop> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, DockerTaskRuntime> _runtimes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DockerStatsUtilization> _samplers = new();
    private readonly Channel<Message> _events = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The engine's client (shared by every account; disposed with the loop).</summary>
    public DockerClient Client => client;

    /// <summary>Adds an account's runtime (before the loop starts); its containers are those labelled with its state label.</summary>
    public void Add(DockerTaskRuntime runtime)
    {
        if (!_runtimes.TryAdd(runtime.StateLabel, runtime))
            throw new InvalidOperationException($"Two accounts share the state label {runtime.StateLabel}.");
    }

    /// <summary>Adds an account's container stats, sampled with the others'.</summary>
    public void Add(DockerStatsUtilization sampler) => _samplers.Enqueue(sampler);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PreparePauseImageAsync(stoppingToken).ConfigureAwait(false);
        // Events are asked for from just before the list, so nothing that happens between the two is missed; they are
        // only acted on once every runtime has adopted what the list showed.
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var following = FollowEventsAsync(since, stoppingToken);
        try
        {
            var owned = await ListOwnedAsync(stoppingToken).ConfigureAwait(false);
            foreach (var runtime in _runtimes.Values)
            {
                try
                {
                    await runtime.AdoptAsync(owned.GetValueOrDefault(runtime.StateLabel) ?? [], stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Could not adopt the containers of a previous run ({Label}).", runtime.StateLabel);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not list the containers of a previous run.");
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await Task.WhenAll(following, DispatchEventsAsync(stoppingToken), TickAsync(stoppingToken), SampleStatsAsync(stoppingToken)).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        foreach (var runtime in _runtimes.Values) await runtime.ShutdownAsync().ConfigureAwait(false);
        if (_runtimes.Values.All(r => r.KeepsContainers)) return;
        try
        {
            // Twice: a create the engine was still finishing when its start was cancelled appears only after the first pass.
            for (var pass = 0; pass < 2; pass++)
            {
                var owned = await ListOwnedAsync(cancellationToken).ConfigureAwait(false);
                var removable = _runtimes.Values.Where(r => !r.KeepsContainers && owned.ContainsKey(r.StateLabel)).ToList();
                if (removable.Count == 0) break;
                await Task.WhenAll(removable.Select(r => r.RemoveAllAsync(owned[r.StateLabel]))).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not remove the task containers at exit.");
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        client.Dispose();
    }

    private async Task PreparePauseImageAsync(CancellationToken token)
    {
        string? image = null, error = null;
        try
        {
            image = await BusyboxImage.EnsureAsync(client, token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e.Message;
            logger.LogError(e, "The pause container image could not be made; tasks cannot start.");
        }
        foreach (var runtime in _runtimes.Values) runtime.UsePauseImage(image, error);
    }

    /// <summary>Every container of the served accounts, by their state label (containers of other simulators are left out).</summary>
    private async Task<Dictionary<string, List<ContainerListResponse>>> ListOwnedAsync(CancellationToken token)
    {
        var all = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = WorkshopLabels.AnyOwner() }, token).ConfigureAwait(false);
        return all
            .Where(c => c.Labels is { } labels && labels.TryGetValue(WorkshopLabels.StateDirectory, out var label) && _runtimes.ContainsKey(label))
            .GroupBy(c => c.Labels![WorkshopLabels.StateDirectory], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>One events stream for every labelled container's exit and health; followed again (from the last event) when it breaks.</summary>
    private async Task FollowEventsAsync(DateTimeOffset since, CancellationToken token)
    {
        var from = since;
        var progress = new Forward(this);
        while (!token.IsCancellationRequested)
        {
            try
            {
                await client.System.MonitorEventsAsync(new ContainerEventsParameters
                {
                    Since = from.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                    Filters = WorkshopLabels.ContainerEventsOfAnyOwner("die", "health_status"),
                }, progress, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The engine's events stream broke; following it again.");
            }
            // Events already seen again after a reconnection are harmless: a runtime acts on a container's exit once.
            if (progress.LastAt is { } last) from = last;
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Queues the events in their order (<see cref="Progress{T}"/> would post them to the thread pool in any order).</summary>
    private sealed class Forward(DockerEngineLoop loop) : IProgress<Message>
    {
        public DateTimeOffset? LastAt { get; private set; }

        public void Report(Message value)
        {
            LastAt = value.Time is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow;
            loop._events.Writer.TryWrite(value);
        }
    }

    private async Task DispatchEventsAsync(CancellationToken token)
    {
        try
        {
            await foreach (var message in _events.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                if (message.Actor?.Attributes is not { } attributes
                    || !attributes.TryGetValue(WorkshopLabels.StateDirectory, out var label)
                    || !_runtimes.TryGetValue(label, out var runtime)) continue;
                try
                {
                    runtime.OnContainerEvent(message.Actor.ID, message.Action ?? "");
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "A container event could not be acted on.");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task TickAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            foreach (var runtime in _runtimes.Values)
            {
                try
                {
                    runtime.Observe();
                }
                catch (Exception e)
                {
                    logger.LogError(e, "The Docker runtime failed to act on the world ({Label}); it will try again.", runtime.StateLabel);
                }
            }
            try
            {
                await Task.Delay(tickInterval, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Samples every account's container stats when due, the accounts side by side (a one-shot stats read can take the
    /// engine most of a second on a busy machine, so one slow account never delays the others' samples).
    /// </summary>
    private async Task SampleStatsAsync(CancellationToken token)
    {
        var due = new Dictionary<DockerStatsUtilization, DateTimeOffset>();
        var sampling = new Dictionary<DockerStatsUtilization, Task>();
        while (!token.IsCancellationRequested)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var sampler in _samplers)
            {
                if (sampling.TryGetValue(sampler, out var running) && !running.IsCompleted) continue;
                if (due.TryGetValue(sampler, out var at) && at > now) continue;
                due[sampler] = now + sampler.Every;
                sampling[sampler] = SampleAsync(sampler, token);
            }
            var wait = (due.Count == 0 ? TimeSpan.FromSeconds(1) : due.Values.Min() - DateTimeOffset.UtcNow) switch
            {
                var w when w < TimeSpan.FromMilliseconds(50) => TimeSpan.FromMilliseconds(50),
                var w when w > TimeSpan.FromSeconds(1) => TimeSpan.FromSeconds(1),
                var w => w,
            };
            try
            {
                await Task.Delay(wait, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(sampling.Values).ConfigureAwait(false);
    }

    private async Task SampleAsync(DockerStatsUtilization sampler, CancellationToken token)
    {
        try
        {
            await sampler.SampleAsync(token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException && token.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not read the container stats of the scalable services.");
        }
    }
}
