using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace EcsWorkshop.TestSupport;

/// <summary>What one finished run of the <c>workshop</c> command did.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// The built <c>workshop</c> command (<c>workshop.dll</c>, copied next to the test assembly because the test project
/// references the CLI project) run as a separate process with <c>dotnet</c>, as a learner runs it. Linked into every
/// test project that runs it.
/// </summary>
public sealed partial class WorkshopProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private WorkshopProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_error) _error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where the built CLI is.</summary>
    public static string DllPath
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "workshop.dll");
            Assert.True(File.Exists(path), $"The built CLI is missing at {path}; the test project should reference EcsWorkshop.Cli.");
            return path;
        }
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>The exit code, once the process has ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process printed so far (standard output, then standard error).</summary>
    public string Printed
    {
        get
        {
            lock (_output) lock (_error) return $"{_output}{_error}";
        }
    }

    /// <summary>Starts <c>dotnet workshop.dll ARGS</c> and leaves it running.</summary>
    public static WorkshopProcess Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    /// <summary>Starts <c>dotnet workshop.dll ARGS</c> with extra environment variables and leaves it running.</summary>
    public static WorkshopProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return new WorkshopProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the workshop command."));
    }

    /// <summary>Runs <c>dotnet workshop.dll ARGS</c> to the end (a minute at most).</summary>
    public static async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        await process.WaitForExitAsync(TimeSpan.FromMinutes(1));
        return new ProcessResult(process._process.ExitCode, process._output.ToString(), process._error.ToString());
    }

    /// <summary>Waits until the simulator this process serves answers its health check, or fails the test.</summary>
    public async Task WaitUntilHealthyAsync(Uri endpoint, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"workshop serve exited with {(_process.HasExited ? _process.ExitCode : 0)}: {Printed}");
            try
            {
                using var response = await http.GetAsync(new Uri(endpoint, "/_workshop/health"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        Assert.Fail($"workshop serve did not answer on {endpoint} in time: {Printed}");
    }

    /// <summary>Waits for the line starting with <paramref name="prefix"/> and returns the rest of it, or fails the test.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var line = Printed.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            if (line is not null) return line[prefix.Length..].Trim();
            Assert.False(_process.HasExited, $"workshop ended: {Printed}");
            await Task.Delay(50);
        }
        Assert.Fail($"workshop printed no line starting with \"{prefix}\" in {timeout}: {Printed}");
        return "";
    }

    /// <summary>
    /// The address <c>workshop serve</c> listens on, read from its "listening on" line (so a test can serve on
    /// <c>--port 0</c> and let the kernel pick a port nobody else has), once it answers its health check.
    /// </summary>
    public async Task<Uri> WaitForEndpointAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var rest = await WaitForLineAsync("ECS simulator listening on ", limit);
        var endpoint = new Uri(ListeningOn().Match("listening on " + rest).Groups["url"].Value);
        await WaitUntilHealthyAsync(endpoint, limit);
        return endpoint;
    }

    /// <summary>Waits for the process to end by itself.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // drains the redirected output
    }

    /// <summary>Ends the process at once with SIGKILL, as a crash or <c>kill -9</c> would: nothing gets to clean up.</summary>
    public void KillHard()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet") return current;
        return "dotnet";
    }

    [GeneratedRegex(@"listening on (?<url>http://[^\s]+)")]
    private static partial Regex ListeningOn();
}
