using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tasks;

public sealed class TaskLifecycleTimelineTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void A_fargate_task_passes_provisioning_pending_and_activating_before_it_runs()
    {
        _world.WithFargateFamily();
        var start = _world.Clock.GetUtcNow();
        var arn = _world.RunFargateTask();

        var statuses = _world.WatchStatuses(arn, TimeSpan.FromSeconds(30));

        Assert.Equal(
            [("PROVISIONING", start), ("PENDING", start.AddSeconds(6)), ("ACTIVATING", start.AddSeconds(18)), ("RUNNING", start.AddSeconds(21))],
            statuses);
    }

    [Fact]
    public void Each_lifecycle_timestamp_is_written_when_its_step_happens()
    {
        _world.WithFargateFamily();
        var start = _world.Clock.GetUtcNow();
        var arn = _world.RunFargateTask();

        _world.Advance(TimeSpan.FromSeconds(30));
        var task = _world.DescribeTask(arn);

        Assert.Equal(start, task.Time("createdAt"));
        Assert.Equal(start.AddSeconds(6), task.Time("connectivityAt"));
        Assert.Equal(start.AddSeconds(6), task.Time("pullStartedAt"));
        Assert.Equal(start.AddSeconds(18), task.Time("pullStoppedAt"));
        Assert.Equal(start.AddSeconds(21), task.Time("startedAt"));
        Assert.Equal("CONNECTED", task.Text("connectivity"));
        Assert.Equal("RUNNING", task.GetProperty("containers")[0].Text("lastStatus"));
        Assert.Equal(4, task.GetProperty("version").GetInt64());
    }

    [Fact]
    public void At_speed_10_the_same_lifecycle_takes_a_tenth_of_the_time()
    {
        using var fast = new SimulatedWorld(speed: 10);
        fast.WithFargateFamily();
        var start = fast.Clock.GetUtcNow();
        var arn = fast.RunFargateTask();

        var statuses = fast.WatchStatuses(arn, TimeSpan.FromSeconds(3), tick: TimeSpan.FromMilliseconds(100));

        Assert.Equal(
            [("PROVISIONING", start), ("PENDING", start.AddSeconds(0.6)), ("ACTIVATING", start.AddSeconds(1.8)), ("RUNNING", start.AddSeconds(2.1))],
            statuses);
    }

    [Fact]
    public void The_network_interface_is_precreated_then_attached_then_deleted()
    {
        _world.WithFargateFamily();
        var arn = _world.RunFargateTask();
        string AttachmentStatus() => _world.DescribeTask(arn).GetProperty("attachments")[0].Text("status")!;

        var provisioning = AttachmentStatus();
        _world.Advance(TimeSpan.FromSeconds(30));
        var running = AttachmentStatus();
        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn });
        _world.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(["PRECREATED", "ATTACHED", "DELETED"], new[] { provisioning, running, AttachmentStatus() });
    }

    public void Dispose() => _world.Dispose();
}
