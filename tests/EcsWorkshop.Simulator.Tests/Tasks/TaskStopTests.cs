using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tasks;

public sealed class TaskStopTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    public TaskStopTests() => _world.WithFargateFamily();

    [Fact]
    public void Stop_task_answers_with_the_task_still_running_but_desired_stopped_by_the_user()
    {
        var arn = RunningTask();

        var task = _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn, reason = "maintenance" }).GetProperty("task");

        Assert.Equal("RUNNING", task.Text("lastStatus"));
        Assert.Equal("STOPPED", task.Text("desiredStatus"));
        Assert.Equal("UserInitiated", task.Text("stopCode"));
        Assert.Equal("maintenance", task.Text("stoppedReason"));
        Assert.Equal(_world.Clock.GetUtcNow(), task.Time("stoppingAt"));
    }

    [Fact]
    public void A_running_task_deactivates_stops_and_deprovisions_before_it_is_stopped()
    {
        var arn = RunningTask();
        var stopAt = _world.Clock.GetUtcNow();
        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn });

        var statuses = _world.WatchStatuses(arn, TimeSpan.FromSeconds(15));

        Assert.Equal(
            [("RUNNING", stopAt), ("DEACTIVATING", stopAt.AddSeconds(1)), ("STOPPING", stopAt.AddSeconds(2)),
             ("DEPROVISIONING", stopAt.AddSeconds(5)), ("STOPPED", stopAt.AddSeconds(10))],
            statuses);
        var task = _world.DescribeTask(arn);
        Assert.Equal(stopAt.AddSeconds(5), task.Time("executionStoppedAt"));
        Assert.Equal(stopAt.AddSeconds(10), task.Time("stoppedAt"));
    }

    [Fact]
    public void A_stopped_container_exits_with_code_0_because_the_app_shuts_down_on_sigterm()
    {
        var arn = RunningTask();
        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn });
        _world.Advance(TimeSpan.FromSeconds(15));

        var container = _world.DescribeTask(arn).GetProperty("containers")[0];

        Assert.Equal("STOPPED", container.Text("lastStatus"));
        Assert.Equal(0, container.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Without_a_reason_the_stopped_reason_says_the_user_stopped_it()
    {
        var arn = RunningTask();

        var task = _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn }).GetProperty("task");

        Assert.Equal("Task stopped by user", task.Text("stoppedReason"));
    }

    [Fact]
    public void A_task_stopped_while_provisioning_goes_straight_to_deprovisioning_and_never_runs()
    {
        var arn = _world.RunFargateTask();
        _world.Advance(TimeSpan.FromSeconds(2));
        var stopAt = _world.Clock.GetUtcNow();
        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn });

        var statuses = _world.WatchStatuses(arn, TimeSpan.FromSeconds(30));

        Assert.Equal([("PROVISIONING", stopAt), ("DEPROVISIONING", stopAt.AddSeconds(1)), ("STOPPED", stopAt.AddSeconds(5))], statuses);
        var task = _world.DescribeTask(arn);
        Assert.Null(task.Time("startedAt"));
        Assert.False(task.GetProperty("containers")[0].TryGetProperty("exitCode", out _));
    }

    [Fact]
    public void A_task_stopped_while_pulling_its_image_goes_through_stopping()
    {
        var arn = _world.RunFargateTask();
        _world.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("PENDING", _world.LastStatus(arn));
        var stopAt = _world.Clock.GetUtcNow();
        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn });

        var statuses = _world.WatchStatuses(arn, TimeSpan.FromSeconds(30));

        Assert.Equal(
            [("PENDING", stopAt), ("STOPPING", stopAt.AddSeconds(1)), ("DEPROVISIONING", stopAt.AddSeconds(3)), ("STOPPED", stopAt.AddSeconds(8))],
            statuses);
    }

    [Fact]
    public void Stopping_a_task_again_keeps_the_first_reason()
    {
        var arn = RunningTask();
        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn, reason = "first" });
        _world.Advance(TimeSpan.FromSeconds(3));

        var again = _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn, reason = "second" }).GetProperty("task");

        Assert.Equal("first", again.Text("stoppedReason"));
        Assert.Equal("STOPPING", again.Text("lastStatus"));
    }

    [Fact]
    public void A_task_can_be_stopped_by_its_id()
    {
        var arn = RunningTask();

        var task = _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn.Split('/')[^1] }).GetProperty("task");

        Assert.Equal(arn, task.Text("taskArn"));
    }

    [Fact]
    public void Stopping_an_unknown_task_is_InvalidParameterException()
    {
        var error = _world.EcsFails("StopTask", new { cluster = TaskTestSupport.Cluster, task = "0123456789abcdef0123456789abcdef" });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("The referenced task was not found.", error.Message);
    }

    [Fact]
    public void A_task_is_not_found_through_another_cluster()
    {
        var arn = RunningTask();
        _world.Ecs("CreateCluster", new { clusterName = "other" });

        var error = _world.EcsFails("StopTask", new { cluster = "other", task = arn });

        Assert.Equal("The referenced task was not found.", error.Message);
    }

    [Fact]
    public void Stopping_in_a_missing_cluster_is_ClusterNotFoundException()
    {
        Assert.Equal("ClusterNotFoundException", _world.EcsFails("StopTask", new { cluster = "ghost", task = "abc" }).Code);
    }

    [Fact]
    public void A_reason_longer_than_255_characters_is_refused()
    {
        var arn = RunningTask();

        var error = _world.EcsFails("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn, reason = new string('x', 256) });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("RUNNING", _world.DescribeTask(arn).Text("desiredStatus"));
    }

    private string RunningTask()
    {
        var arn = _world.RunFargateTask();
        _world.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("RUNNING", _world.LastStatus(arn));
        return arn;
    }

    public void Dispose() => _world.Dispose();
}
