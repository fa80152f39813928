using System.Diagnostics;
using Xunit;

namespace EcsWorkshop.TestSupport;

/// <summary>
/// The real AWS CLI v2 from Debian (<c>/usr/bin/aws</c>; in the dev container, AWS's own install at
/// <c>/usr/local/bin/aws</c>), pointed at a simulator endpoint with the workshop's documented credentials (or the ones
/// given, e.g. a learner's own key pair), with no profile or config file of the machine. Arguments are passed as they
/// would be typed, one array element per shell word. The <c>aws</c> first on the PATH may be an old v1: it is never used.
/// Linked into every test project that drives the simulator through the CLI.
/// </summary>
public sealed class AwsCli(
    Uri endpoint,
    string region = "ap-northeast-1",
    string accessKeyId = "AKIAWORKSHOPEXAMPLE",
    string secretAccessKey = "workshop-secret-key-example")
{
    public static string Path { get; } =
        new[] { "/usr/bin/aws", "/usr/local/bin/aws" }.FirstOrDefault(File.Exists) ?? "/usr/bin/aws";

    public static bool IsInstalled => File.Exists(Path);

    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        Assert.True(IsInstalled, $"{Path} (AWS CLI v2) is needed; ./test.sh installs it.");
        var start = new ProcessStartInfo(Path);
        foreach (var argument in new[] { "--endpoint-url", endpoint.ToString().TrimEnd('/'), "--region", region, "--output", "json" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        start.Environment["AWS_ACCESS_KEY_ID"] = accessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secretAccessKey;
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment.Remove("AWS_PROFILE");
        start.Environment.Remove("AWS_SESSION_TOKEN");
        return await ExternalTool.RunAsync(start);
    }

    /// <summary>Runs a command that must succeed; returns what it printed.</summary>
    public async Task<string> SucceedsAsync(params string[] arguments) =>
        (await RunAsync(arguments)).Succeeded().StandardOutput;

    /// <summary>Runs a command that must fail with a service error; returns the CLI's error text.</summary>
    public async Task<string> FailsAsync(string expectedCode, params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == 254, $"Expected exit 254, got {result.ExitCode}: {result.StandardError}{result.StandardOutput}");
        Assert.Contains($"An error occurred ({expectedCode})", result.StandardError);
        return result.StandardError;
    }

    /// <summary>
    /// The service's message in the CLI's error text: what follows "An error occurred (CODE) when calling the X
    /// operation: " on that line.
    /// </summary>
    public static string MessageOf(string errorText)
    {
        var at = errorText.IndexOf("An error occurred (", StringComparison.Ordinal);
        Assert.True(at >= 0, errorText);
        var line = errorText[at..].Split('\n')[0];
        return line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..].Trim();
    }
}
