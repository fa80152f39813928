using System.Globalization;

namespace EcsWorkshop.Bench.Processes;

/// <summary>A process's resident memory as Linux reports it in <c>/proc/PID/status</c>.</summary>
/// <param name="ResidentBytes">VmRSS: resident now.</param>
/// <param name="PeakResidentBytes">VmHWM: the most it has been resident since it started (or since <see cref="ResetPeak"/>).</param>
public sealed record ProcessMemory(long ResidentBytes, long PeakResidentBytes)
{
    /// <summary>Reads the process's memory now; null when the process is gone or the system has no <c>/proc</c>.</summary>
    public static ProcessMemory? Read(int processId)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{processId}/status");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        long Field(string name)
        {
            var line = lines.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal));
            if (line is null) return 0;
            var kilobytes = line[(name.Length + 1)..].Trim().Split(' ')[0];
            return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        return new ProcessMemory(Field("VmRSS"), Field("VmHWM"));
    }

    /// <summary>
    /// Resets the process's peak resident memory (VmHWM) to what is resident now, by writing 5 to
    /// <c>/proc/PID/clear_refs</c>; false when the system does not allow it.
    /// </summary>
    public static bool ResetPeak(int processId)
    {
        try
        {
            File.WriteAllText($"/proc/{processId}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

/// <summary>Samples a process's resident memory in the background and keeps the highest value seen.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly int _processId;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    private MemorySampler(int processId, TimeSpan interval)
    {
        _processId = processId;
        _sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            do
            {
                Sample();
            }
            while (await WaitAsync(timer).ConfigureAwait(false));
        });
    }

    /// <summary>Starts sampling <paramref name="processId"/> every <paramref name="interval"/> (20 ms by default).</summary>
    public static MemorySampler Start(int processId, TimeSpan? interval = null) => new(processId, interval ?? TimeSpan.FromMilliseconds(20));

    /// <summary>The highest VmRSS sampled so far, and the kernel's own VmHWM, whichever is larger.</summary>
    public long PeakResidentBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    private void Sample()
    {
        if (ProcessMemory.Read(_processId) is not { } memory) return;
        var seen = Math.Max(memory.ResidentBytes, memory.PeakResidentBytes);
        long current;
        while (seen > (current = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, seen, current) != current)
        {
        }
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(false);
        _stop.Dispose();
    }
}

/// <summary>The CPU time a process has used, from <c>/proc/PID/stat</c>.</summary>
public static class ProcessCpu
{
    /// <summary>Linux reports CPU times in /proc in units of USER_HZ, which is 100 per second.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU time of the process so far; null when it cannot be read.</summary>
    public static TimeSpan? Read(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
    }
}
