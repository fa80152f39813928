using System.Text.Json;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Tests.Elbv2;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.LoadBalancing;

/// <summary>
/// <c>aws ecs create-service --load-balancers …</c> from the real AWS CLI v2: ECS's refusals, word for word, and a
/// service whose tasks the scheduler registers in the target group.
/// </summary>
public sealed class ServiceLoadBalancerCliTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private AwsCli Cli => simulator.Cli;

    private async Task<(string TargetGroup, string Cluster)> PrepareAsync(string name, bool withListener = true, string targetType = "ip")
    {
        (await Cli.RunAsync("ecs", "create-cluster", "--cluster-name", name)).Succeeded();
        ServiceTestTaskDefinitions.PutFargate(simulator.Server.Engine, new Ecs.Domain.EcsArns(SimulatedWorld.Region, SimulatedAccount.Id), name);
        var group = (await Cli.CreateTargetGroupAsync(name + "-tg", targetType)).Arn("TargetGroupArn");
        if (withListener)
        {
            var loadBalancer = await Cli.CreateLoadBalancerAsync(name + "-lb");
            await Cli.CreateListenerAsync(loadBalancer.Arn("LoadBalancerArn"), group);
        }
        return (group, name);
    }

    private string[] CreateService(string cluster, string loadBalancers, int desiredCount = 1) =>
    [
        "ecs", "create-service", "--cluster", cluster, "--service-name", "web", "--task-definition", cluster,
        "--desired-count", desiredCount.ToString(), "--launch-type", "FARGATE",
        "--network-configuration", $"awsvpcConfiguration={{subnets=[{Subnet}],securityGroups=[{SecurityGroup}],assignPublicIp=ENABLED}}",
        "--load-balancers", loadBalancers,
    ];

    private bool HasService(string cluster) =>
        simulator.Server.Engine.World.Services.Values.Any(s => s.ClusterArn.EndsWith("/" + cluster, StringComparison.Ordinal));

    [Fact]
    public async Task A_container_the_task_definition_does_not_have_is_refused()
    {
        var (group, cluster) = await PrepareAsync("lb-no-container");

        var error = await Cli.FailsAsync("InvalidParameterException", CreateService(cluster, $"targetGroupArn={group},containerName=api,containerPort=80"));

        Assert.Contains("The container api does not exist in the task definition.", error);
        Assert.False(HasService(cluster));
    }

    [Fact]
    public async Task A_container_port_without_a_port_mapping_is_refused()
    {
        var (group, cluster) = await PrepareAsync("lb-no-port");

        var error = await Cli.FailsAsync("InvalidParameterException", CreateService(cluster, $"targetGroupArn={group},containerName=web,containerPort=8080"));

        Assert.Contains("The container web did not have a container port 8080 defined.", error);
        Assert.False(HasService(cluster));
    }

    [Fact]
    public async Task A_target_group_no_load_balancer_uses_is_refused()
    {
        var (group, cluster) = await PrepareAsync("lb-unattached", withListener: false);

        var error = await Cli.FailsAsync("InvalidParameterException", CreateService(cluster, $"targetGroupArn={group},containerName=web,containerPort=80"));

        Assert.Contains($"The target group with targetGroupArn {group} does not have an associated load balancer.", error);
        Assert.False(HasService(cluster));
    }

    [Fact]
    public async Task An_instance_target_group_is_refused_for_awsvpc_tasks()
    {
        var (group, cluster) = await PrepareAsync("lb-instance", targetType: "instance");

        var error = await Cli.FailsAsync("InvalidParameterException", CreateService(cluster, $"targetGroupArn={group},containerName=web,containerPort=80"));

        Assert.Contains($"The provided target group {group} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.", error);
    }

    [Fact]
    public async Task A_target_group_that_does_not_exist_is_refused()
    {
        var (group, cluster) = await PrepareAsync("lb-unknown");
        var missing = group[..^16] + "0000000000000000";

        var error = await Cli.FailsAsync("InvalidParameterException", CreateService(cluster, $"targetGroupArn={missing},containerName=web,containerPort=80"));

        Assert.Contains("Unable to assume role and validate the specified targetGroupArn.", error);
    }

    [Fact]
    public async Task A_service_behind_a_listener_registers_its_tasks_and_keeps_its_target_group_in_use()
    {
        var (group, cluster) = await PrepareAsync("lb-served");

        var created = (await Cli.RunAsync(CreateService(cluster, $"targetGroupArn={group},containerName=web,containerPort=80", desiredCount: 2)))
            .Succeeded().Json.GetProperty("service");
        Assert.Equal(group, created.GetProperty("loadBalancers")[0].Str("targetGroupArn"));

        JsonElement health = default;
        for (var attempt = 0; attempt < 80; attempt++)
        {
            health = (await Cli.RunAsync("elbv2", "describe-target-health", "--target-group-arn", group)).Succeeded().Json.GetProperty("TargetHealthDescriptions");
            if (health.GetArrayLength() == 2 && health.EnumerateArray().All(t => t.GetProperty("TargetHealth").Str("State") == "healthy")) break;
            await Task.Delay(250);
        }
        Assert.Equal(["healthy", "healthy"], health.EnumerateArray().Select(t => t.GetProperty("TargetHealth").Str("State")));
        var service = (await Cli.RunAsync("ecs", "describe-services", "--cluster", cluster, "--services", "web")).Succeeded().Json.GetProperty("services")[0];
        Assert.Contains(service.Messages(), m => m.StartsWith("(service web) registered ", StringComparison.Ordinal) && m.EndsWith($"targets in (target-group {group})", StringComparison.Ordinal));

        var error = await Cli.FailsAsync("ResourceInUse", "elbv2", "delete-target-group", "--target-group-arn", group);
        Assert.Contains($"Target group '{group}' is currently in use by a listener or a rule", error);
    }
}
