using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Tasks;

/// <summary>RunTask checks a capacity provider strategy by the same rules as CreateService, driven by the real AWS CLI v2.</summary>
public sealed class RunTaskCapacityProviderCliTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private static readonly string Network = $"awsvpcConfiguration={{subnets=[{Subnet}],securityGroups=[{SecurityGroup}]}}";

    private async Task<AwsCli> ClusterWithBothFargateProvidersAsync(string cluster)
    {
        Assert.True(AwsCli.IsInstalled, $"{AwsCli.Path} is missing");
        var cli = simulator.Cli;
        (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", cluster, "--capacity-providers", "FARGATE", "FARGATE_SPOT")).Succeeded();
        var arns = new Ecs.Domain.EcsArns(SimulatedWorld.Region, SimulatedAccount.Id);
        ServiceTestTaskDefinitions.PutFargate(simulator.Server.Engine, arns, "batch");
        return cli;
    }

    [Fact]
    public async Task Run_task_refuses_a_strategy_whose_weights_are_all_zero_and_starts_nothing()
    {
        var cli = await ClusterWithBothFargateProvidersAsync("zero-weights");

        var refused = await cli.FailsAsync("InvalidParameterException",
            "ecs", "run-task", "--cluster", "zero-weights", "--task-definition", "batch", "--network-configuration", Network,
            "--capacity-provider-strategy", "capacityProvider=FARGATE,weight=0", "capacityProvider=FARGATE_SPOT,weight=0,base=1");

        Assert.Contains("At least one capacity provider must have a weight value greater than zero.", refused);
        var listed = (await cli.RunAsync("ecs", "list-tasks", "--cluster", "zero-weights")).Succeeded().Json;
        Assert.Empty(listed.GetProperty("taskArns").EnumerateArray());
    }

    [Fact]
    public async Task Run_task_places_the_base_first_and_the_rest_by_weight()
    {
        var cli = await ClusterWithBothFargateProvidersAsync("weighted");

        var run = (await cli.RunAsync(
            "ecs", "run-task", "--cluster", "weighted", "--task-definition", "batch", "--network-configuration", Network, "--count", "4",
            "--capacity-provider-strategy", "capacityProvider=FARGATE,weight=0,base=1", "capacityProvider=FARGATE_SPOT,weight=1"))
            .Succeeded().Json;

        Assert.Equal(["FARGATE", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE_SPOT"],
            run.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("capacityProviderName").GetString()));
    }
}
