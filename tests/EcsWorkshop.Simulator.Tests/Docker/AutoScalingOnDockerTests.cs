using System.Net.Http.Json;
using System.Text.Json;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>Target tracking on the Docker runtime: the CPU utilization is the containers' real CPU time, from the engine's stats.</summary>
[Collection(DockerCollection.Name)]
public sealed class AutoScalingOnDockerTests : IAsyncLifetime
{
    private readonly DockerSimulator _simulator = new();

    private static string Busy() =>
        $$"""{"name":"busy","image":"{{DockerEngine.BaseImage}}","essential":true,"entryPoint":["/bin/sh","-c"],"command":["while :; do :; done"],"linuxParameters":{"initProcessEnabled":true},"stopTimeout":2}""";

    [Fact]
    public async Task A_task_that_keeps_its_CPU_busy_scales_its_service_out()
    {
        await _simulator.RegisterAsync("busy", Busy());
        (await _simulator.Cli.RunAsync("ecs", "create-service", "--cluster", DockerSimulator.Cluster, "--service-name", "busy", "--task-definition", "busy",
            "--desired-count", "1", "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}")).Succeeded();
        var resourceId = $"service/{DockerSimulator.Cluster}/busy";
        (await _simulator.Cli.RunAsync("application-autoscaling", "register-scalable-target", "--service-namespace", "ecs", "--resource-id", resourceId,
            "--scalable-dimension", "ecs:service:DesiredCount", "--min-capacity", "1", "--max-capacity", "2")).Succeeded();
        (await _simulator.Cli.RunAsync("application-autoscaling", "put-scaling-policy", "--service-namespace", "ecs", "--resource-id", resourceId,
            "--scalable-dimension", "ecs:service:DesiredCount", "--policy-name", "cpu50", "--policy-type", "TargetTrackingScaling",
            "--target-tracking-scaling-policy-configuration",
            """{"TargetValue":50,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"}}""")).Succeeded();

        // A busy loop uses a whole CPU (or all of the 0.25 CPU the task reserves): well above 50 %. At speed 20 the three
        // one-minute datapoints take 9 seconds once the container runs.
        await _simulator.WaitUntilAsync(() => _simulator.Server.Engine.World.Services.Values.Single(s => s.Name == "busy").DesiredCount == 2,
            "the scale-out to 2 tasks", TimeSpan.FromMinutes(2));

        var activity = (await _simulator.Cli.RunAsync("application-autoscaling", "describe-scaling-activities", "--service-namespace", "ecs",
            "--resource-id", resourceId)).Succeeded().Json.GetProperty("ScalingActivities")[0];
        Assert.Equal("Setting desired count to 2.", activity.GetProperty("Description").GetString());
        Assert.Contains("-AlarmHigh-", activity.GetProperty("Cause").GetString());
    }

    [Fact]
    public async Task The_load_control_is_refused_because_the_load_is_real()
    {
        await _simulator.RegisterAsync("web", DockerContainers.Web());
        (await _simulator.Cli.RunAsync("ecs", "create-service", "--cluster", DockerSimulator.Cluster, "--service-name", "web", "--task-definition", "web",
            "--desired-count", "0", "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}")).Succeeded();
        using var http = new HttpClient { BaseAddress = _simulator.Server.Endpoint };

        var response = await http.PostAsJsonAsync("/_workshop/load", new { cluster = DockerSimulator.Cluster, service = "web", cpuPercent = 80, region = SimulatedWorld.Region });

        Assert.Equal(400, (int)response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ValidationException", body.GetProperty("__type").GetString());
        Assert.StartsWith("The Docker runtime measures the tasks' real CPU and memory", body.GetProperty("message").GetString());
    }

    public Task InitializeAsync() => _simulator.InitializeAsync();

    public Task DisposeAsync() => _simulator.DisposeAsync();
}
