using System.Diagnostics;
using System.Text.Json;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>What one run of the AWS CLI did.</summary>
public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The JSON the CLI printed.</summary>
    public JsonElement Json => JsonDocument.Parse(StandardOutput).RootElement.Clone();

    /// <summary>Fails the test with the CLI's own words unless it exited 0.</summary>
    public CliResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"aws exited {ExitCode}: {StandardError}{StandardOutput}");
        return this;
    }
}

/// <summary>
/// The real AWS CLI v2 from Debian (<c>/usr/bin/aws</c>; in the dev container, AWS's own install at
/// <c>/usr/local/bin/aws</c>), pointed at a simulator endpoint with the workshop's documented credentials (or the ones
/// given). Arguments are passed as they would be typed, one array element per shell word. The <c>aws</c> first on the
/// PATH may be an old v1: it is never used.
/// </summary>
public sealed class AwsCli(
    Uri endpoint,
    string region = SimulatedWorld.Region,
    string accessKeyId = "AKIAWORKSHOPEXAMPLE",
    string secretAccessKey = "workshop-secret-key-example")
{
    public static string Path { get; } =
        new[] { "/usr/bin/aws", "/usr/local/bin/aws" }.FirstOrDefault(File.Exists) ?? "/usr/bin/aws";

    public static bool IsInstalled => File.Exists(Path);

    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(endpoint.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--region");
        start.ArgumentList.Add(region);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["AWS_ACCESS_KEY_ID"] = accessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secretAccessKey;
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment.Remove("AWS_PROFILE");
        start.Environment.Remove("AWS_SESSION_TOKEN");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the AWS CLI.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Runs a command that must fail with a service error; returns the CLI's error text.</summary>
    public async Task<string> FailsAsync(string expectedCode, params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == 254, $"Expected exit 254, got {result.ExitCode}: {result.StandardError}{result.StandardOutput}");
        Assert.Contains($"An error occurred ({expectedCode})", result.StandardError);
        return result.StandardError;
    }
}
