namespace EcsWorkshop.Bench.Classroom;

/// <summary>
/// One step of a learner's replay: a recorded call, or a run of the same request the recording repeated — a waiter's
/// polls (a read until it showed a state) or a retried change (the helper's DeleteCluster answered
/// <c>ClusterContainsServicesException</c> while the deleted services drained, then 200) — replayed as its last call,
/// repeated until this learner's answer matches it.
/// </summary>
/// <param name="Call">The call whose answer the step must see (the run's last).</param>
/// <param name="Last">The index of <paramref name="Call"/> in the recording (the replay goes on after it).</param>
/// <param name="IsWaiter">A run of repeated calls: the step fails when the recorded answer is not seen within <paramref name="Limit"/>.</param>
/// <param name="InterimStatuses">The statuses the recording saw before the last attempt of a retried change (an answer with one of them is retried).</param>
/// <param name="Limit">How long the step may repeat its request before it counts as failed.</param>
/// <param name="Interval">The pause between two attempts.</param>
public sealed record ReplayStep(RecordedCall Call, int Last, bool IsWaiter, IReadOnlySet<int> InterimStatuses, TimeSpan Limit, TimeSpan Interval)
{
    /// <summary>The least a waiter or a retry may take to see the recorded answer before the step counts as failed.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(90);

    /// <summary>The most a waiter or a retry may take, however long it took in the recording.</summary>
    public static readonly TimeSpan MaxWaitLimit = TimeSpan.FromSeconds(300);

    /// <summary>
    /// A waiter's budget is this many times the time it took in the recording (a quiet machine, one learner, the
    /// same speed): the simulated clock runs at the server's speed, so the recorded duration is the simulated duration
    /// of the wait; under the room's load the server's timers fire late, never early.
    /// </summary>
    public const int LoadAllowance = 20;

    /// <summary>How long a single read is repeated for the recorded state before the replay moves on anyway.</summary>
    public static readonly TimeSpan GlanceLimit = TimeSpan.FromSeconds(3);

    /// <summary>The step starting at <paramref name="first"/>.</summary>
    public static ReplayStep At(IReadOnlyList<RecordedCall> calls, int first)
    {
        var start = calls[first];
        var last = first;
        while (last + 1 < calls.Count && calls[last + 1].SameRequestAs(start)
               && (start.IsRead ? calls[last + 1].IsRead : calls[last].Status >= 400))
            last++;
        if (last == first)
            return new ReplayStep(start, first, IsWaiter: false, new HashSet<int>(), GlanceLimit, TimeSpan.FromMilliseconds(100));
        var span = calls[last].AtMs - start.AtMs;
        var limit = TimeSpan.FromMilliseconds(Math.Clamp(span * LoadAllowance, WaitLimit.TotalMilliseconds, MaxWaitLimit.TotalMilliseconds));
        var interval = TimeSpan.FromMilliseconds(Math.Clamp(span / (last - first), 50, 1000));
        var interim = start.IsRead ? new HashSet<int>() : calls.Skip(first).Take(last - first).Select(c => c.Status).ToHashSet();
        return new ReplayStep(calls[last], last, IsWaiter: true, interim, limit, interval);
    }
}
