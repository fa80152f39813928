using System.Text.Json;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

/// <summary>The service lifecycle driven by the real AWS CLI v2 against a running simulator.</summary>
public sealed class ServiceCliTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    [Fact]
    public async Task The_AWS_CLI_creates_a_service_that_reaches_a_steady_state_and_deletes_it()
    {
        Assert.True(AwsCli.IsInstalled, $"{AwsCli.Path} is missing");
        var cli = simulator.Cli;
        (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", "cli")).Succeeded();
        var arns = new Ecs.Domain.EcsArns(SimulatedWorld.Region, SimulatedAccount.Id);
        ServiceTestTaskDefinitions.PutFargate(simulator.Server.Engine, arns, "hello");

        var created = (await cli.RunAsync(
            "ecs", "create-service", "--cluster", "cli", "--service-name", "hello", "--task-definition", "hello",
            "--desired-count", "2", "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{Subnet}],securityGroups=[{SecurityGroup}],assignPublicIp=ENABLED}}"))
            .Succeeded().Json.GetProperty("service");
        Assert.Equal("ACTIVE", created.Str("status"));

        JsonElement service = default;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            service = (await cli.RunAsync("ecs", "describe-services", "--cluster", "cli", "--services", "hello"))
                .Succeeded().Json.GetProperty("services")[0];
            if (service.Messages().FirstOrDefault() == "(service hello) has reached a steady state.") break;
            await Task.Delay(250);
        }
        Assert.Equal(2, service.Int("runningCount"));
        Assert.Equal("(service hello) has reached a steady state.", service.Messages()[0]);

        var refused = await cli.FailsAsync("InvalidParameterException", "ecs", "delete-service", "--cluster", "cli", "--service", "hello");
        Assert.Contains("The service cannot be stopped while it is scaled above 0.", refused);
        var deleted = (await cli.RunAsync("ecs", "delete-service", "--cluster", "cli", "--service", "hello", "--force"))
            .Succeeded().Json.GetProperty("service");
        Assert.Equal("DRAINING", deleted.Str("status"));
        var listed = (await cli.RunAsync("ecs", "list-services", "--cluster", "cli")).Succeeded().Json;
        Assert.Empty(listed.GetProperty("serviceArns").EnumerateArray());
    }
}
