using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace EcsWorkshop.Classroom.Tests.Support;

/// <summary>
/// A real <c>workshop serve</c> process (<c>dotnet workshop.dll</c>, built next to the tests since they reference the
/// CLI project), with what it prints; disposing it ends it and waits until it is gone.
/// </summary>
public sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _printed = new();

    private ServeProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_printed) _printed.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_printed) _printed.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything printed so far (standard output and error).</summary>
    public string Printed
    {
        get
        {
            lock (_printed) return _printed.ToString();
        }
    }

    /// <summary>Whether the process is still there.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Starts <c>workshop serve ARGUMENTS</c>.</summary>
    public static ServeProcess Start(params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "workshop.dll");
        Assert.True(File.Exists(dll), $"The built CLI is missing at {dll}; the test project should reference EcsWorkshop.Cli.");
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("serve");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return new ServeProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start workshop serve."));
    }

    /// <summary>Waits for the line starting with <paramref name="prefix"/> and returns the rest of it, or fails the test.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var line = Printed.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            if (line is not null) return line[prefix.Length..].Trim();
            Assert.True(IsRunning, $"workshop serve ended: {Printed}");
            await Task.Delay(50);
        }
        Assert.Fail($"workshop serve printed no line starting with \"{prefix}\" in {timeout}: {Printed}");
        return "";
    }

    /// <summary>The address the server listens on, from its "listening on" line.</summary>
    public async Task<Uri> WaitForEndpointAsync(TimeSpan timeout)
    {
        var rest = await WaitForLineAsync("ECS simulator listening on ", timeout);
        return new Uri(ListeningOn().Match("listening on " + rest).Groups["url"].Value);
    }

    /// <summary>Ends the process and waits until it is gone.</summary>
    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (?<url>http://[^\s]+)")]
    private static partial Regex ListeningOn();

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
