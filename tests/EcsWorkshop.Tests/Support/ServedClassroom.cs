using System.Diagnostics;
using System.Globalization;
using System.Text;
using EcsWorkshop.TestSupport;

namespace EcsWorkshop.Tests.Support;

/// <summary>What a finished <c>workshop</c> or <c>aws</c> process did.</summary>
public sealed record ProcessOutcome(int ExitCode, string Output, string Error)
{
    public string Printed => Output + Error;
}

/// <summary>
/// The built <c>workshop</c> command (copied next to the tests) as a host runs it: <c>classroom init</c> to the end, and
/// <c>serve --classroom</c> on 127.0.0.1 until the test ends (then killed, nothing left running).
/// </summary>
public sealed class ServedClassroom : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _printed = new();

    private ServedClassroom(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
        process.OutputDataReceived += (_, e) => { lock (_printed) _printed.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_printed) _printed.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where the room answers.</summary>
    public Uri Endpoint { get; }

    /// <summary>What <c>serve</c> printed so far.</summary>
    public string Printed
    {
        get
        {
            lock (_printed) return _printed.ToString();
        }
    }

    /// <summary>Runs <c>workshop ARGS</c> to its end (two minutes at most).</summary>
    public static async Task<ProcessOutcome> WorkshopAsync(string workingDirectory, params string[] arguments) =>
        await RunAsync(Dotnet, [WorkshopDll, .. arguments], workingDirectory, new Dictionary<string, string>());

    /// <summary>Runs a program to its end (two minutes at most) with extra environment variables.</summary>
    public static async Task<ProcessOutcome> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish in time: {await output}{await error}");
        }
        return new ProcessOutcome(process.ExitCode, await output, await error);
    }

    /// <summary>Starts <c>workshop serve --classroom ROSTER</c> on 127.0.0.1:<paramref name="port"/> (the port its cards name) and waits until it answers.</summary>
    public static async Task<ServedClassroom> StartAsync(string rosterPath, string stateDirectory, int port)
    {
        var start = new ProcessStartInfo(Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { WorkshopDll, "serve", "--classroom", rosterPath, "--port", port.ToString(CultureInfo.InvariantCulture),
                     "--state-dir", stateDirectory, "--runtime", "simulated", "--speed", "20" })
            start.ArgumentList.Add(argument);
        var served = new ServedClassroom(Process.Start(start) ?? throw new InvalidOperationException("Could not start workshop serve."), new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(served._process.HasExited, $"workshop serve ended: {served.Printed}");
            try
            {
                using var response = await http.GetAsync(new Uri(served.Endpoint, "/_workshop/health"));
                if (response.IsSuccessStatusCode) return served;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        served.Dispose();
        Assert.Fail($"workshop serve --classroom did not answer in time: {served.Printed}");
        return served;
    }

    /// <summary>The built <c>workshop.dll</c>.</summary>
    public static string WorkshopDllPath => WorkshopDll;

    /// <summary>The <c>dotnet</c> host that runs it.</summary>
    public static string DotnetPath => Dotnet;

    private static string WorkshopDll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "workshop.dll");
            Assert.True(File.Exists(path), $"The built workshop command is missing at {path}.");
            return path;
        }
    }

    private static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
