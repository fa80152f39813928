using System.Diagnostics;

namespace EcsWorkshop.Bench.Registry;

/// <summary><c>skopeo copy</c>, the registry client the registry benchmark times (from Debian: <c>apt-get install skopeo</c>).</summary>
public static class Skopeo
{
    public const string ProgramPath = "/usr/bin/skopeo";

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> with <paramref name="options"/>; returns the wall time.</summary>
    public static async Task<TimeSpan> CopyAsync(string source, string destination, IEnumerable<string> options, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(ProgramPath)) throw new FileNotFoundException($"{ProgramPath} is missing: apt-get install -y skopeo", ProgramPath);
        var start = new ProcessStartInfo(ProgramPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--insecure-policy", "copy", "--quiet", .. options, source, destination]) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("skopeo did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"skopeo copy {source} {destination} did not finish within {Limit.TotalMinutes:0} minutes.");
        }
        var elapsed = clock.Elapsed;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"skopeo copy {source} {destination} exited with {process.ExitCode}: {await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
        return elapsed;
    }
}
