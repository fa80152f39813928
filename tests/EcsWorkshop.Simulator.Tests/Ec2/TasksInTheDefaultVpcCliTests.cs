using System.Net;
using System.Text.Json;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Tests.Elbv2;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Ec2;

/// <summary>
/// ECS places awsvpc tasks only in subnets and security groups of the simulated VPC (refusing others with ECS's
/// errors, through the real AWS CLI v2), and gives each task an address of its subnet that no other task holds.
/// </summary>
public sealed class TasksInTheDefaultVpcCliTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private const string Missing = "subnet-0000000000000000f";
    private const string MissingGroup = "sg-0000000000000000f";

    private AwsCli Cli => simulator.Cli;

    private static string Network(string subnets, string groups = "sg-abcd1234") =>
        $"awsvpcConfiguration={{subnets=[{subnets}],securityGroups=[{groups}],assignPublicIp=ENABLED}}";

    private async Task ClusterWithWebAsync(string cluster)
    {
        (await Cli.RunAsync("ecs", "create-cluster", "--cluster-name", cluster)).Succeeded();
        TestTaskDefinitions.PutFargate(simulator.Server.Engine, new EcsArns(SimulatedWorld.Region, SimulatedAccount.Id), "vpc-web");
    }

    /// <summary>Runs tasks and answers them once RUNNING (until its interface is attached, ECS shows only the subnet).</summary>
    private async Task<JsonElement[]> RunAsync(string cluster, string network, int count = 1)
    {
        string[] arns =
        [
            .. (await Cli.RunAsync("ecs", "run-task", "--cluster", cluster, "--task-definition", "vpc-web", "--launch-type", "FARGATE",
                "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--network-configuration", network))
                .Succeeded().Json.GetProperty("tasks").EnumerateArray().Select(t => t.Text("taskArn")!),
        ];
        (await Cli.RunAsync(["ecs", "wait", "tasks-running", "--cluster", cluster, "--tasks", .. arns])).Succeeded();
        return [.. (await Cli.RunAsync(["ecs", "describe-tasks", "--cluster", cluster, "--tasks", .. arns])).Succeeded().Json.GetProperty("tasks").EnumerateArray()];
    }

    private static Dictionary<string, string> EniDetails(JsonElement task) =>
        task.GetProperty("attachments")[0].GetProperty("details").EnumerateArray()
            .ToDictionary(d => d.Text("name")!, d => d.Text("value")!);

    private async Task<JsonElement> SubnetAsync(string subnetId) =>
        (await Cli.RunAsync("ec2", "describe-subnets", "--subnet-ids", subnetId)).Succeeded().Json.GetProperty("Subnets")[0];

    [Fact]
    public async Task Run_task_in_a_subnet_that_does_not_exist_is_InvalidParameterException_naming_it_and_starts_nothing()
    {
        await ClusterWithWebAsync("vpc-missing-subnet");

        var error = await Cli.FailsAsync("InvalidParameterException", "ecs", "run-task", "--cluster", "vpc-missing-subnet",
            "--task-definition", "vpc-web", "--launch-type", "FARGATE", "--network-configuration", Network(Missing));

        Assert.Contains($"Error retrieving subnet information for [{Missing}]: The subnet ID '{Missing}' does not exist (ErrorCode: InvalidSubnetID.NotFound)", error);
        var listed = (await Cli.RunAsync("ecs", "list-tasks", "--cluster", "vpc-missing-subnet")).Succeeded().Json;
        Assert.Empty(listed.GetProperty("taskArns").EnumerateArray());
    }

    [Fact]
    public async Task Run_task_with_a_security_group_that_does_not_exist_is_InvalidParameterException_naming_it()
    {
        await ClusterWithWebAsync("vpc-missing-group");

        var error = await Cli.FailsAsync("InvalidParameterException", "ecs", "run-task", "--cluster", "vpc-missing-group",
            "--task-definition", "vpc-web", "--launch-type", "FARGATE", "--network-configuration", Network("subnet-abcd1234", MissingGroup));

        Assert.Contains($"Error retrieving security group information for [{MissingGroup}]: The security group '{MissingGroup}' does not exist", error);
    }

    [Fact]
    public async Task Create_service_in_a_subnet_that_does_not_exist_is_refused_and_creates_no_service()
    {
        await ClusterWithWebAsync("vpc-service-create");

        var error = await Cli.FailsAsync("InvalidParameterException", "ecs", "create-service", "--cluster", "vpc-service-create",
            "--service-name", "web", "--task-definition", "vpc-web", "--desired-count", "1", "--launch-type", "FARGATE",
            "--network-configuration", Network(Missing));

        Assert.Contains($"Error retrieving subnet information for [{Missing}]", error);
        var listed = (await Cli.RunAsync("ecs", "list-services", "--cluster", "vpc-service-create")).Succeeded().Json;
        Assert.Empty(listed.GetProperty("serviceArns").EnumerateArray());
    }

    [Fact]
    public async Task Update_service_to_a_security_group_that_does_not_exist_is_refused_and_keeps_the_network()
    {
        await ClusterWithWebAsync("vpc-service-update");
        (await Cli.RunAsync("ecs", "create-service", "--cluster", "vpc-service-update", "--service-name", "web", "--task-definition", "vpc-web",
            "--desired-count", "0", "--launch-type", "FARGATE", "--network-configuration", Network("subnet-abcd1234"))).Succeeded();

        var error = await Cli.FailsAsync("InvalidParameterException", "ecs", "update-service", "--cluster", "vpc-service-update",
            "--service", "web", "--network-configuration", Network("subnet-abcd1234", MissingGroup));
        var described = (await Cli.RunAsync("ecs", "describe-services", "--cluster", "vpc-service-update", "--services", "web"))
            .Succeeded().Json.GetProperty("services")[0].GetProperty("networkConfiguration").GetProperty("awsvpcConfiguration");

        Assert.Contains($"Error retrieving security group information for [{MissingGroup}]", error);
        Assert.Equal(["sg-abcd1234"], described.GetProperty("securityGroups").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task The_seed_subnet_and_security_group_work_and_the_task_gets_an_address_of_that_subnet()
    {
        await ClusterWithWebAsync("vpc-seed");
        var subnet = await SubnetAsync("subnet-abcd1234");

        var task = (await RunAsync("vpc-seed", Network("subnet-abcd1234")))[0];
        var details = EniDetails(task);

        Assert.Equal("subnet-abcd1234", details["subnetId"]);
        Assert.True(IPNetwork.Parse(subnet.Text("CidrBlock")!).Contains(IPAddress.Parse(details["privateIPv4Address"])), details["privateIPv4Address"]);
        Assert.Equal(subnet.Text("AvailabilityZone"), task.Text("availabilityZone"));
    }

    [Fact]
    public async Task Tasks_of_a_default_subnet_get_distinct_addresses_inside_it_clear_of_the_reserved_ones()
    {
        await ClusterWithWebAsync("vpc-addresses");
        var subnetId = (await Cli.DefaultSubnetsAsync())[1];
        var range = IPNetwork.Parse((await SubnetAsync(subnetId)).Text("CidrBlock")!);

        var tasks = await RunAsync("vpc-addresses", Network(subnetId), count: 10);
        var addresses = tasks.Select(t => EniDetails(t)["privateIPv4Address"]).ToList();

        Assert.Equal(10, addresses.Distinct().Count());
        Assert.All(addresses, a =>
        {
            var last = IPAddress.Parse(a).GetAddressBytes();
            Assert.True(range.Contains(IPAddress.Parse(a)), a);
            var offset = (((last[2] - range.BaseAddress.GetAddressBytes()[2]) << 8) | last[3]);
            Assert.InRange(offset, 4, (1 << (32 - range.PrefixLength)) - 2);
        });
        Assert.All(tasks, t => Assert.Equal(subnetId, EniDetails(t)["subnetId"]));
    }

    [Fact]
    public async Task A_service_over_two_subnets_puts_its_tasks_in_both_zones()
    {
        await ClusterWithWebAsync("vpc-spread");
        var subnets = await Cli.DefaultSubnetsAsync();
        (await Cli.RunAsync("ecs", "create-service", "--cluster", "vpc-spread", "--service-name", "web", "--task-definition", "vpc-web",
            "--desired-count", "4", "--launch-type", "FARGATE", "--network-configuration", Network($"{subnets[0]},{subnets[1]}"))).Succeeded();

        var arns = Array.Empty<string>();
        for (var attempt = 0; attempt < 40 && arns.Length < 4; attempt++)
        {
            if (attempt > 0) await Task.Delay(250);
            arns = [.. (await Cli.RunAsync("ecs", "list-tasks", "--cluster", "vpc-spread")).Succeeded().Json.GetProperty("taskArns")
                .EnumerateArray().Select(a => a.GetString()!)];
        }
        var tasks = (await Cli.RunAsync(["ecs", "describe-tasks", "--cluster", "vpc-spread", "--tasks", .. arns])).Succeeded().Json
            .GetProperty("tasks").EnumerateArray().ToList();

        Assert.Equal(4, tasks.Count);
        Assert.Equal([2, 2], tasks.GroupBy(t => EniDetails(t)["subnetId"]).Select(g => g.Count()));
        Assert.Equal(2, tasks.Select(t => t.Text("availabilityZone")).Distinct().Count());
    }
}
