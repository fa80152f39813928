using EcsWorkshop.Bench.Api;
using EcsWorkshop.Bench.Lessons;
using EcsWorkshop.Bench.Registry;
using EcsWorkshop.Bench.Reporting;
using EcsWorkshop.Bench.Scheduler;

namespace EcsWorkshop.Bench;

/// <summary>Runs benchmarks by name, prints each one's tables and writes them (Markdown and JSON) to the output folder.</summary>
public static class BenchRunner
{
    /// <summary>Every benchmark, in the order <c>all</c> runs them.</summary>
    public static readonly IReadOnlyList<string> Names = ["api", "scheduler", "registry", "lessons", "runtime", "scaling", "listener", "describe", "classroom", "room-engine"];

    /// <summary>Runs one benchmark and returns its report, with the conditions it ran in.</summary>
    public static async Task<BenchReport> RunAsync(string name, BenchSettings settings, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var load = RunConditions.LoadAverage();
        await progress.WriteLineAsync($"== {name} (load average {load})").ConfigureAwait(false);
        var report = name switch
        {
            "api" => ApiBenchmark.Report(await ApiBenchmark.RunAsync(settings.Api, progress, cancellationToken).ConfigureAwait(false), settings.Api),
            "scheduler" => SchedulerBenchmark.Report(await SchedulerBenchmark.RunAsync(settings.Scheduler, progress, cancellationToken).ConfigureAwait(false), settings.Scheduler),
            "registry" => RegistryBenchmark.Report(await RegistryBenchmark.RunAsync(settings.Registry, progress, cancellationToken).ConfigureAwait(false), settings.Registry),
            "lessons" => LessonsBenchmark.Report(await LessonsBenchmark.RunAsync(settings.Lessons, progress, cancellationToken).ConfigureAwait(false), settings.Lessons),
            "runtime" => Runtime.RuntimeBenchmark.Report(await Runtime.RuntimeBenchmark.RunAsync(settings.Runtime, progress, cancellationToken).ConfigureAwait(false), settings.Runtime),
            "scaling" => Scaling.ScalingBenchmark.Report(await Scaling.ScalingBenchmark.RunAsync(settings.Scaling, progress, cancellationToken).ConfigureAwait(false), settings.Scaling),
            "listener" => Listener.ListenerBenchmark.Report(await Listener.ListenerBenchmark.RunAsync(settings.Listener, progress, cancellationToken).ConfigureAwait(false), settings.Listener),
            "describe" => Describe.DescribeBenchmark.Report(await Describe.DescribeBenchmark.RunAsync(settings.Describe, progress, cancellationToken).ConfigureAwait(false), settings.Describe),
            "classroom" => Classroom.ClassroomBenchmark.Report(await Classroom.ClassroomBenchmark.RunAsync(settings.Classroom, progress, cancellationToken).ConfigureAwait(false), settings.Classroom),
            "room-engine" => RoomEngine.RoomEngineBenchmark.Report(await RoomEngine.RoomEngineBenchmark.RunAsync(settings.RoomEngine, progress, cancellationToken).ConfigureAwait(false), settings.RoomEngine),
            _ => throw new ArgumentException($"No benchmark is called '{name}'; there are {string.Join(", ", Names)} and all.", nameof(name)),
        };
        return report with { Conditions = RunConditions.Since(startedAt, load) };
    }

    /// <summary>Runs each named benchmark in turn, printing and writing each report as soon as it is done.</summary>
    public static async Task<IReadOnlyList<BenchReport>> RunAndWriteAsync(
        IEnumerable<string> names, BenchSettings settings, string outputDirectory, TextWriter output, CancellationToken cancellationToken = default)
    {
        var reports = new List<BenchReport>();
        foreach (var name in names)
        {
            var report = await RunAsync(name, settings, output, cancellationToken).ConfigureAwait(false);
            var (markdown, json) = ReportWriter.Write(report, outputDirectory);
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteAsync(ReportWriter.ToMarkdown(report)).ConfigureAwait(false);
            await output.WriteLineAsync($"(written to {markdown} and {json})").ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            reports.Add(report);
        }
        return reports;
    }
}
