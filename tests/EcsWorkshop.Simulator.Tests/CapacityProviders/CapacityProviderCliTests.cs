using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.CapacityProviders;

/// <summary>PutClusterCapacityProviders and a service's strategy, driven by the real AWS CLI v2, with ECS's error words.</summary>
public sealed class CapacityProviderCliTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private static readonly string Network = $"awsvpcConfiguration={{subnets=[{Subnet}],securityGroups=[{SecurityGroup}]}}";

    private async Task<AwsCli> ClusterAsync(string cluster, params string[] providers)
    {
        Assert.True(AwsCli.IsInstalled, $"{AwsCli.Path} is missing");
        var cli = simulator.Cli;
        string[] create = ["ecs", "create-cluster", "--cluster-name", cluster];
        (await cli.RunAsync(providers.Length == 0 ? create : [.. create, "--capacity-providers", .. providers])).Succeeded();
        ServiceTestTaskDefinitions.PutFargate(simulator.Server.Engine, new Ecs.Domain.EcsArns(SimulatedWorld.Region, SimulatedAccount.Id), "batch");
        return cli;
    }

    [Fact]
    public async Task Put_cluster_capacity_providers_sets_the_providers_and_the_default_strategy()
    {
        var cli = await ClusterAsync("put-both");

        var cluster = (await cli.RunAsync("ecs", "put-cluster-capacity-providers", "--cluster", "put-both",
            "--capacity-providers", "FARGATE", "FARGATE_SPOT",
            "--default-capacity-provider-strategy", "capacityProvider=FARGATE,base=1,weight=1", "capacityProvider=FARGATE_SPOT,weight=3"))
            .Succeeded().Json.GetProperty("cluster");

        Assert.Equal(["FARGATE", "FARGATE_SPOT"], cluster.GetProperty("capacityProviders").EnumerateArray().Select(p => p.GetString()));
        var described = (await cli.RunAsync("ecs", "describe-clusters", "--clusters", "put-both")).Succeeded().Json.GetProperty("clusters")[0];
        var strategy = described.GetProperty("defaultCapacityProviderStrategy");
        Assert.Equal("FARGATE", strategy[0].Str("capacityProvider"));
        Assert.Equal(1, strategy[0].Int("base"));
        Assert.Equal(3, strategy[1].Int("weight"));
    }

    [Fact]
    public async Task Run_task_without_a_launch_type_uses_the_cluster_default_strategy()
    {
        var cli = await ClusterAsync("default-run");
        (await cli.RunAsync("ecs", "put-cluster-capacity-providers", "--cluster", "default-run", "--capacity-providers", "FARGATE", "FARGATE_SPOT",
            "--default-capacity-provider-strategy", "capacityProvider=FARGATE_SPOT,weight=1")).Succeeded();

        var run = (await cli.RunAsync("ecs", "run-task", "--cluster", "default-run", "--task-definition", "batch", "--network-configuration", Network, "--count", "2"))
            .Succeeded().Json;

        Assert.All(run.GetProperty("tasks").EnumerateArray(), t =>
        {
            Assert.Equal("FARGATE_SPOT", t.Str("capacityProviderName"));
            Assert.Equal("FARGATE", t.Str("launchType"));
        });
    }

    [Fact]
    public async Task Put_cluster_capacity_providers_on_an_unknown_cluster_is_cluster_not_found()
    {
        var cli = await ClusterAsync("known");

        var error = await cli.FailsAsync("ClusterNotFoundException", "ecs", "put-cluster-capacity-providers", "--cluster", "nowhere",
            "--capacity-providers", "FARGATE", "--default-capacity-provider-strategy", "[]");

        Assert.Contains("Cluster not found.", error);
    }

    [Fact]
    public async Task A_default_strategy_naming_a_provider_left_out_of_the_list_is_refused()
    {
        var cli = await ClusterAsync("left-out");

        var error = await cli.FailsAsync("InvalidParameterException", "ecs", "put-cluster-capacity-providers", "--cluster", "left-out",
            "--capacity-providers", "FARGATE", "--default-capacity-provider-strategy", "capacityProvider=FARGATE_SPOT,weight=1");

        Assert.Contains("cannot contain a capacity provider that is not associated with the cluster", error);
        var described = (await cli.RunAsync("ecs", "describe-clusters", "--clusters", "left-out")).Succeeded().Json.GetProperty("clusters")[0];
        Assert.Empty(described.GetProperty("capacityProviders").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_capacity_provider_is_refused()
    {
        var cli = await ClusterAsync("unknown-provider");

        var error = await cli.FailsAsync("InvalidParameterException", "ecs", "put-cluster-capacity-providers", "--cluster", "unknown-provider",
            "--capacity-providers", "FARGATE_SPOTTY", "--default-capacity-provider-strategy", "[]");

        Assert.Contains("The specified capacity provider 'FARGATE_SPOTTY' is not in an ACTIVE state.", error);
    }

    [Fact]
    public async Task A_provider_with_a_running_task_cannot_be_removed()
    {
        var cli = await ClusterAsync("in-use", "FARGATE", "FARGATE_SPOT");
        var run = (await cli.RunAsync("ecs", "run-task", "--cluster", "in-use", "--task-definition", "batch", "--network-configuration", Network,
            "--capacity-provider-strategy", "capacityProvider=FARGATE_SPOT,weight=1")).Succeeded().Json;
        var taskArn = run.GetProperty("tasks")[0].Str("taskArn");

        var error = await cli.FailsAsync("ResourceInUseException", "ecs", "put-cluster-capacity-providers", "--cluster", "in-use",
            "--capacity-providers", "FARGATE", "--default-capacity-provider-strategy", "[]");

        Assert.Contains("The specified capacity provider is in use and cannot be removed.", error);
        (await cli.RunAsync("ecs", "stop-task", "--cluster", "in-use", "--task", taskArn)).Succeeded();
        (await cli.RunAsync("ecs", "wait", "tasks-stopped", "--cluster", "in-use", "--tasks", taskArn)).Succeeded();
        (await cli.RunAsync("ecs", "put-cluster-capacity-providers", "--cluster", "in-use",
            "--capacity-providers", "FARGATE", "--default-capacity-provider-strategy", "[]")).Succeeded();
    }

    [Fact]
    public async Task Update_service_with_a_new_strategy_needs_force_new_deployment()
    {
        var cli = await ClusterAsync("update-strategy", "FARGATE", "FARGATE_SPOT");
        (await cli.RunAsync("ecs", "create-service", "--cluster", "update-strategy", "--service-name", "web", "--task-definition", "batch",
            "--desired-count", "2", "--network-configuration", Network,
            "--capacity-provider-strategy", "capacityProvider=FARGATE,weight=1")).Succeeded();

        var error = await cli.FailsAsync("InvalidParameterException", "ecs", "update-service", "--cluster", "update-strategy", "--service", "web",
            "--capacity-provider-strategy", "capacityProvider=FARGATE,base=1,weight=1", "capacityProvider=FARGATE_SPOT,weight=3");
        Assert.Contains("you must force a new deployment.", error);

        var updated = (await cli.RunAsync("ecs", "update-service", "--cluster", "update-strategy", "--service", "web", "--force-new-deployment",
            "--capacity-provider-strategy", "capacityProvider=FARGATE,base=1,weight=1", "capacityProvider=FARGATE_SPOT,weight=3"))
            .Succeeded().Json.GetProperty("service");
        Assert.Equal("FARGATE_SPOT", updated.GetProperty("capacityProviderStrategy")[1].Str("capacityProvider"));
        Assert.Equal(2, updated.GetProperty("deployments").GetArrayLength());
    }
}
