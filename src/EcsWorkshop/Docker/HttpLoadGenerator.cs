namespace EcsWorkshop.Docker;

/// <summary>
/// Real load for a service on the Docker runtime: a few loops sending HTTP requests, one after another, to the loopback
/// URLs of the service's running tasks (read again every few seconds, so tasks added by a scale-out get their share).
/// The tasks' containers then really use CPU, which the simulator measures from the engine's stats. It stops when
/// asked, and at the latest after its time limit, so a forgotten generator does not run on.
/// </summary>
internal sealed class HttpLoadGenerator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;
    private long _requests;

    private HttpLoadGenerator(Func<CancellationToken, Task<IReadOnlyList<Uri>>> targets, int loops, TimeSpan limit)
    {
        _stop = new CancellationTokenSource(limit);
        _running = RunAsync(targets, loops, _stop.Token);
    }

    /// <summary>The requests answered so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Starts <paramref name="loops"/> request loops against <paramref name="targets"/>, for at most <paramref name="limit"/>.</summary>
    public static HttpLoadGenerator Start(Func<CancellationToken, Task<IReadOnlyList<Uri>>> targets, int loops, TimeSpan limit) => new(targets, loops, limit);

    private async Task RunAsync(Func<CancellationToken, Task<IReadOnlyList<Uri>>> targets, int loops, CancellationToken stop)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        IReadOnlyList<Uri> current = [];
        var refreshed = DateTimeOffset.MinValue;
        async Task<IReadOnlyList<Uri>> TargetsAsync()
        {
            if (DateTimeOffset.UtcNow - refreshed < TimeSpan.FromSeconds(3)) return current;
            refreshed = DateTimeOffset.UtcNow;
            try { current = await targets(stop).ConfigureAwait(false); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            return current;
        }
        async Task LoopAsync(int loop)
        {
            var turn = loop;
            while (!stop.IsCancellationRequested)
            {
                var urls = await TargetsAsync().ConfigureAwait(false);
                if (urls.Count == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), stop).ConfigureAwait(false);
                    continue;
                }
                try
                {
                    using var response = await http.GetAsync(urls[turn++ % urls.Count], stop).ConfigureAwait(false);
                    await response.Content.ReadAsByteArrayAsync(stop).ConfigureAwait(false);
                    Interlocked.Increment(ref _requests);
                }
                catch (HttpRequestException)
                {
                    // A task that is stopping answers no more; the next turn goes to another.
                }
            }
        }
        try
        {
            await Task.WhenAll(Enumerable.Range(0, loops).Select(LoopAsync)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops the loops and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try { await _running.ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
