using System.Diagnostics;

namespace EcsWorkshop.Bench.Processes;

/// <summary>
/// A server the bench started as a separate process (moto, the CNCF registry, <c>workshop serve</c>), with the last
/// lines it printed for error messages. Disposing it ends that process (by its id) and removes its temporary folder.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly string? _temporaryDirectory;

    private ServerProcess(Process process, string name, Uri endpoint, string? temporaryDirectory)
    {
        _process = process;
        Name = name;
        Endpoint = endpoint;
        _temporaryDirectory = temporaryDirectory;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>What the server is (for messages).</summary>
    public string Name { get; }

    /// <summary>The temporary directory removed with the server (the simulator's state directory), if any.</summary>
    public string? StateDirectory => _temporaryDirectory;

    /// <summary>Where it listens, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The process id (for <c>/proc/PID/status</c>).</summary>
    public int Id => _process.Id;

    /// <summary>The last lines the process printed.</summary>
    public string LastOutput
    {
        get
        {
            lock (_lastLines) return string.Join('\n', _lastLines);
        }
    }

    /// <summary>
    /// Starts <paramref name="program"/> with <paramref name="arguments"/> and waits until <paramref name="probe"/>
    /// (a path on <paramref name="endpoint"/>) answers with any HTTP status, or fails after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        string name, string program, IEnumerable<string> arguments, Uri endpoint, string probe, TimeSpan timeout,
        string? temporaryDirectory = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name} ({program}).");
        var server = new ServerProcess(process, name, endpoint, temporaryDirectory);
        try
        {
            await server.WaitUntilAnsweringAsync(new Uri(endpoint, probe), timeout, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitUntilAnsweringAsync(Uri probe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it answered:\n{LastOutput}");
            try
            {
                using var response = await http.GetAsync(probe, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
        throw new TimeoutException($"{Name} did not answer on {probe} within {timeout.TotalSeconds:0} s:\n{LastOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > KeptLines) _lastLines.Dequeue();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        if (_temporaryDirectory is not null)
        {
            try
            {
                Directory.Delete(_temporaryDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    internal static string TemporaryDirectory(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;
}
