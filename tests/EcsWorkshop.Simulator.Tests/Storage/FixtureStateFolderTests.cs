using System.Text.Json;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static EcsWorkshop.Simulator.Tests.Storage.StateFolderFixture;

namespace EcsWorkshop.Simulator.Tests.Storage;

/// <summary>
/// A simulator opened on a copy of the state folder written by e821371, its clock stopped just after the folder was
/// written, answers the real AWS CLI and skopeo with the same clusters, service, tasks, task definition, image and log
/// events that were put into it.
/// </summary>
public sealed class FixtureStateFolderTests : IAsyncLifetime
{
    private readonly string _folder = Copy();
    private SimulatorServer _server = null!;

    private AwsCli Cli => new(_server.Endpoint);

    public async Task InitializeAsync() => _server = await SimulatorServer.StartAsync(new SimulatorOptions
    {
        Port = 0,
        StateDirectory = _folder,
        Simulation = SimulationSettings.AtSpeed(20),
        Time = new FakeTimeProvider(WrittenAt),
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Delete(_folder);
    }

    private async Task<JsonElement> AwsAsync(params string[] arguments) => (await Cli.RunAsync(arguments)).Succeeded().Json;

    [Fact]
    public async Task Its_clusters_are_listed_with_their_tags()
    {
        var clusters = await AwsAsync("ecs", "describe-clusters", "--clusters", WebCluster, BatchCluster, "--include", "TAGS");

        var byName = clusters.GetProperty("clusters").EnumerateArray().ToDictionary(c => c.GetProperty("clusterName").GetString()!);
        Assert.Equal([BatchCluster, WebCluster], byName.Keys.Order());
        Assert.All(byName.Values, c => Assert.Equal("ACTIVE", c.GetProperty("status").GetString()));
        var tag = Assert.Single(byName[BatchCluster].GetProperty("tags").EnumerateArray());
        Assert.Equal(("team", "storage"), (tag.GetProperty("key").GetString(), tag.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Its_service_still_runs_two_tasks_of_revision_1()
    {
        var service = (await AwsAsync("ecs", "describe-services", "--cluster", WebCluster, "--services", "web"))
            .GetProperty("services")[0];
        var tasks = (await AwsAsync("ecs", "list-tasks", "--cluster", WebCluster, "--service-name", "web"))
            .GetProperty("taskArns").EnumerateArray().Select(a => a.GetString()!.Split('/')[^1]);

        Assert.Equal("ACTIVE", service.GetProperty("status").GetString());
        Assert.Equal((2, 2), (service.GetProperty("desiredCount").GetInt32(), service.GetProperty("runningCount").GetInt32()));
        Assert.EndsWith($":task-definition/{Family}:1", service.GetProperty("taskDefinition").GetString());
        Assert.Equal(ServiceTaskIds, tasks.Order());
    }

    [Fact]
    public async Task Its_stopped_task_keeps_its_reason_and_exit_code()
    {
        var task = (await AwsAsync("ecs", "describe-tasks", "--cluster", BatchCluster, "--tasks", StoppedTaskId)).GetProperty("tasks")[0];

        Assert.Equal(("STOPPED", "STOPPED"), (task.GetProperty("lastStatus").GetString(), task.GetProperty("desiredStatus").GetString()));
        Assert.Equal(StoppedReason, task.GetProperty("stoppedReason").GetString());
        Assert.Equal(0, task.GetProperty("containers")[0].GetProperty("exitCode").GetInt32());
        Assert.Equal(ImageDigest, task.GetProperty("containers")[0].GetProperty("imageDigest").GetString());
    }

    [Fact]
    public async Task Its_task_definition_keeps_its_container_settings()
    {
        var definition = (await AwsAsync("ecs", "describe-task-definition", "--task-definition", $"{Family}:1")).GetProperty("taskDefinition");
        var container = definition.GetProperty("containerDefinitions")[0];

        Assert.Equal(("256", "512"), (definition.GetProperty("cpu").GetString(), definition.GetProperty("memory").GetString()));
        Assert.Equal("こんにちは", container.GetProperty("environment")[0].GetProperty("value").GetString());
        Assert.Equal(LogGroup, container.GetProperty("logConfiguration").GetProperty("options").GetProperty("awslogs-group").GetString());
    }

    [Fact]
    public async Task Its_image_is_described_by_ecr_and_served_by_the_registry()
    {
        var image = (await AwsAsync("ecr", "describe-images", "--repository-name", RepositoryName)).GetProperty("imageDetails")[0];
        var password = (await Cli.RunAsync("ecr", "get-login-password")).Succeeded().StandardOutput.Trim();
        var inspect = (await ExternalTool.RunAsync("/usr/bin/skopeo", ["inspect", "--tls-verify=false", "--creds", $"AWS:{password}",
            $"docker://{_server.Endpoint.Authority}/{RepositoryName}:v1"])).Succeeded().Json;

        Assert.Equal(ImageDigest, image.GetProperty("imageDigest").GetString());
        Assert.Equal(["v1"], image.GetProperty("imageTags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(ImageDigest, inspect.GetProperty("Digest").GetString());
        Assert.Equal("linux", inspect.GetProperty("Os").GetString()); // read from the config blob in the folder
        Assert.Single(inspect.GetProperty("Layers").EnumerateArray());
    }

    [Fact]
    public async Task Its_log_events_are_read_back_in_order()
    {
        var notes = await AwsAsync("logs", "get-log-events", "--log-group-name", LogGroup, "--log-stream-name", "notes", "--start-from-head");
        var stopped = await AwsAsync("logs", "get-log-events", "--log-group-name", LogGroup, "--log-stream-name", $"web/web/{StoppedTaskId}", "--start-from-head");

        Assert.Equal(["first note", "二つ目のメモ"], Messages(notes));
        Assert.Collection(Messages(stopped),
            m => Assert.StartsWith($"[ecs-workshop] Container web started from image localhost:47123/{RepositoryName}:v1 ({ImageDigest})", m),
            m => Assert.Equal($"[ecs-workshop] Received SIGTERM: {StoppedReason}", m),
            m => Assert.Equal("[ecs-workshop] Container web exited with code 0.", m));
    }

    private static List<string> Messages(JsonElement events) =>
        [.. events.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!)];
}
