using EcsWorkshop.Classroom.Activity;
using EcsWorkshop.Classroom.Resources;
using EcsWorkshop.Classroom.Tests.Support;

namespace EcsWorkshop.Classroom.Tests.Resources;

/// <summary>The resources a learner has now, counted from their own simulation and no one else's.</summary>
public sealed class RunningResourcesTests : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Room.Clock();
    private readonly ClassroomActivity _activity = new(Room.TwoLearners);
    private readonly LearnerWorld _sato;
    private readonly LearnerWorld _suzuki;

    public RunningResourcesTests()
    {
        _sato = new LearnerWorld(Room.Sato, _activity, _clock, seed: 1);
        _suzuki = new LearnerWorld(Room.Suzuki, _activity, _clock, seed: 2);
    }

    public void Dispose()
    {
        _sato.Dispose();
        _suzuki.Dispose();
    }

    [Fact]
    public void A_fresh_account_has_nothing()
    {
        Assert.Equal(RunningResources.None, RunningResources.Of(_sato.Simulation));
        Assert.True(RunningResources.Of(_sato.Simulation).IsEmpty);
    }

    [Fact]
    public void Tasks_are_pending_until_they_run_and_services_and_repositories_are_counted()
    {
        Assert.NotNull(_sato.Ecr("CreateRepository", new { repositoryName = "web" }));
        Assert.NotNull(_sato.Ecs("CreateCluster", new { clusterName = "workshop" }));
        Assert.NotNull(_sato.Ecs("RegisterTaskDefinition", Room.FargateTaskDefinition()));
        var network = new { awsvpcConfiguration = new { subnets = new[] { DefaultSubnet() }, assignPublicIp = "ENABLED" } };
        Assert.NotNull(_sato.Ecs("CreateService", new
        {
            cluster = "workshop", serviceName = "web", taskDefinition = "web", desiredCount = 2, launchType = "FARGATE", networkConfiguration = network,
        }));
        _sato.Advance();

        var starting = RunningResources.Of(_sato.Simulation);
        Assert.Equal((0, 2, 1, 1), (starting.RunningTasks, starting.PendingTasks, starting.Services, starting.Repositories));

        for (var i = 0; i < 120 && RunningResources.Of(_sato.Simulation).RunningTasks < 2; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            _sato.Advance();
        }

        var running = RunningResources.Of(_sato.Simulation);
        Assert.Equal((2, 0), (running.RunningTasks, running.PendingTasks));
        Assert.True(RunningResources.Of(_suzuki.Simulation).IsEmpty);
    }

    private string DefaultSubnet() =>
        _sato.Simulation.Ec2.WorldWithDefaultsOf(LearnerWorld.Region).Subnets.Values.First(s => s.Region == LearnerWorld.Region).SubnetId;
}
