using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class DeleteTaskDefinitionsTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    public DeleteTaskDefinitionsTests()
    {
        _world.Register(TaskDefinitionSamples.Fargate());
        _world.Register(TaskDefinitionSamples.Fargate());
        _world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "sample-fargate:1" });
    }

    [Fact]
    public void An_inactive_revision_moves_to_delete_in_progress()
    {
        var response = _world.Ecs("DeleteTaskDefinitions", new { taskDefinitions = new[] { "sample-fargate:1" } });

        var deleting = response.GetProperty("taskDefinitions")[0];
        Assert.Equal("DELETE_IN_PROGRESS", deleting.GetProperty("status").GetString());
        Assert.Equal(_world.Clock.GetUtcNow().ToUnixTimeSeconds(), deleting.GetProperty("deleteRequestedAt").GetDouble());
        Assert.Empty(response.GetProperty("failures").EnumerateArray());
    }

    [Fact]
    public void An_active_revision_must_be_deregistered_first()
    {
        var response = _world.Ecs("DeleteTaskDefinitions", new { taskDefinitions = new[] { "sample-fargate:2" } });

        var failure = response.GetProperty("failures")[0];
        Assert.Equal(TaskDefinitionSamples.Arn("sample-fargate", 2), failure.GetProperty("arn").GetString());
        Assert.Equal("The specified task definition is still in ACTIVE status. Please deregister the target and try again.", failure.GetProperty("reason").GetString());
        Assert.Empty(response.GetProperty("taskDefinitions").EnumerateArray());
        Assert.Equal("ACTIVE", _world.Describe("sample-fargate:2").GetProperty("status").GetString());
    }

    [Fact]
    public void Missing_revisions_and_bare_families_are_reported_as_failures_beside_the_successes()
    {
        var response = _world.Ecs("DeleteTaskDefinitions", new { taskDefinitions = new[] { "sample-fargate:1", "sample-fargate:7", "sample-fargate" } });

        Assert.Single(response.GetProperty("taskDefinitions").EnumerateArray());
        var reasons = response.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("reason").GetString()).ToList();
        Assert.Equal(
            [
                "The specified task definition does not exist. Specify a valid account, family, revision and try again.",
                "The specified task definition identifier is invalid. Specify a valid name or ARN and try again.",
            ],
            reasons);
    }

    [Fact]
    public void Between_1_and_10_task_definitions_may_be_named()
    {
        Assert.Equal("InvalidParameterException", _world.EcsFails("DeleteTaskDefinitions", new { taskDefinitions = Array.Empty<string>() }).Code);
        var eleven = Enumerable.Range(1, 11).Select(r => $"sample-fargate:{r}").ToArray();
        Assert.Equal("InvalidParameterException", _world.EcsFails("DeleteTaskDefinitions", new { taskDefinitions = eleven }).Code);
    }

    [Fact]
    public void A_revision_nothing_uses_is_gone_after_the_next_tick()
    {
        _world.Ecs("DeleteTaskDefinitions", new { taskDefinitions = new[] { "sample-fargate:1" } });
        Assert.Equal("DELETE_IN_PROGRESS", _world.Describe("sample-fargate:1").GetProperty("status").GetString());

        _world.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("Unable to describe task definition.", _world.EcsFails("DescribeTaskDefinition", new { taskDefinition = "sample-fargate:1" }).Message);
        Assert.Equal(2, _world.Describe("sample-fargate").GetProperty("revision").GetInt32());
    }

    [Fact]
    public void A_revision_a_live_task_still_runs_stays_until_the_task_stops()
    {
        var task = RunningTaskOf(TaskDefinitionSamples.Arn("sample-fargate", 1));
        _world.Engine.Mutate(tx => { tx.Put(task); return 0; });
        _world.Ecs("DeleteTaskDefinitions", new { taskDefinitions = new[] { "sample-fargate:1" } });

        _world.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("DELETE_IN_PROGRESS", _world.Describe("sample-fargate:1").GetProperty("status").GetString());

        _world.Engine.Mutate(tx => { tx.Put(task with { LastStatus = EcsTaskStatus.Stopped, DesiredStatus = EcsTaskStatus.Stopped }); return 0; });
        _world.Advance(TimeSpan.FromSeconds(1));

        Assert.DoesNotContain(TaskDefinitionSamples.Arn("sample-fargate", 1), _world.Engine.World.TaskDefinitions.Keys);
    }

    private EcsTask RunningTaskOf(string taskDefinitionArn)
    {
        var now = _world.Clock.GetUtcNow();
        var cluster = _world.Arns.Cluster("default");
        return new EcsTask(
            Arn: _world.Arns.Task("default", "0123456789abcdef0123456789abcdef"), Id: "0123456789abcdef0123456789abcdef",
            ClusterArn: cluster, TaskDefinitionArn: taskDefinitionArn, Group: "family:sample-fargate", StartedBy: null, ServiceArn: null,
            LaunchType: Ecs.Domain.TaskDefinitions.LaunchType.Fargate, PlatformVersion: "1.4.0", PlatformFamily: "Linux",
            Cpu: "256", Memory: "512", LastStatus: EcsTaskStatus.Running, DesiredStatus: EcsTaskStatus.Running,
            Containers: [], NetworkInterface: null, AvailabilityZone: "ap-northeast-1a", EnableExecuteCommand: false,
            Tags: [], Overrides: TaskOverrides.None, SimulatedExit: null, CreatedAt: now, PullStartedAt: now, PullStoppedAt: now,
            ConnectivityAt: now, StartedAt: now, StoppingAt: null, ExecutionStoppedAt: null, StoppedAt: null, StopCode: null,
            StoppedReason: null, NextTransitionAt: null, Version: 1);
    }

    public void Dispose() => _world.Dispose();
}
