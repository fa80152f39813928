using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.TestTaskDefinitions;

namespace EcsWorkshop.Simulator.Tests.Tasks;

/// <summary>The fault lessons inject with WORKSHOP_SIMULATE_EXIT_CODE / WORKSHOP_SIMULATE_EXIT_AFTER.</summary>
public sealed class SimulatedExitTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void An_essential_container_that_exits_while_starting_stops_the_task_before_it_ever_runs()
    {
        _world.WithFargateFamily("crash", Container(environment: ("WORKSHOP_SIMULATE_EXIT_CODE", "1")));
        var start = _world.Clock.GetUtcNow();
        var arn = _world.RunFargateTask("crash");

        var statuses = _world.WatchStatuses(arn, TimeSpan.FromSeconds(60));

        Assert.Equal(
            ["PROVISIONING", "PENDING", "ACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED"],
            statuses.Select(s => s.Status));
        var task = _world.DescribeTask(arn);
        Assert.Equal("EssentialContainerExited", task.Text("stopCode"));
        Assert.Equal("Essential container in task exited", task.Text("stoppedReason"));
        Assert.Equal("STOPPED", task.Text("desiredStatus"));
        Assert.Equal(start.AddSeconds(21), task.Time("stoppingAt"));
        Assert.Null(task.Time("startedAt"));
        Assert.Equal(1, task.GetProperty("containers")[0].GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void A_container_told_to_exit_after_30_seconds_runs_that_long_first()
    {
        _world.WithFargateFamily("flaky", Container(environment: [("WORKSHOP_SIMULATE_EXIT_CODE", "137"), ("WORKSHOP_SIMULATE_EXIT_AFTER", "30")]));
        var start = _world.Clock.GetUtcNow();
        var arn = _world.RunFargateTask("flaky");

        var statuses = _world.WatchStatuses(arn, TimeSpan.FromSeconds(70));

        Assert.Contains(("RUNNING", start.AddSeconds(21)), statuses);
        Assert.Contains(("DEACTIVATING", start.AddSeconds(51)), statuses);
        var task = _world.DescribeTask(arn);
        Assert.Equal("STOPPED", task.Text("lastStatus"));
        Assert.Equal(start.AddSeconds(51), task.Time("stoppingAt"));
        Assert.Equal("EssentialContainerExited", task.Text("stopCode"));
        Assert.Equal(137, task.GetProperty("containers")[0].GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void The_fault_can_be_injected_through_run_task_overrides()
    {
        _world.WithFargateFamily();
        var arn = _world.RunFargateTask(overrides: new
        {
            containerOverrides = new[] { new { name = "web", environment = new[] { new { name = "WORKSHOP_SIMULATE_EXIT_CODE", value = "2" } } } },
        });

        _world.Advance(TimeSpan.FromSeconds(60));

        var task = _world.DescribeTask(arn);
        Assert.Equal("EssentialContainerExited", task.Text("stopCode"));
        Assert.Equal(2, task.GetProperty("containers")[0].GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void A_non_essential_container_that_exits_leaves_the_task_running()
    {
        _world.WithFargateFamily("sidecar",
            Container("web"),
            Container("init", essential: false, environment: ("WORKSHOP_SIMULATE_EXIT_CODE", "0")));
        var arn = _world.RunFargateTask("sidecar");

        _world.Advance(TimeSpan.FromSeconds(60));

        var task = _world.DescribeTask(arn);
        Assert.Equal("RUNNING", task.Text("lastStatus"));
        var init = task.GetProperty("containers").EnumerateArray().Single(c => c.Text("name") == "init");
        Assert.Equal("STOPPED", init.Text("lastStatus"));
        Assert.Equal(0, init.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void The_other_containers_of_a_crashed_task_that_had_started_exit_cleanly()
    {
        _world.WithFargateFamily("pair",
            Container("web"),
            Container("worker", environment: [("WORKSHOP_SIMULATE_EXIT_CODE", "3"), ("WORKSHOP_SIMULATE_EXIT_AFTER", "5")]));
        var arn = _world.RunFargateTask("pair");

        _world.Advance(TimeSpan.FromSeconds(60));

        var containers = _world.DescribeTask(arn).GetProperty("containers").EnumerateArray().ToDictionary(c => c.Text("name")!);
        Assert.Equal(0, containers["web"].GetProperty("exitCode").GetInt32());
        Assert.Equal(3, containers["worker"].GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void An_exit_code_that_is_not_a_number_is_just_an_environment_variable()
    {
        _world.WithFargateFamily("typo", Container(environment: ("WORKSHOP_SIMULATE_EXIT_CODE", "one")));
        var arn = _world.RunFargateTask("typo");

        _world.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal("RUNNING", _world.LastStatus(arn));
    }

    [Fact]
    public void At_speed_10_the_delay_before_the_exit_is_ten_times_shorter()
    {
        using var fast = new SimulatedWorld(speed: 10);
        fast.WithFargateFamily("flaky", Container(environment: [("WORKSHOP_SIMULATE_EXIT_CODE", "1"), ("WORKSHOP_SIMULATE_EXIT_AFTER", "30")]));
        var start = fast.Clock.GetUtcNow();
        var arn = fast.RunFargateTask("flaky");

        fast.Advance(TimeSpan.FromSeconds(10), tick: TimeSpan.FromMilliseconds(100));

        Assert.Equal(start.AddMilliseconds(2100 + 3000), fast.DescribeTask(arn).Time("stoppingAt"));
    }

    public void Dispose() => _world.Dispose();
}
