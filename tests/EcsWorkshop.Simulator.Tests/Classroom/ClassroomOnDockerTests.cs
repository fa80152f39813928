using System.Net;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Runtime;
using EcsWorkshop.Simulator.Runtime.Docker;
using EcsWorkshop.Simulator.Tests.Docker;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Classroom;

/// <summary>
/// A classroom on the Docker runtime: each learner's task runs as containers labelled with the learner's own account
/// folder, each learner's <c>/_workshop/endpoints</c> shows only their own task, and stopping the room removes every
/// learner's containers. The room follows one events stream for every learner: a container's exit reaches only the
/// learner whose label it carries.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class ClassroomOnDockerTests : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("ecs-workshop-classroom-docker-").FullName;
    private readonly Roster _roster = Roster.Generate(2);
    private SimulatorServer _server = null!;
    private global::Docker.DotNet.DockerClient _docker = null!;

    public async Task InitializeAsync()
    {
        _docker = await DockerEngine.RequireAsync();
        _server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            StateDirectory = _state,
            Simulation = SimulationSettings.AtSpeed(20),
            TickInterval = TimeSpan.FromMilliseconds(50),
            Runtime = RuntimeChoice.Docker,
            Classroom = new ClassroomOptions(_roster, "docker-host-token-0123456789abcdef0123"),
        });
    }

    private AwsCli Cli(Learner learner) => new(_server.Endpoint, accessKeyId: learner.AccessKeyId, secretAccessKey: learner.SecretAccessKey);

    private string AccountFolder(Learner learner) => SimulatorServer.AccountDirectory(_state, learner.AccountId);

    private async Task<string> RunWebTaskAsync(Learner learner, string text)
    {
        var file = Path.Combine(_state, $"{learner.Name}.json");
        await File.WriteAllTextAsync(file,
            $$"""{"family":"web","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","containerDefinitions":[{{DockerContainers.Web(text)}}]}""");
        (await Cli(learner).RunAsync("ecs", "create-cluster", "--cluster-name", "room")).Succeeded();
        (await Cli(learner).RunAsync("ecs", "register-task-definition", "--cli-input-json", $"file://{file}")).Succeeded();
        return (await Cli(learner).RunAsync("ecs", "run-task", "--cluster", "room", "--task-definition", "web", "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}")).Succeeded()
            .Json.GetProperty("tasks")[0].GetProperty("taskArn").GetString()!;
    }

    private async Task WaitRunningAsync(Learner learner, string taskArn)
    {
        var ecs = _server.Accounts.Find(learner.AccountId)!.Simulation.Ecs;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (ecs.World.Tasks.GetValueOrDefault(taskArn)?.LastStatus != EcsTaskStatus.Running)
        {
            var task = ecs.World.Tasks.GetValueOrDefault(taskArn);
            Assert.True(DateTime.UtcNow < deadline, $"{taskArn} did not start: {task?.LastStatus} {task?.StoppedReason}");
            await Task.Delay(100);
        }
    }

    private async Task<List<JsonElement>> EndpointsOfAsync(Learner learner)
    {
        var signer = new SigV4SigningHandler(new BasicAWSCredentials(learner.AccessKeyId, learner.SecretAccessKey), RegionEndpoint.APNortheast1, "ecs",
            new SocketsHttpHandler());
        using var http = new HttpClient(signer) { BaseAddress = _server.Endpoint };
        using var response = await http.GetAsync(RuntimeHosting.EndpointsPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone().EnumerateArray()];
    }

    [Fact(Timeout = 240_000)]
    public async Task Each_learners_containers_are_their_own_and_leave_with_the_room()
    {
        var (a, b) = (_roster.Learners[0], _roster.Learners[1]);
        var taskOfA = await RunWebTaskAsync(a, "from-a");
        var taskOfB = await RunWebTaskAsync(b, "from-b");
        await WaitRunningAsync(a, taskOfA);
        await WaitRunningAsync(b, taskOfB);

        var containersOfA = await DockerEngine.ContainersOfAsync(_docker, AccountFolder(a));
        var containersOfB = await DockerEngine.ContainersOfAsync(_docker, AccountFolder(b));
        var seenByA = Assert.Single(await EndpointsOfAsync(a));
        var seenByB = Assert.Single(await EndpointsOfAsync(b));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        Assert.Equal(2, containersOfA.Count);
        Assert.All(containersOfA, c => Assert.Equal(taskOfA, c.Labels![WorkshopLabels.TaskArn]));
        Assert.Equal(2, containersOfB.Count);
        Assert.All(containersOfB, c => Assert.Equal(taskOfB, c.Labels![WorkshopLabels.TaskArn]));
        Assert.Equal(taskOfA, seenByA.GetProperty("taskArn").GetString());
        Assert.Equal(taskOfB, seenByB.GetProperty("taskArn").GetString());
        Assert.Equal("from-a", (await http.GetStringAsync(seenByA.GetProperty("url").GetString())).Trim());
        Assert.Contains($":{a.AccountId}:task/room/", taskOfA);

        await _server.DisposeAsync();
        _server = null!;

        Assert.Empty(await DockerEngine.ContainersOfAsync(_docker, AccountFolder(a)));
        Assert.Empty(await DockerEngine.ContainersOfAsync(_docker, AccountFolder(b)));
    }

    [Fact(Timeout = 240_000)]
    public async Task A_container_killed_on_the_engine_stops_its_own_learners_task_only()
    {
        var (a, b) = (_roster.Learners[0], _roster.Learners[1]);
        var taskOfA = await RunWebTaskAsync(a, "from-a");
        var taskOfB = await RunWebTaskAsync(b, "from-b");
        await WaitRunningAsync(a, taskOfA);
        await WaitRunningAsync(b, taskOfB);
        var webOfA = (await DockerEngine.ContainersOfAsync(_docker, AccountFolder(a)))
            .Single(c => c.Labels![WorkshopLabels.ContainerName] == "web");

        await _docker.Containers.KillContainerAsync(webOfA.ID, new global::Docker.DotNet.Models.ContainerKillParameters { Signal = "KILL" });

        var ecsOfA = _server.Accounts.Find(a.AccountId)!.Simulation.Ecs;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (ecsOfA.World.Tasks[taskOfA].LastStatus != EcsTaskStatus.Stopped)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{taskOfA} did not stop: {ecsOfA.World.Tasks[taskOfA].LastStatus}");
            await Task.Delay(100);
        }
        var stopped = ecsOfA.World.Tasks[taskOfA];
        Assert.Equal(137, stopped.Containers.Single().ExitCode);
        Assert.Equal("Essential container in task exited", stopped.StoppedReason);
        var ofB = _server.Accounts.Find(b.AccountId)!.Simulation.Ecs.World.Tasks[taskOfB];
        Assert.Equal(EcsTaskStatus.Running, ofB.LastStatus);
        Assert.Null(ofB.Containers.Single().ExitCode);
        Assert.False(_server.Accounts.Find(b.AccountId)!.Simulation.Ecs.World.Tasks.ContainsKey(taskOfA));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        var left = (await DockerEngine.RemoveLeftoversAsync(_docker, AccountFolder(_roster.Learners[0])))
            .Concat(await DockerEngine.RemoveLeftoversAsync(_docker, AccountFolder(_roster.Learners[1]))).ToList();
        _docker.Dispose();
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
        }
        Assert.Empty(left);
    }
}
