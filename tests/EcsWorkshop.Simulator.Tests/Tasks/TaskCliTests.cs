using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tasks;

/// <summary>The task commands of the real AWS CLI v2 against a running simulator (speed 20).</summary>
public sealed class TaskCliTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private const string Network =
        "awsvpcConfiguration={subnets=[" + TaskTestSupport.Subnet + "],securityGroups=[" + TaskTestSupport.SecurityGroup + "],assignPublicIp=ENABLED}";

    [Fact]
    public async Task Run_wait_stop_and_wait_again_through_the_aws_cli()
    {
        var cli = simulator.Cli;
        (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", "cli-tasks")).Succeeded();
        TestTaskDefinitions.PutFargate(simulator.Server.Engine, new EcsArns(SimulatedWorld.Region, SimulatedAccount.Id), "cli-web");

        var run = (await cli.RunAsync("ecs", "run-task", "--cluster", "cli-tasks", "--task-definition", "cli-web",
            "--launch-type", "FARGATE", "--network-configuration", Network)).Succeeded().Json;
        var arn = run.GetProperty("tasks")[0].Text("taskArn")!;
        Assert.Equal("PROVISIONING", run.GetProperty("tasks")[0].Text("lastStatus"));

        (await cli.RunAsync("ecs", "wait", "tasks-running", "--cluster", "cli-tasks", "--tasks", arn)).Succeeded();

        var stopped = (await cli.RunAsync("ecs", "stop-task", "--cluster", "cli-tasks", "--task", arn, "--reason", "lesson over")).Succeeded().Json;
        Assert.Equal("STOPPED", stopped.GetProperty("task").Text("desiredStatus"));
        await UntilStoppedAsync(arn);
        (await cli.RunAsync("ecs", "wait", "tasks-stopped", "--cluster", "cli-tasks", "--tasks", arn)).Succeeded();

        var described = (await cli.RunAsync("ecs", "describe-tasks", "--cluster", "cli-tasks", "--tasks", arn)).Succeeded().Json.GetProperty("tasks")[0];
        Assert.Equal(("STOPPED", "UserInitiated", "lesson over"), (described.Text("lastStatus"), described.Text("stopCode"), described.Text("stoppedReason")));

        var listed = (await cli.RunAsync("ecs", "list-tasks", "--cluster", "cli-tasks", "--desired-status", "STOPPED")).Succeeded().Json;
        Assert.Contains(arn, listed.GetProperty("taskArns").EnumerateArray().Select(a => a.GetString()));
        var running = (await cli.RunAsync("ecs", "list-tasks", "--cluster", "cli-tasks")).Succeeded().Json;
        Assert.Empty(running.GetProperty("taskArns").EnumerateArray());
    }

    [Fact]
    public async Task Run_task_on_ec2_fails_like_an_empty_cluster_through_the_aws_cli()
    {
        var cli = simulator.Cli;
        (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", "cli-ec2")).Succeeded();
        TestTaskDefinitions.PutEc2Bridge(simulator.Server.Engine, new EcsArns(SimulatedWorld.Region, SimulatedAccount.Id), "cli-legacy");

        var error = await cli.FailsAsync("InvalidParameterException",
            "ecs", "run-task", "--cluster", "cli-ec2", "--task-definition", "cli-legacy", "--launch-type", "EC2");

        Assert.Contains("No Container Instances were found in your cluster.", error);
    }

    /// <summary>Waits (real time, bounded) until the simulator has moved the task to STOPPED.</summary>
    private async Task UntilStoppedAsync(string arn)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (simulator.Server.Engine.World.Tasks[arn].LastStatus != Ecs.Domain.Tasks.EcsTaskStatus.Stopped)
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
    }
}
