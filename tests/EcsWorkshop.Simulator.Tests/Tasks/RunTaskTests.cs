using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tasks;

public sealed class RunTaskTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    public RunTaskTests() => _world.WithFargateFamily();

    [Fact]
    public void Run_task_starts_count_fargate_tasks_in_provisioning()
    {
        var response = _world.Ecs("RunTask", new
        {
            cluster = TaskTestSupport.Cluster, taskDefinition = "web", count = 3, launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network,
        });

        var tasks = response.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(3, tasks.Count);
        Assert.Empty(response.GetProperty("failures").EnumerateArray());
        Assert.Equal(3, tasks.Select(t => t.Text("taskArn")).Distinct().Count());
        Assert.All(tasks, task =>
        {
            Assert.Matches("^arn:aws:ecs:ap-northeast-1:123456789012:task/workshop/[0-9a-f]{32}$", task.Text("taskArn"));
            Assert.Equal("PROVISIONING", task.Text("lastStatus"));
            Assert.Equal("RUNNING", task.Text("desiredStatus"));
            Assert.Equal("FARGATE", task.Text("launchType"));
            Assert.Equal("1.4.0", task.Text("platformVersion"));
            Assert.Equal("Linux", task.Text("platformFamily"));
            Assert.Equal("family:web", task.Text("group"));
            Assert.Equal(("256", "512"), (task.Text("cpu"), task.Text("memory")));
            Assert.Equal(1, task.GetProperty("version").GetInt64());
            Assert.Equal(20, task.GetProperty("ephemeralStorage").GetProperty("sizeInGiB").GetInt32());
        });
    }

    [Fact]
    public void A_new_task_only_knows_the_subnet_of_its_network_interface()
    {
        var task = RunOne();

        var attachment = task.GetProperty("attachments")[0];
        Assert.Equal("ElasticNetworkInterface", attachment.Text("type"));
        Assert.Equal("PRECREATED", attachment.Text("status"));
        var detail = Assert.Single(attachment.GetProperty("details").EnumerateArray());
        Assert.Equal(("subnetId", TaskTestSupport.Subnet), (detail.Text("name"), detail.Text("value")));
        Assert.Equal("ap-northeast-1", task.Text("availabilityZone")![..^1]);
    }

    [Fact]
    public void Containers_get_their_arn_image_and_sizes_from_the_task_definition()
    {
        var task = RunOne();

        var container = task.GetProperty("containers")[0];
        var taskId = task.Text("taskArn")!.Split('/')[^1];
        Assert.Matches($"^arn:aws:ecs:ap-northeast-1:123456789012:container/workshop/{taskId}/[0-9a-f-]{{36}}$", container.Text("containerArn"));
        Assert.Equal(task.Text("taskArn"), container.Text("taskArn"));
        Assert.Equal(("web", "public.ecr.aws/nginx/nginx:latest"), (container.Text("name"), container.Text("image")));
        Assert.Equal("PENDING", container.Text("lastStatus"));
        Assert.Equal("0", container.Text("cpu"));
        Assert.False(container.TryGetProperty("runtimeId", out _));
    }

    [Fact]
    public void Started_by_group_and_tags_are_kept()
    {
        var response = _world.Ecs("RunTask", new
        {
            cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network,
            startedBy = "lesson-3", group = "batch", tags = new[] { new { key = "team", value = "blue" } },
        });
        var arn = response.GetProperty("tasks")[0].Text("taskArn")!;

        var task = _world.DescribeTask(arn);
        Assert.Equal(("lesson-3", "batch"), (task.Text("startedBy"), task.Text("group")));
        Assert.Equal("blue", task.GetProperty("tags")[0].Text("value"));
    }

    [Fact]
    public void Overrides_change_the_container_and_are_shown_back_for_every_container()
    {
        var task = RunOne(new
        {
            containerOverrides = new[] { new { name = "web", command = new[] { "nginx", "-g", "daemon off;" }, memory = 256 } },
            cpu = "512",
            memory = "1024",
        });

        Assert.Equal(("512", "1024"), (task.Text("cpu"), task.Text("memory")));
        Assert.Equal("256", task.GetProperty("containers")[0].Text("memory"));
        var echoed = task.GetProperty("overrides").GetProperty("containerOverrides")[0];
        Assert.Equal("web", echoed.Text("name"));
        Assert.Equal("daemon off;", echoed.GetProperty("command")[2].GetString());
    }

    [Fact]
    public void Execute_command_adds_the_managed_agent_to_each_container()
    {
        var arn = _world.Ecs("RunTask", new
        {
            cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network,
            enableExecuteCommand = true,
        }).GetProperty("tasks")[0].Text("taskArn")!;
        _world.Advance(TimeSpan.FromSeconds(30));

        var task = _world.DescribeTask(arn);
        Assert.True(task.GetProperty("enableExecuteCommand").GetBoolean());
        var agent = task.GetProperty("containers")[0].GetProperty("managedAgents")[0];
        Assert.Equal(("ExecuteCommandAgent", "RUNNING"), (agent.Text("name"), agent.Text("lastStatus")));
        Assert.Equal(task.Time("startedAt"), agent.Time("lastStartedAt"));
    }

    [Fact]
    public void A_fargate_spot_strategy_runs_fargate_tasks_on_that_capacity_provider()
    {
        _world.Ecs("CreateCluster", new { clusterName = "spot", capacityProviders = new[] { "FARGATE", "FARGATE_SPOT" } });

        var task = _world.Ecs("RunTask", new
        {
            cluster = "spot", taskDefinition = "web", networkConfiguration = TaskTestSupport.Network,
            capacityProviderStrategy = new[] { new { capacityProvider = "FARGATE_SPOT", weight = 1 } },
        }).GetProperty("tasks")[0];

        Assert.Equal(("FARGATE", "FARGATE_SPOT"), (task.Text("launchType"), task.Text("capacityProviderName")));
    }

    [Fact]
    public void A_strategy_places_the_base_first_then_splits_the_rest_by_weight()
    {
        _world.Ecs("CreateCluster", new { clusterName = "mixed", capacityProviders = new[] { "FARGATE", "FARGATE_SPOT" } });

        var tasks = _world.Ecs("RunTask", new
        {
            cluster = "mixed", taskDefinition = "web", count = 6, networkConfiguration = TaskTestSupport.Network,
            capacityProviderStrategy = new object[]
            {
                new { capacityProvider = "FARGATE", weight = 1, @base = 2 },
                new { capacityProvider = "FARGATE_SPOT", weight = 3 },
            },
        }).GetProperty("tasks").EnumerateArray().Select(t => t.Text("capacityProviderName")).ToList();

        Assert.Equal(3, tasks.Count(p => p == "FARGATE"));
        Assert.Equal(3, tasks.Count(p => p == "FARGATE_SPOT"));
    }

    [Fact]
    public void The_cluster_default_strategy_applies_when_run_task_names_no_launch_type()
    {
        _world.Ecs("CreateCluster", new
        {
            clusterName = "defaulted", capacityProviders = new[] { "FARGATE" },
            defaultCapacityProviderStrategy = new[] { new { capacityProvider = "FARGATE", weight = 1 } },
        });

        var task = _world.Ecs("RunTask", new { cluster = "defaulted", taskDefinition = "web", networkConfiguration = TaskTestSupport.Network })
            .GetProperty("tasks")[0];

        Assert.Equal("FARGATE", task.Text("launchType"));
    }

    [Fact]
    public void Task_ids_are_32_lowercase_hex_digits()
    {
        var id = RunOne().Text("taskArn")!.Split('/')[^1];

        Assert.Matches(new Regex("^[0-9a-f]{32}$"), id);
    }

    private System.Text.Json.JsonElement RunOne(object? overrides = null) =>
        _world.Ecs("RunTask", new
        {
            cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network, overrides,
        }).GetProperty("tasks")[0];

    public void Dispose() => _world.Dispose();
}
