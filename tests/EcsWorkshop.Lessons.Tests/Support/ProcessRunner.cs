using System.Diagnostics;

namespace EcsWorkshop.Lessons.Tests.Support;

/// <summary>What a finished process did.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Everything it printed, for failure messages.</summary>
    public string Printed => StandardOutput + StandardError;
}

/// <summary>Runs a program to its end (or kills it after a time limit) and captures what it printed.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish in time. It printed:\n{await output}{await error}");
        }
        return new ProcessResult(process.ExitCode, await output, await error);
    }

    /// <summary>The <c>dotnet</c> host running the tests (or the one on the PATH).</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && System.IO.File.Exists(host) ? host : "dotnet";

    /// <summary>Runs the built <c>workshop</c> command (copied next to the tests) as a learner runs it.</summary>
    public static Task<ProcessResult> WorkshopAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "workshop.dll");
        Assert.True(System.IO.File.Exists(dll), $"The built CLI is missing at {dll}.");
        return RunAsync(Dotnet, [dll, .. arguments], workingDirectory, timeout: timeout);
    }
}
