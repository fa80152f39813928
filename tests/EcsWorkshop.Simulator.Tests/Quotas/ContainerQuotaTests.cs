using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Quotas;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Quotas;

/// <summary>
/// A learner's container quota counts every container of the tasks not yet STOPPED (with the Docker runtime, the
/// real containers on the host): a task whose containers would not all fit does not start.
/// </summary>
public sealed class ContainerQuotaTests : IDisposable
{
    private readonly SimulatedWorld _world = new(SimulationSettings.AtSpeed(1) with { Quotas = new AccountQuotas { Containers = 3 } });

    public ContainerQuotaTests() =>
        _world.WithFargateFamily("pair", TestTaskDefinitions.Container("web"), TestTaskDefinitions.Container("sidecar", essential: false) with { PortMappings = [] });

    [Fact]
    public void A_task_whose_containers_would_pass_the_quota_is_answered_with_the_task_limit_failure()
    {
        var response = _world.Ecs("RunTask", new
        {
            cluster = TaskTestSupport.Cluster, taskDefinition = "pair", count = 2, launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network,
        });

        var started = Assert.Single(response.GetProperty("tasks").EnumerateArray());
        Assert.Equal(2, started.GetProperty("containers").GetArrayLength());
        var failure = Assert.Single(response.GetProperty("failures").EnumerateArray());
        Assert.Equal("You've reached the limit on the number of tasks you can run concurrently", failure.Text("reason"));
    }

    public void Dispose() => _world.Dispose();
}
