using System.Reflection;
using System.Runtime.InteropServices;

namespace EcsWorkshop.Bench.Reporting;

/// <summary>The machine a benchmark ran on and how busy it was, so figures from different runs can be compared.</summary>
public sealed record RunConditions(
    DateTimeOffset StartedAt,
    double ElapsedSeconds,
    int Cores,
    string OperatingSystem,
    string Runtime,
    string BuildConfiguration,
    string LoadAverageAtStart,
    string LoadAverageAtEnd)
{
    /// <summary>The 1, 5 and 15 minute load averages (<c>/proc/loadavg</c>), or "unknown".</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>Debug or Release: how the bench (and the simulator it runs) was compiled.</summary>
    public static string Configuration =>
        typeof(RunConditions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown";

    /// <summary>The conditions of a run that started at <paramref name="startedAt"/> with <paramref name="loadAtStart"/> and ends now.</summary>
    public static RunConditions Since(DateTimeOffset startedAt, string loadAtStart) => new(
        startedAt,
        Math.Round((DateTimeOffset.UtcNow - startedAt).TotalSeconds, 1),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        Configuration,
        loadAtStart,
        LoadAverage());
}
