using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Errors;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.CapacityProviders;

/// <summary>
/// A Fargate Spot interruption on the simulated clock: the warning (desired STOPPED while the task still runs, stop
/// code SpotInterruption, "Your Spot Task was interrupted."), the stop, and the service's replacement on Spot again.
/// </summary>
public sealed class SpotInterruptionTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    private void CreateSplitService(int desiredCount = 4)
    {
        _world.Ecs("CreateCluster", new { clusterName = "workshop", capacityProviders = new[] { "FARGATE", "FARGATE_SPOT" } });
        var definition = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns, "web");
        var request = FargateService("web", definition, desiredCount);
        request.Remove("launchType");
        request["capacityProviderStrategy"] = new object[]
        {
            new { capacityProvider = "FARGATE", weight = 0, @base = 1 },
            new { capacityProvider = "FARGATE_SPOT", weight = 3 },
        };
        _world.Ecs("CreateService", request);
        _world.AdvanceUntilSteady("web");
    }

    private EcsTask Interrupt(string task, string cluster = "workshop") =>
        _world.Engine.Mutate(tx => SpotInterruptions.Interrupt(tx, _world.Arns, _world.Arns.ClusterArnFor(cluster), task));

    private DomainError InterruptFails(string task, string cluster = "workshop") =>
        Assert.ThrowsAny<DomainError>(() => Interrupt(task, cluster));

    [Fact]
    public void An_interrupted_spot_task_shows_the_warning_while_it_still_runs()
    {
        CreateSplitService();
        var spot = _world.TasksOf("web").First(t => t.CapacityProviderName == "FARGATE_SPOT");

        Interrupt(spot.Id);

        var described = _world.Ecs("DescribeTasks", new { cluster = "workshop", tasks = new[] { spot.Arn } }).GetProperty("tasks")[0];
        Assert.Equal("RUNNING", described.Str("lastStatus"));
        Assert.Equal("STOPPED", described.Str("desiredStatus"));
        Assert.Equal("SpotInterruption", described.Str("stopCode"));
        Assert.Equal("Your Spot Task was interrupted.", described.Str("stoppedReason"));
        Assert.Equal("FARGATE_SPOT", described.Str("capacityProviderName"));
    }

    [Fact]
    public void The_service_replaces_an_interrupted_spot_task_on_spot_again_within_two_minutes()
    {
        CreateSplitService();
        var spot = _world.TasksOf("web").First(t => t.CapacityProviderName == "FARGATE_SPOT");
        var interruptedAt = _world.Clock.GetUtcNow();

        Interrupt(spot.Arn);
        _world.AdvanceUntilSteady("web");

        var stopped = _world.Engine.World.Tasks[spot.Arn];
        Assert.Equal(EcsTaskStatus.Stopped, stopped.LastStatus);
        Assert.Equal(StopCode.SpotInterruption, stopped.StopCode);
        Assert.True(stopped.StoppedAt - interruptedAt <= TimeSpan.FromMinutes(2), $"stopped {stopped.StoppedAt - interruptedAt} after the warning");
        var running = _world.TasksOf("web").Where(t => t.DesiredStatus == EcsTaskStatus.Running).ToList();
        Assert.Equal(4, running.Count);
        Assert.Equal(1, running.Count(t => t.CapacityProviderName == "FARGATE"));
        Assert.Equal(3, running.Count(t => t.CapacityProviderName == "FARGATE_SPOT"));
        var replacement = Assert.Single(running, t => t.CreatedAt >= interruptedAt);
        Assert.Equal("FARGATE_SPOT", replacement.CapacityProviderName);
        Assert.Contains(_world.Describe("web").Messages(), m => m.Contains($"has started 1 tasks: (task {replacement.Id})", StringComparison.Ordinal));
    }

    [Fact]
    public void A_task_on_fargate_cannot_be_interrupted()
    {
        CreateSplitService();
        var onDemand = _world.TasksOf("web").Single(t => t.CapacityProviderName == "FARGATE");

        var error = InterruptFails(onDemand.Id);

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal($"The task {onDemand.Id} does not run on FARGATE_SPOT (it runs on FARGATE); only Fargate Spot tasks can be interrupted.", error.Message);
        Assert.Equal(EcsTaskStatus.Running, _world.Engine.World.Tasks[onDemand.Arn].DesiredStatus);
    }

    [Fact]
    public void A_task_already_stopping_cannot_be_interrupted_again_and_keeps_its_first_reason()
    {
        CreateSplitService();
        var spot = _world.TasksOf("web").First(t => t.CapacityProviderName == "FARGATE_SPOT");
        _world.Ecs("StopTask", new { cluster = "workshop", task = spot.Arn, reason = "by hand" });

        var error = InterruptFails(spot.Arn);

        Assert.Equal($"The task {spot.Id} is already stopping or stopped; there is nothing to interrupt.", error.Message);
        Assert.Equal(StopCode.UserInitiated, _world.Engine.World.Tasks[spot.Arn].StopCode);
    }

    [Fact]
    public void An_unknown_task_or_cluster_gets_ecs_errors()
    {
        CreateSplitService(desiredCount: 1);

        Assert.Equal("The referenced task was not found.", InterruptFails("0123456789abcdef0123456789abcdef").Message);
        Assert.Equal("ClusterNotFoundException", InterruptFails("0123456789abcdef0123456789abcdef", cluster: "nowhere").Code);
    }

    public void Dispose() => _world.Dispose();
}
