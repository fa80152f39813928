using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Elbv2.Domain;
using EcsWorkshop.Simulator.Tests.Elbv2;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>
/// The Docker side of a broken health check path: a revision whose BusyBox httpd serves a folder without a page
/// answers 404 to the real health checks, and ECS replaces its task with "Task failed ELB health checks", while the
/// revision before it keeps serving — the outcome the simulated runtime gives from the image's files.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class FailingHealthCheckOnDockerTests : IAsyncLifetime
{
    private readonly DockerSimulator _simulator = new();

    private IReadOnlyList<TargetHealthDescription> Targets(string group) =>
        TargetCommands.DescribeHealth(_simulator.Server.Elbv2.World, _simulator.Server.Elbv2.Time.GetUtcNow(), _simulator.Server.Elbv2.Context, group, null);

    [Fact]
    public async Task A_revision_serving_a_folder_without_a_page_fails_with_404_and_is_replaced_for_failing_ELB_health_checks()
    {
        var cli = _simulator.Cli;
        await _simulator.RegisterAsync("web", DockerContainers.Web("v1"));
        var group = (await cli.CreateTargetGroupAsync("broken-tg")).Arn("TargetGroupArn");
        var loadBalancer = await cli.CreateLoadBalancerAsync("broken-lb");
        await cli.CreateListenerAsync(loadBalancer.Arn("LoadBalancerArn"), group, 8096);
        (await cli.RunAsync("elbv2", "modify-target-group", "--target-group-arn", group,
            "--health-check-interval-seconds", "5", "--health-check-timeout-seconds", "2", "--healthy-threshold-count", "2")).Succeeded();
        (await cli.RunAsync("ecs", "create-service", "--cluster", DockerSimulator.Cluster, "--service-name", "web", "--task-definition", "web",
            "--desired-count", "1", "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}",
            "--load-balancers", $"targetGroupArn={group},containerName=web,containerPort=8080")).Succeeded();
        await _simulator.WaitUntilAsync(() => Targets(group) is [{ Health.State: "healthy" }], "a healthy target");
        var v1 = Targets(group)[0].Id;
        await _simulator.RegisterAsync("web",
            $$"""{"name":"web","image":"{{DockerEngine.BaseImage}}","essential":true,"entryPoint":["/bin/sh","-c"],"command":["mkdir -p /www/empty && exec httpd -f -p 8080 -h /www/empty"],"portMappings":[{"containerPort":8080}],"linuxParameters":{"initProcessEnabled":true},"stopTimeout":5}""");

        (await cli.RunAsync("ecs", "update-service", "--cluster", DockerSimulator.Cluster, "--service", "web", "--task-definition", "web:2")).Succeeded();
        await _simulator.WaitUntilAsync(() => _simulator.Server.Engine.World.Tasks.Values.Any(t =>
            t.TaskDefinitionArn.EndsWith(":2", StringComparison.Ordinal) && t.StoppedReason is not null), "a revision 2 task stopped", TimeSpan.FromSeconds(120));

        var stopped = _simulator.Server.Engine.World.Tasks.Values.First(t => t.TaskDefinitionArn.EndsWith(":2", StringComparison.Ordinal) && t.StoppedReason is not null);
        Assert.Equal($"Task failed ELB health checks in (target-group {group})", stopped.StoppedReason);
        var events = (await cli.RunAsync("ecs", "describe-services", "--cluster", DockerSimulator.Cluster, "--services", "web")).Succeeded().Json
            .GetProperty("services")[0].GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Contains(events, m => m.EndsWith($"(port 8080) is unhealthy in (target-group {group}) due to (reason Health checks failed with these codes: [404]).", StringComparison.Ordinal));
        Assert.Contains(Targets(group), t => t.Id == v1 && t.Health.State == "healthy");
        Assert.NotEqual(EcsTaskStatus.Stopped, _simulator.Server.Engine.World.Tasks.Values.Single(t => t.NetworkInterface?.PrivateIpv4Address == v1 && t.IsAlive).LastStatus);
    }

    public Task InitializeAsync() => _simulator.InitializeAsync();

    public Task DisposeAsync() => _simulator.DisposeAsync();
}
