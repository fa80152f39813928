using System.Diagnostics;
using EcsWorkshop.Bench.Processes;

namespace EcsWorkshop.Bench.Lessons;

/// <summary>What one <c>workshop run</c> process printed and how long it took from start to exit.</summary>
/// <param name="Arguments">The arguments after <c>workshop.dll</c>.</param>
/// <param name="WallSeconds">From starting the process to its exit, as the bench measured it.</param>
/// <param name="Output">Its standard output, line by line, with when each line arrived.</param>
public sealed record WorkshopRunCapture(IReadOnlyList<string> Arguments, double WallSeconds, IReadOnlyList<TimedLine> Output);

/// <summary>
/// Runs the <c>workshop</c> command (the built <c>workshop.dll</c> next to the bench) as its own process, as a learner
/// runs it, and records each line it prints with the time it arrived. A run that exits non-zero is an error carrying
/// the end of what it printed.
/// </summary>
public static class WorkshopRunProcess
{
    private const int TailLines = 60;

    /// <summary>Runs <c>workshop ARGUMENTS</c> in <paramref name="workingDirectory"/>, killing it after <paramref name="limit"/>.</summary>
    /// <exception cref="InvalidOperationException">It exited with a non-zero code.</exception>
    /// <exception cref="TimeoutException">It did not finish within <paramref name="limit"/>.</exception>
    public static async Task<WorkshopRunCapture> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var dll = Servers.WorkshopDll();
        var start = new ProcessStartInfo(Servers.DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new List<TimedLine>();
        var errors = new List<string>();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName} {dll}.");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.Add(new TimedLine(clock.Elapsed.TotalSeconds, e.Data));
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (errors) errors.Add(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"workshop {string.Join(' ', arguments)} did not finish within {limit.TotalMinutes:0} min. It printed:\n{Tail(output, errors)}");
        }
        var wall = clock.Elapsed.TotalSeconds;
        // Without a timeout, this waits until the redirected output has been read to its end.
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"workshop {string.Join(' ', arguments)} exited with code {process.ExitCode}; no figures are reported for a failed run. It printed:\n{Tail(output, errors)}");
        lock (output) return new WorkshopRunCapture(arguments, wall, [.. output]);
    }

    /// <summary>The last lines of standard output, then of standard error.</summary>
    internal static string Tail(IReadOnlyList<TimedLine> output, IReadOnlyList<string> errors)
    {
        lock (output)
        lock (errors)
        {
            return string.Join('\n', output.TakeLast(TailLines).Select(l => l.Text).Concat(errors.TakeLast(TailLines)));
        }
    }
}
