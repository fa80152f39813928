using System.Diagnostics;
using EcsWorkshop.Bench.Reporting;

namespace EcsWorkshop.Bench.Api;

/// <summary>Every request one or more simulated clients sent: the operation, how long it took, and the failures.</summary>
public sealed class RequestLog
{
    private const int KeptFailures = 5;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<long>> _ticksByOperation = new(StringComparer.Ordinal);
    private readonly List<string> _failureSamples = [];

    /// <summary>How many requests failed (a non-2xx answer or no answer at all).</summary>
    public int Failures { get; private set; }

    /// <summary>The first few failures, as "Operation: code message".</summary>
    public IReadOnlyList<string> FailureSamples
    {
        get
        {
            lock (_gate) return [.. _failureSamples];
        }
    }

    /// <summary>How many requests were sent (succeeded or not).</summary>
    public int Requests
    {
        get
        {
            lock (_gate) return _ticksByOperation.Values.Sum(t => t.Count);
        }
    }

    /// <summary>Records one request's latency (in <see cref="Stopwatch"/> ticks) and, when it failed, why.</summary>
    public void Record(string operation, long ticks, string? failure)
    {
        lock (_gate)
        {
            if (!_ticksByOperation.TryGetValue(operation, out var list)) _ticksByOperation[operation] = list = [];
            list.Add(ticks);
            if (failure is null) return;
            Failures++;
            if (_failureSamples.Count < KeptFailures) _failureSamples.Add($"{operation}: {failure}");
        }
    }

    /// <summary>The latency of every request.</summary>
    public LatencyStats Overall()
    {
        lock (_gate) return LatencyStats.FromTicks(_ticksByOperation.Values.SelectMany(t => t));
    }

    /// <summary>The latency of each operation, by name.</summary>
    public IReadOnlyDictionary<string, LatencyStats> ByOperation()
    {
        lock (_gate) return _ticksByOperation.ToDictionary(p => p.Key, p => LatencyStats.FromTicks(p.Value), StringComparer.Ordinal);
    }
}
