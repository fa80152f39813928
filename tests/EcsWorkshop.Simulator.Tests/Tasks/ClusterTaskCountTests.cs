using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tasks;

/// <summary>A cluster's task counts and its deletion follow the tasks in it.</summary>
public sealed class ClusterTaskCountTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    public ClusterTaskCountTests() => _world.WithFargateFamily();

    [Fact]
    public void Pending_and_running_counts_follow_the_tasks_through_their_lifecycle()
    {
        var first = _world.RunFargateTask();
        _world.RunFargateTask();
        var starting = Counts();
        _world.Advance(TimeSpan.FromSeconds(30));
        var running = Counts();
        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = first });
        _world.Advance(TimeSpan.FromSeconds(1));
        var oneStopping = Counts();

        Assert.Equal((0, 2), starting);
        Assert.Equal((2, 0), running);
        Assert.Equal((1, 0), oneStopping);
    }

    [Fact]
    public void A_cluster_with_tasks_that_have_not_stopped_cannot_be_deleted()
    {
        var arn = _world.RunFargateTask();
        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn });
        _world.Advance(TimeSpan.FromSeconds(2));

        var error = _world.EcsFails("DeleteCluster", new { cluster = TaskTestSupport.Cluster });

        Assert.Equal(("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active."), (error.Code, error.Message));
    }

    [Fact]
    public void A_cluster_whose_tasks_all_stopped_can_be_deleted()
    {
        var arn = _world.RunFargateTask();
        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = arn });
        _world.Advance(TimeSpan.FromSeconds(30));

        var cluster = _world.Ecs("DeleteCluster", new { cluster = TaskTestSupport.Cluster }).GetProperty("cluster");

        Assert.Equal("INACTIVE", cluster.Text("status"));
    }

    private (int Running, int Pending) Counts()
    {
        var cluster = _world.Ecs("DescribeClusters", new { clusters = new[] { TaskTestSupport.Cluster } }).GetProperty("clusters")[0];
        return (cluster.GetProperty("runningTasksCount").GetInt32(), cluster.GetProperty("pendingTasksCount").GetInt32());
    }

    public void Dispose() => _world.Dispose();
}
