using System.Collections.Concurrent;

namespace EcsWorkshop.Simulator.Elbv2.DataPlane;

/// <summary>
/// How many requests the listeners sent to each target group, per second of the clock (the ALB's <c>RequestCount</c>
/// by target group, which <c>RequestCountPerTarget</c> divides by the targets). Seconds older than an hour are dropped.
/// </summary>
public sealed class TargetGroupRequestCounts(TimeProvider time)
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<(string TargetGroup, long Second), long> _counts = new();
    private long _lastPruned;

    /// <summary>Counts one request forwarded to <paramref name="targetGroupArn"/> now.</summary>
    public void Count(string targetGroupArn)
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        _counts.AddOrUpdate((targetGroupArn, second), 1, (_, n) => n + 1);
        if (second - Interlocked.Read(ref _lastPruned) > 60) Prune(second);
    }

    /// <summary>The requests sent to a target group in [<paramref name="from"/>, <paramref name="to"/>), by whole seconds.</summary>
    public long Requests(string targetGroupArn, DateTimeOffset from, DateTimeOffset to)
    {
        var (first, last) = (from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds());
        return _counts.Where(c => c.Key.TargetGroup == targetGroupArn && c.Key.Second >= first && c.Key.Second < last).Sum(c => c.Value);
    }

    private void Prune(long now)
    {
        Interlocked.Exchange(ref _lastPruned, now);
        foreach (var key in _counts.Keys)
            if (now - key.Second > Kept.TotalSeconds) _counts.TryRemove(key, out _);
    }
}
