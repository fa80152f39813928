using System.Globalization;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary><c>--runtime docker</c> without an engine fails at start with one clear line; <c>simulated</c> never asks for one.</summary>
public sealed class RuntimeSelectionTests : IDisposable
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("ecs-workshop-runtime-").FullName;

    private static readonly Dictionary<string, string> NoEngine = new() { ["DOCKER_HOST"] = "unix:///nonexistent/ecs-workshop/docker.sock" };

    [Fact]
    public async Task Runtime_docker_without_an_engine_fails_at_start_with_one_line()
    {
        using var serve = WorkshopProcess.Start(NoEngine, "serve", "--port", "0", "--state-dir", _stateDirectory, "--runtime", "docker");

        await serve.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var printed = serve.Printed.Trim();
        Assert.Equal(5, serve.ExitCode);
        Assert.Single(printed.Split('\n'));
        Assert.Contains("no Docker engine answers at unix:///nonexistent/ecs-workshop/docker.sock", printed);
    }

    [Fact]
    public async Task Runtime_auto_without_an_engine_runs_the_simulated_runtime()
    {
        using var serve = WorkshopProcess.Start(NoEngine, "serve", "--port", "0", "--state-dir", _stateDirectory);

        var endpoint = await serve.WaitForEndpointAsync();

        using var http = new HttpClient();
        Assert.Contains("\"runtime\":\"simulated\"", await http.GetStringAsync(new Uri(endpoint, "/_workshop/health")));
        Assert.Equal("[]", await http.GetStringAsync(new Uri(endpoint, "/_workshop/endpoints")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
