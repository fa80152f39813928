using System.Diagnostics;

namespace EcsWorkshop.TestSupport;

/// <summary>
/// moto (the Python AWS mock, <c>python3 -m moto.server</c>) on a free loopback port, started for the tests and
/// stopped at the end; linked into every test project that needs it. Found with the first <c>python3</c> that can import moto (the PATH's, then pyenv's).
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    private readonly Process _process;

    private MotoServer(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<MotoServer> StartAsync()
    {
        var python = await FindPythonWithMotoAsync()
            ?? throw new InvalidOperationException("No python3 that can import moto was found (moto 5.2.1 is expected in the pyenv python3).");
        var port = FreePort.Pick();
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        // AWS managed policies (AmazonECSTaskExecutionRolePolicy…) are only there when asked for.
        start.Environment["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start moto.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MotoServer(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitUntilAnsweringAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"moto exited with code {_process.ExitCode}.");
            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "moto-api/"));
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }
        throw new TimeoutException("moto did not answer within 60 s.");
    }

    private static async Task<string?> FindPythonWithMotoAsync()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var candidates = new List<string> { "python3", Path.Combine(home, ".pyenv", "shims", "python3") };
        var versions = Path.Combine(home, ".pyenv", "versions");
        if (Directory.Exists(versions))
            candidates.AddRange(Directory.GetDirectories(versions).Order().Select(v => Path.Combine(v, "bin", "python3")));
        foreach (var candidate in candidates)
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, ["-c", "import moto.server"])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
                if (probe is null) continue;
                await probe.WaitForExitAsync();
                if (probe.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not there: try the next one.
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
