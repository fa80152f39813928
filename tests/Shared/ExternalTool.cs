using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace EcsWorkshop.TestSupport;

/// <summary>What one run of a program (the AWS CLI, skopeo, docker) did.</summary>
public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The JSON the program printed.</summary>
    public JsonElement Json => JsonDocument.Parse(StandardOutput).RootElement.Clone();

    /// <summary>Fails the test with the program's own words unless it exited 0.</summary>
    public CliResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"aws exited {ExitCode}: {StandardError}{StandardOutput}");
        return this;
    }
}

/// <summary>Runs a real third-party program (the AWS CLI, skopeo, docker) to its end (3 minutes at most) and captures what it did.</summary>
public static class ExternalTool
{
    public static Task<CliResult> RunAsync(string program, IEnumerable<string> arguments, string? standardInput = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return RunAsync(start, standardInput);
    }

    /// <summary>Runs the program <paramref name="start"/> describes (its arguments and environment as given), its output captured.</summary>
    public static async Task<CliResult> RunAsync(ProcessStartInfo start, string? standardInput = null)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = standardInput is not null;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>The path of a program on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
