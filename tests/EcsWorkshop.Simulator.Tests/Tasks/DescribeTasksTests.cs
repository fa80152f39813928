using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tasks;

public sealed class DescribeTasksTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    public DescribeTasksTests() => _world.WithFargateFamily();

    [Fact]
    public void A_running_fargate_task_shows_what_ecs_shows()
    {
        var arn = _world.RunFargateTask();
        _world.Advance(TimeSpan.FromSeconds(30));

        var task = _world.DescribeTask(arn);

        Assert.Equal("arn:aws:ecs:ap-northeast-1:123456789012:cluster/workshop", task.Text("clusterArn"));
        Assert.Equal("arn:aws:ecs:ap-northeast-1:123456789012:task-definition/web:1", task.Text("taskDefinitionArn"));
        Assert.Equal(("RUNNING", "RUNNING"), (task.Text("lastStatus"), task.Text("desiredStatus")));
        Assert.Equal("UNKNOWN", task.Text("healthStatus"));
        Assert.False(task.TryGetProperty("stopCode", out _));

        var details = task.GetProperty("attachments")[0].GetProperty("details").EnumerateArray()
            .ToDictionary(d => d.Text("name")!, d => d.Text("value")!);
        Assert.Equal(["subnetId", "networkInterfaceId", "macAddress", "privateDnsName", "privateIPv4Address"], details.Keys);
        Assert.Matches("^eni-[0-9a-f]{17}$", details["networkInterfaceId"]);
        Assert.Matches("^([0-9a-f]{2}:){5}[0-9a-f]{2}$", details["macAddress"]);
        Assert.Equal($"ip-{details["privateIPv4Address"].Replace('.', '-')}.ap-northeast-1.compute.internal", details["privateDnsName"]);

        var container = task.GetProperty("containers")[0];
        Assert.Equal("RUNNING", container.Text("lastStatus"));
        Assert.StartsWith(arn.Split('/')[^1] + "-", container.Text("runtimeId"));
        Assert.Equal(details["privateIPv4Address"], container.GetProperty("networkInterfaces")[0].Text("privateIpv4Address"));
        Assert.Equal(task.GetProperty("attachments")[0].Text("id"), container.GetProperty("networkInterfaces")[0].Text("attachmentId"));
    }

    [Fact]
    public void A_task_can_be_named_by_id_or_by_arn()
    {
        var arn = _world.RunFargateTask();

        var response = _world.Ecs("DescribeTasks", new { cluster = TaskTestSupport.Cluster, tasks = new[] { arn, arn.Split('/')[^1] } });

        Assert.All(response.GetProperty("tasks").EnumerateArray(), t => Assert.Equal(arn, t.Text("taskArn")));
        Assert.Equal(2, response.GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public void Unknown_tasks_are_reported_missing_beside_the_known_ones()
    {
        var arn = _world.RunFargateTask();

        var response = _world.Ecs("DescribeTasks", new { cluster = TaskTestSupport.Cluster, tasks = new[] { arn, "0123456789abcdef0123456789abcdef" } });

        Assert.Single(response.GetProperty("tasks").EnumerateArray());
        var failure = Assert.Single(response.GetProperty("failures").EnumerateArray());
        Assert.Equal("arn:aws:ecs:ap-northeast-1:123456789012:task/workshop/0123456789abcdef0123456789abcdef", failure.Text("arn"));
        Assert.Equal("MISSING", failure.Text("reason"));
    }

    [Fact]
    public void A_task_of_another_cluster_is_missing()
    {
        var arn = _world.RunFargateTask();
        _world.Ecs("CreateCluster", new { clusterName = "other" });

        var response = _world.Ecs("DescribeTasks", new { cluster = "other", tasks = new[] { arn } });

        Assert.Equal("MISSING", response.GetProperty("failures")[0].Text("reason"));
    }

    [Fact]
    public void Tags_are_only_shown_when_asked_for()
    {
        var arn = _world.Ecs("RunTask", new
        {
            cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network,
            tags = new[] { new { key = "lesson", value = "3" } },
        }).GetProperty("tasks")[0].Text("taskArn");

        var plain = _world.Ecs("DescribeTasks", new { cluster = TaskTestSupport.Cluster, tasks = new[] { arn } }).GetProperty("tasks")[0];
        var tagged = _world.Ecs("DescribeTasks", new { cluster = TaskTestSupport.Cluster, tasks = new[] { arn }, include = new[] { "TAGS" } }).GetProperty("tasks")[0];

        Assert.False(plain.TryGetProperty("tags", out _));
        Assert.Equal("lesson", tagged.GetProperty("tags")[0].Text("key"));
    }

    [Fact]
    public void An_empty_task_list_is_refused()
    {
        var error = _world.EcsFails("DescribeTasks", new { cluster = TaskTestSupport.Cluster, tasks = Array.Empty<string>() });

        Assert.Equal(("InvalidParameterException", "Tasks cannot be empty."), (error.Code, error.Message));
    }

    [Fact]
    public void More_than_100_tasks_are_refused()
    {
        var ids = Enumerable.Range(0, 101).Select(i => i.ToString("x32")).ToArray();

        var error = _world.EcsFails("DescribeTasks", new { cluster = TaskTestSupport.Cluster, tasks = ids });

        Assert.Equal(("InvalidParameterException", "taskIds can have at most 100 items."), (error.Code, error.Message));
    }

    [Fact]
    public void Describing_in_a_missing_cluster_is_ClusterNotFoundException()
    {
        Assert.Equal("ClusterNotFoundException", _world.EcsFails("DescribeTasks", new { cluster = "ghost", tasks = new[] { "abc" } }).Code);
    }

    public void Dispose() => _world.Dispose();
}
