using System.Diagnostics;

namespace EcsWorkshop.Tests.Support;

/// <summary>The real <c>docker</c> CLI (and <c>/usr/bin/aws</c>), run as a learner would, against the engine at <c>DOCKER_HOST</c>.</summary>
public static class Cli
{
    /// <summary>Runs a command; its exit code, stdout and stderr. Fails the test if it runs longer than two minutes.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, IEnumerable<string> arguments, string? input = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs the docker CLI and fails the test with its output when it exits non-zero.</summary>
    public static async Task<string> DockerAsync(params string[] arguments)
    {
        var (code, output, error) = await RunAsync("docker", arguments);
        Assert.True(code == 0, $"docker {string.Join(' ', arguments)} exited {code}: {error}{output}");
        return output.Trim();
    }
}

/// <summary>
/// A label for everything a test class creates in the Docker engine (images, containers), and the cleanup that
/// removes exactly those at the end.
/// </summary>
public sealed class DockerLabelFixture : IAsyncLifetime
{
    /// <summary>The label key every test object carries.</summary>
    public const string Key = "ecs-workshop.test";

    /// <summary>This fixture's label value.</summary>
    public string Value { get; } = $"handson-{Guid.NewGuid():N}"[..20];

    /// <summary><c>key=value</c>, for <c>--label</c> and <c>--filter label=</c>.</summary>
    public string Label => $"{Key}={Value}";

    /// <summary>The labels as a dictionary (for <see cref="WorkshopOptions.DockerLabels"/>).</summary>
    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string> { [Key] = Value };

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Containers, then images carrying the label; every tag of a labelled image goes with it.</summary>
    public async Task DisposeAsync()
    {
        var containers = await Cli.DockerAsync("ps", "-aq", "--filter", $"label={Label}");
        if (containers.Length > 0) await Cli.DockerAsync(["rm", "-f", .. containers.Split('\n')]);
        var images = await Cli.DockerAsync("images", "-q", "--filter", $"label={Label}");
        if (images.Length > 0) await Cli.RunAsync("docker", ["rmi", "-f", .. images.Split('\n').Distinct()]);
    }

    /// <summary>How many containers and images with the label are left (0 after cleanup).</summary>
    public async Task<int> LeftoversAsync() =>
        (await Cli.DockerAsync("ps", "-aq", "--filter", $"label={Label}")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length
        + (await Cli.DockerAsync("images", "-q", "--filter", $"label={Label}")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
}
