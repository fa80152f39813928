using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.CapacityProviders;

/// <summary><c>POST /_workshop/spot-interruption</c> on a running server, checked with the real AWS CLI.</summary>
public sealed class SpotInterruptionControlTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private static readonly string Network = $"awsvpcConfiguration={{subnets=[{Subnet}],securityGroups=[{SecurityGroup}]}}";

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpContent content)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(simulator.Server.Endpoint, SpotInterruptionControl.Path), content);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> InterruptAsync(string cluster, string task) =>
        PostAsync(JsonContent.Create(new { cluster, task, region = SimulatedWorld.Region }));

    private async Task<string> RunTaskAsync(string cluster, string provider)
    {
        var cli = simulator.Cli;
        (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", cluster, "--capacity-providers", "FARGATE", "FARGATE_SPOT")).Succeeded();
        ServiceTestTaskDefinitions.PutFargate(simulator.Server.Engine, new Ecs.Domain.EcsArns(SimulatedWorld.Region, Facts.Simulator.SimulatedAccount.Id), "batch");
        var run = (await cli.RunAsync("ecs", "run-task", "--cluster", cluster, "--task-definition", "batch", "--network-configuration", Network,
            "--capacity-provider-strategy", $"capacityProvider={provider},weight=1")).Succeeded().Json;
        var arn = run.GetProperty("tasks")[0].Str("taskArn");
        (await cli.RunAsync("ecs", "wait", "tasks-running", "--cluster", cluster, "--tasks", arn)).Succeeded();
        return arn;
    }

    [Fact]
    public async Task Interrupting_a_spot_task_by_id_stops_it_with_the_spot_stop_code()
    {
        Assert.True(AwsCli.IsInstalled, $"{AwsCli.Path} is missing");
        var arn = await RunTaskAsync("spot-control", "FARGATE_SPOT");

        var (status, body) = await InterruptAsync("spot-control", arn.Split('/')[^1]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(arn, body.Str("taskArn"));
        Assert.Equal("STOPPED", body.Str("desiredStatus"));
        Assert.Equal("SpotInterruption", body.Str("stopCode"));
        (await simulator.Cli.RunAsync("ecs", "wait", "tasks-stopped", "--cluster", "spot-control", "--tasks", arn)).Succeeded();
        var task = (await simulator.Cli.RunAsync("ecs", "describe-tasks", "--cluster", "spot-control", "--tasks", arn)).Succeeded().Json.GetProperty("tasks")[0];
        Assert.Equal("SpotInterruption", task.Str("stopCode"));
        Assert.Equal("Your Spot Task was interrupted.", task.Str("stoppedReason"));
    }

    [Fact]
    public async Task Errors_come_in_ecs_json_shape()
    {
        var onDemand = await RunTaskAsync("spot-errors", "FARGATE");

        var (notSpot, notSpotBody) = await InterruptAsync("spot-errors", onDemand);
        var (noCluster, noClusterBody) = await InterruptAsync("nowhere", onDemand);
        var (noTask, noTaskBody) = await InterruptAsync("spot-errors", "0123456789abcdef0123456789abcdef");
        var (garbled, garbledBody) = await PostAsync(new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        var (badArn, badArnBody) = await InterruptAsync("spot-errors", "arn:not-really");

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameterException"), (notSpot, notSpotBody.Str("__type")));
        Assert.Contains("does not run on FARGATE_SPOT", notSpotBody.Str("message"));
        Assert.Equal((HttpStatusCode.BadRequest, "ClusterNotFoundException"), (noCluster, noClusterBody.Str("__type")));
        Assert.Equal("The referenced task was not found.", noTaskBody.Str("message"));
        Assert.Equal(HttpStatusCode.BadRequest, noTask);
        Assert.Equal((HttpStatusCode.BadRequest, "SerializationException"), (garbled, garbledBody.Str("__type")));
        Assert.Equal(HttpStatusCode.BadRequest, badArn);
        Assert.Equal("InvalidParameterException", badArnBody.Str("__type"));
    }
}
