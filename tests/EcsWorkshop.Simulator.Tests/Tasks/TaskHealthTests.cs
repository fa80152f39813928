using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.TestTaskDefinitions;

namespace EcsWorkshop.Simulator.Tests.Tasks;

public sealed class TaskHealthTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void Without_a_health_check_a_running_task_stays_unknown()
    {
        _world.WithFargateFamily();
        var arn = _world.RunFargateTask();

        _world.Advance(TimeSpan.FromMinutes(2));

        var task = _world.DescribeTask(arn);
        Assert.Equal("UNKNOWN", task.Text("healthStatus"));
        Assert.Equal("UNKNOWN", task.GetProperty("containers")[0].Text("healthStatus"));
    }

    [Fact]
    public void With_a_health_check_the_task_turns_healthy_when_the_first_check_passes_one_interval_after_start()
    {
        var check = new HealthCheck(["CMD-SHELL", "curl -f http://localhost/ || exit 1"], Interval: 10, Timeout: 5, Retries: 3, StartPeriod: 0);
        _world.WithFargateFamily("checked", Container(healthCheck: check));
        var arn = _world.RunFargateTask("checked");

        _world.Advance(TimeSpan.FromSeconds(30));
        var justStarted = _world.DescribeTask(arn);
        _world.Advance(TimeSpan.FromSeconds(1));
        var afterOneInterval = _world.DescribeTask(arn);

        Assert.Equal("RUNNING", justStarted.Text("lastStatus"));
        Assert.Equal("UNKNOWN", justStarted.Text("healthStatus"));
        Assert.Equal("HEALTHY", afterOneInterval.Text("healthStatus"));
        Assert.Equal("HEALTHY", afterOneInterval.GetProperty("containers")[0].Text("healthStatus"));
    }

    public void Dispose() => _world.Dispose();
}
