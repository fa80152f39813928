using System.Collections.Concurrent;
using System.Collections.Immutable;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Http;

/// <summary>
/// Sends GET requests to one URL, one after another with a short pause, from when it starts until it is stopped,
/// and keeps what each answered: the moment, the status, the task and <c>APP_VERSION</c> the page named. A request
/// that got no answer (refused, timed out) is kept as a failure. Started by <see cref="Workshop.StartTraffic"/>.
/// </summary>
public sealed class TrafficProbe : IAsyncDisposable
{
    private readonly Uri _url;
    private readonly TimeSpan _pause;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<TrafficSample> _samples = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly long _started;

    internal TrafficProbe(Uri url, TimeSpan pause, TimeProvider time)
    {
        _url = url;
        _pause = pause;
        _time = time;
        _started = time.GetTimestamp();
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    /// <summary>The URL asked.</summary>
    public Uri Url => _url;

    /// <summary>How many requests were sent so far.</summary>
    public int Count => _samples.Count;

    /// <summary>Stops sending and answers what was recorded.</summary>
    public async Task<TrafficView> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting between two requests.
        }
        return new TrafficView { Url = _url.ToString(), Samples = [.. _samples.OrderBy(s => s.At)] };
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        using var http = WebPages.NewClient(TimeSpan.FromSeconds(10));
        while (!stop.IsCancellationRequested)
        {
            var at = _time.GetElapsedTime(_started);
            TrafficSample sample;
            try
            {
                var page = await WebPages.FetchAsync(http, _url, stop).ConfigureAwait(false);
                sample = new TrafficSample(at, page.StatusCode, page.AppVersion, page.TaskId);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                sample = new TrafficSample(at, null, null, null, e.Message);
            }
            _samples.Enqueue(sample);
            await Task.Delay(_pause, stop).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
