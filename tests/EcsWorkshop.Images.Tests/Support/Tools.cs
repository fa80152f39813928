using System.Diagnostics;
using System.Text.Json;

namespace EcsWorkshop.Images.Tests.Support;

/// <summary>The output of a finished process.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error);

/// <summary>Runs command-line tools the tests check our images with (skopeo).</summary>
public static class Tools
{
    public const string SkopeoPath = "/usr/bin/skopeo";

    /// <summary>Runs a program to completion (at most a minute) and returns what it printed.</summary>
    public static async Task<ProcessResult> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["HOME"] = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessResult(process.ExitCode, await output, await error);
    }

    /// <summary><c>skopeo inspect ARGS</c>, which must succeed; returns its JSON.</summary>
    public static async Task<JsonElement> SkopeoInspectAsync(params string[] arguments)
    {
        var result = await RunAsync(SkopeoPath, ["inspect", .. arguments]);
        Assert.True(result.ExitCode == 0, $"skopeo inspect {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Error}");
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }
}
