using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Runtime;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>
/// A simulator server on the Docker runtime with its own state folder, driven with the real AWS CLI. At the end it
/// stops the server (which removes its containers) and fails the test if any container of its own is left. The
/// settings default to speed 20; a test of quotas passes its own.
/// </summary>
public sealed class DockerSimulator(SimulationSettings? settings = null) : IAsyncLifetime
{

    public const string Cluster = "docker";

    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("ecs-workshop-docker-test-").FullName;

    public SimulatorServer Server { get; private set; } = null!;

    public DockerClient Docker { get; private set; } = null!;

    public AwsCli Cli => new(Server.Endpoint);

    public async Task InitializeAsync()
    {
        Docker = await DockerEngine.RequireAsync();
        Server = await StartAsync();
        (await Cli.RunAsync("ecs", "create-cluster", "--cluster-name", Cluster)).Succeeded();
    }

    public Task<SimulatorServer> StartAsync() => SimulatorServer.StartAsync(new SimulatorOptions
    {
        Port = 0,
        StateDirectory = StateDirectory,
        Simulation = settings ?? SimulationSettings.AtSpeed(20),
        TickInterval = TimeSpan.FromMilliseconds(50),
        Runtime = RuntimeChoice.Docker,
    });

    /// <summary>Registers a Fargate task definition of one container (given as its JSON members) and returns its family.</summary>
    public async Task<string> RegisterAsync(string family, string containerJson, string extraJson = "")
    {
        var file = Path.Combine(StateDirectory, $"{family}.json");
        await File.WriteAllTextAsync(file,
            $$"""{"family":"{{family}}","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","executionRoleArn":"arn:aws:iam::123456789012:role/ecsTaskExecutionRole"{{extraJson}},"containerDefinitions":[{{containerJson}}]}""");
        (await Cli.RunAsync("ecs", "register-task-definition", "--cli-input-json", $"file://{file}")).Succeeded();
        return family;
    }

    /// <summary>Runs one task with the CLI and returns its ARN.</summary>
    public async Task<string> RunTaskAsync(string family, params string[] extra)
    {
        var result = (await Cli.RunAsync([
            "ecs", "run-task", "--cluster", Cluster, "--task-definition", family, "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}", .. extra])).Succeeded();
        return result.Json.GetProperty("tasks")[0].GetProperty("taskArn").GetString()!;
    }

    /// <summary>The task as the real CLI describes it.</summary>
    public async Task<JsonElement> DescribeAsync(string taskArn) =>
        (await Cli.RunAsync("ecs", "describe-tasks", "--cluster", Cluster, "--tasks", taskArn)).Succeeded().Json.GetProperty("tasks")[0];

    /// <summary>Waits (real time, bounded) until the task satisfies <paramref name="condition"/>, or fails with where it is.</summary>
    public async Task<EcsTask> WaitForTaskAsync(string taskArn, Func<EcsTask, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var task = Server.Engine.World.Tasks.GetValueOrDefault(taskArn);
            if (task is not null && condition(task)) return task;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Task {taskArn} did not become {what}: it is {task?.LastStatus} ({task?.StopCode} {task?.StoppedReason})");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until a condition on the world holds, or fails.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>The running tasks' loopback URLs, from <c>/_workshop/endpoints</c>.</summary>
    public async Task<List<JsonElement>> EndpointsAsync()
    {
        using var http = new HttpClient();
        var list = await http.GetFromJsonAsync<List<JsonElement>>(new Uri(Server.Endpoint, RuntimeHosting.EndpointsPath));
        return list ?? [];
    }

    /// <summary>Runs a command in a task's container through <c>/_workshop/exec</c>; returns the status and JSON answer.</summary>
    public async Task<(int Status, JsonElement Body)> ExecAsync(string taskArn, string command, string? container = null)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(new Uri(Server.Endpoint, RuntimeHosting.ExecPath),
            new { cluster = Cluster, task = taskArn, container, command });
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
        var left = Docker is null ? [] : await DockerEngine.RemoveLeftoversAsync(Docker, StateDirectory);
        Docker?.Dispose();
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        Assert.True(left.Count == 0, $"Containers left behind: {string.Join(", ", left)}");
    }
}
