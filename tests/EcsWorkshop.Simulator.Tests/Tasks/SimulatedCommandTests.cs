using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tasks;

/// <summary>
/// The simulated runtime runs a container's small shell script (echo, sleep, exit), so a lesson's crash demo written
/// as a command override works on both runtimes; any other command runs until stopped.
/// </summary>
public sealed class SimulatedCommandTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    private static object CommandOverride(params string[] command) => new
    {
        containerOverrides = new[] { new { name = "web", command } },
    };

    [Fact]
    public void The_crash_demo_script_runs_20_seconds_then_stops_the_task_with_exit_code_1()
    {
        _world.WithFargateFamily();
        var start = _world.Clock.GetUtcNow();
        var arn = _world.RunFargateTask(overrides: CommandOverride("sh", "-c", "echo starting; sleep 20; exit 1"));

        var statuses = _world.WatchStatuses(arn, TimeSpan.FromSeconds(70));

        Assert.Contains(("RUNNING", start.AddSeconds(21)), statuses);
        Assert.Contains(("DEACTIVATING", start.AddSeconds(41)), statuses);
        var task = _world.DescribeTask(arn);
        Assert.Equal("EssentialContainerExited", task.Text("stopCode"));
        Assert.Equal(1, task.GetProperty("containers")[0].GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void A_program_the_interpreter_does_not_know_runs_until_stopped()
    {
        _world.WithFargateFamily();
        var arn = _world.RunFargateTask(overrides: CommandOverride("sh", "-c", "echo starting; exec httpd -f"));

        _world.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal("RUNNING", _world.DescribeTask(arn).Text("lastStatus"));
    }

    [Fact]
    public void The_script_s_echo_lines_and_exit_are_read_in_order()
    {
        var exit = SimulatedCommand.Run(["/bin/sh", "-c", "echo starting && sleep 2.5; echo 'still here'; exit 3"]);

        Assert.NotNull(exit);
        Assert.Equal(3, exit.ExitCode);
        Assert.Equal(TimeSpan.FromSeconds(2.5), exit.After);
        Assert.Equal([new SimulatedLine(TimeSpan.Zero, "starting"), new SimulatedLine(TimeSpan.FromSeconds(2.5), "still here")], exit.Output!);
    }

    [Fact]
    public void A_script_that_ends_without_exit_exits_0()
    {
        var exit = SimulatedCommand.Run(["sh", "-c", "echo done"]);

        Assert.Equal(0, exit?.ExitCode);
    }

    public void Dispose() => _world.Dispose();
}
