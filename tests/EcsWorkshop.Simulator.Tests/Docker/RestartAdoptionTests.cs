using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>
/// <c>workshop serve</c> killed with SIGKILL leaves its containers running; restarted on the same state folder it
/// adopts them, and DeleteService then leaves none behind.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class RestartAdoptionTests : IAsyncLifetime
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("ecs-workshop-adopt-").FullName;
    private readonly int _port = FreePort.Pick();
    private global::Docker.DotNet.DockerClient _docker = null!;

    private Uri Endpoint => new($"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}");

    private WorkshopProcess Serve() =>
        WorkshopProcess.Start("serve", "--port", _port.ToString(CultureInfo.InvariantCulture), "--state-dir", _stateDirectory, "--speed", "20", "--runtime", "docker");

    private async Task<List<JsonElement>> EndpointsAsync()
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<List<JsonElement>>(new Uri(Endpoint, "/_workshop/endpoints")) ?? [];
    }

    private async Task<List<JsonElement>> WaitForEndpointsAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var endpoints = await EndpointsAsync();
            if (endpoints.Count == count) return endpoints;
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} endpoints, have {endpoints.Count}.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_killed_simulator_restarted_on_its_state_adopts_its_containers_and_delete_service_leaves_none()
    {
        var cli = new AwsCli(Endpoint);
        var definition = Path.Combine(_stateDirectory, "web.json");
        await File.WriteAllTextAsync(definition,
            $$"""{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","containerDefinitions":[{{DockerContainers.Web()}}]}""");
        string taskArn;
        string url;
        using (var first = Serve())
        {
            await first.WaitUntilHealthyAsync(Endpoint);
            (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", "adopt")).Succeeded();
            (await cli.RunAsync("ecs", "register-task-definition", "--cli-input-json", $"file://{definition}")).Succeeded();
            (await cli.RunAsync("ecs", "create-service", "--cluster", "adopt", "--service-name", "web", "--task-definition", "web", "--desired-count", "1",
                "--launch-type", "FARGATE", "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}")).Succeeded();
            var endpoint = Assert.Single(await WaitForEndpointsAsync(1));
            taskArn = endpoint.GetProperty("taskArn").GetString()!;
            url = endpoint.GetProperty("url").GetString()!;
            first.KillHard();
        }
        var survivors = await DockerEngine.ContainersOfAsync(_docker, _stateDirectory);
        Assert.Equal(2, survivors.Count(c => c.State == "running"));

        using var second = Serve();
        await second.WaitUntilHealthyAsync(Endpoint);
        var adopted = Assert.Single(await WaitForEndpointsAsync(1));

        Assert.Equal(taskArn, adopted.GetProperty("taskArn").GetString());
        Assert.Equal(url, adopted.GetProperty("url").GetString());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Assert.Equal("hello from the task", (await http.GetStringAsync(url)).Trim());
        var running = (await cli.RunAsync("ecs", "describe-tasks", "--cluster", "adopt", "--tasks", taskArn)).Succeeded().Json.GetProperty("tasks")[0];
        Assert.Equal("RUNNING", running.Text("lastStatus"));

        (await cli.RunAsync("ecs", "delete-service", "--cluster", "adopt", "--service", "web", "--force")).Succeeded();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await DockerEngine.ContainersOfAsync(_docker, _stateDirectory)).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The containers of the deleted service are still there.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Containers_removed_while_the_simulator_was_down_stop_their_task_with_a_clear_reason_and_the_service_replaces_it()
    {
        var cli = new AwsCli(Endpoint);
        var definition = Path.Combine(_stateDirectory, "web.json");
        await File.WriteAllTextAsync(definition,
            $$"""{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","containerDefinitions":[{{DockerContainers.Web()}}]}""");
        string taskArn;
        using (var first = Serve())
        {
            await first.WaitUntilHealthyAsync(Endpoint);
            (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", "adopt")).Succeeded();
            (await cli.RunAsync("ecs", "register-task-definition", "--cli-input-json", $"file://{definition}")).Succeeded();
            (await cli.RunAsync("ecs", "create-service", "--cluster", "adopt", "--service-name", "web", "--task-definition", "web", "--desired-count", "1",
                "--launch-type", "FARGATE", "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}")).Succeeded();
            taskArn = Assert.Single(await WaitForEndpointsAsync(1)).GetProperty("taskArn").GetString()!;
            first.KillHard();
        }
        await DockerEngine.RemoveLeftoversAsync(_docker, _stateDirectory);

        using var second = Serve();
        await second.WaitUntilHealthyAsync(Endpoint);
        var replacement = Assert.Single(await WaitForEndpointsAsync(1));

        Assert.NotEqual(taskArn, replacement.GetProperty("taskArn").GetString());
        var lost = (await cli.RunAsync("ecs", "describe-tasks", "--cluster", "adopt", "--tasks", taskArn)).Succeeded().Json.GetProperty("tasks")[0];
        Assert.Equal("STOPPED", lost.Text("desiredStatus"));
        Assert.Contains("gone from the Docker engine", lost.Text("stoppedReason"));
        (await cli.RunAsync("ecs", "delete-service", "--cluster", "adopt", "--service", "web", "--force")).Succeeded();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await DockerEngine.ContainersOfAsync(_docker, _stateDirectory)).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The containers of the deleted service are still there.");
            await Task.Delay(200);
        }
    }

    public async Task InitializeAsync() => _docker = await DockerEngine.RequireAsync();

    public async Task DisposeAsync()
    {
        var left = await DockerEngine.RemoveLeftoversAsync(_docker, _stateDirectory);
        _docker.Dispose();
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        Assert.True(left.Count == 0, $"Containers left behind: {string.Join(", ", left)}");
    }
}
