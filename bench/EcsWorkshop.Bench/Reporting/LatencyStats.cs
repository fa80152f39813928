using System.Diagnostics;

namespace EcsWorkshop.Bench.Reporting;

/// <summary>Latency percentiles (nearest rank) of a set of timings, in milliseconds.</summary>
public sealed record LatencyStats(int Count, double MeanMs, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    /// <summary>No timings at all.</summary>
    public static LatencyStats Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>The statistics of timings given in <see cref="Stopwatch"/> ticks.</summary>
    public static LatencyStats FromTicks(IEnumerable<long> ticks)
    {
        var sorted = ticks.Order().ToArray();
        if (sorted.Length == 0) return Empty;
        return new(sorted.Length, Ms(sorted.Average(t => (double)t)), Ms(Rank(sorted, 0.50)), Ms(Rank(sorted, 0.90)), Ms(Rank(sorted, 0.99)), Ms(sorted[^1]));
    }

    /// <summary>Times <paramref name="action"/> <paramref name="repetitions"/> times, one after another.</summary>
    public static async Task<LatencyStats> MeasureAsync(int repetitions, Func<Task> action)
    {
        var ticks = new long[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action().ConfigureAwait(false);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
        return FromTicks(ticks);
    }

    private static double Rank(long[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Ms(double ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
