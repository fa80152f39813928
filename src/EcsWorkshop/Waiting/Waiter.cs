namespace EcsWorkshop.Waiting;

/// <summary>How a wait ended: the last answer, whether it was the one waited for, and the limit it ran under.</summary>
internal readonly record struct WaitOutcome<T>(T Last, bool Reached, TimeSpan Limit);

/// <summary>
/// Every wait of the helper library: ask, and ask again every <see cref="Interval"/> until the answer is the one
/// waited for or <see cref="UntilAsync{T}"/>'s limit has passed, on an injected clock (a fake one in tests).
/// </summary>
/// <param name="time">The clock the intervals and the limit are measured on.</param>
/// <param name="interval">How long to wait between two questions.</param>
/// <param name="defaultLimit">The limit of a wait that names none.</param>
internal sealed class Waiter(TimeProvider time, TimeSpan interval, TimeSpan defaultLimit)
{
    public TimeSpan Interval => interval;

    public TimeSpan DefaultLimit => defaultLimit;

    /// <summary>
    /// Asks <paramref name="ask"/> until <paramref name="isDone"/> holds for its answer, or until the limit passes
    /// (the last pause is cut short so that the last question is asked at the limit). An exception from
    /// <paramref name="ask"/> ends the wait.
    /// </summary>
    public async Task<WaitOutcome<T>> UntilAsync<T>(Func<CancellationToken, Task<T>> ask, Func<T, bool> isDone, TimeSpan? limit,
        CancellationToken cancellationToken)
    {
        var budget = limit ?? defaultLimit;
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, TimeSpan.Zero, nameof(limit));
        var started = time.GetTimestamp();
        while (true)
        {
            var answer = await ask(cancellationToken).ConfigureAwait(false);
            if (isDone(answer)) return new WaitOutcome<T>(answer, true, budget);
            var left = budget - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero) return new WaitOutcome<T>(answer, false, budget);
            await Task.Delay(left < interval ? left : interval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
