using System.Diagnostics;
using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Classroom.Tests.Support;

/// <summary>What one run of the AWS CLI did.</summary>
public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// The real AWS CLI v2 (<c>/usr/bin/aws</c>; the <c>aws</c> first on the PATH may be an old v1 and is never used),
/// signing with a learner's own key pair against the room's endpoint, with no profile or config file of the machine.
/// </summary>
public sealed class AwsCliV2(Uri endpoint, Learner learner, string region = "ap-northeast-1")
{
    public const string Path = "/usr/bin/aws";

    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        Assert.True(File.Exists(Path), $"{Path} (AWS CLI v2) is needed; ./test.sh installs it.");
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--endpoint-url", endpoint.ToString().TrimEnd('/'), "--region", region, "--output", "json" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        start.Environment["AWS_ACCESS_KEY_ID"] = learner.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = learner.SecretAccessKey;
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment.Remove("AWS_PROFILE");
        start.Environment.Remove("AWS_SESSION_TOKEN");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the AWS CLI.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Runs a command that must succeed; returns what it printed.</summary>
    public async Task<string> SucceedsAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', arguments)} exited {result.ExitCode}: {result.StandardError}{result.StandardOutput}");
        return result.StandardOutput;
    }

    /// <summary>Runs a command that must fail with <paramref name="code"/>; returns the error message the CLI printed.</summary>
    public async Task<string> FailsAsync(string code, params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == 254, $"aws {string.Join(' ', arguments)}: expected exit 254, got {result.ExitCode}: {result.StandardError}{result.StandardOutput}");
        var marker = $"An error occurred ({code}) when calling the ";
        var at = result.StandardError.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, result.StandardError);
        var line = result.StandardError[at..].Split('\n')[0];
        return line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..].Trim();
    }
}
