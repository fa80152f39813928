using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Quotas;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Quotas;

/// <summary>
/// A learner's task quota: RunTask starts what fits and answers the rest in <c>failures</c> with Fargate's words; a
/// service stops placing tasks at the quota and says why in its events; a stopped task makes room again.
/// </summary>
public sealed class TaskQuotaTests : IDisposable
{
    private readonly SimulatedWorld _world = new(SimulationSettings.AtSpeed(1) with { Quotas = new AccountQuotas { Tasks = 3 } });

    public TaskQuotaTests() => _world.WithFargateFamily();

    private System.Text.Json.JsonElement RunTasks(int count) => _world.Ecs("RunTask", new
    {
        cluster = TaskTestSupport.Cluster, taskDefinition = "web", count, launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network,
    });

    [Fact]
    public void Run_task_starts_the_tasks_that_fit_and_answers_each_other_one_with_the_task_limit_failure()
    {
        var response = RunTasks(5);

        Assert.Equal(3, response.GetProperty("tasks").GetArrayLength());
        var failures = response.GetProperty("failures").EnumerateArray().ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f =>
        {
            Assert.Equal("You've reached the limit on the number of tasks you can run concurrently", f.Text("reason"));
            Assert.False(f.TryGetProperty("arn", out var arn) && arn.ValueKind != System.Text.Json.JsonValueKind.Null);
        });
        Assert.Equal(3, _world.Engine.World.Tasks.Count);
    }

    [Fact]
    public void A_task_that_reached_stopped_makes_room_for_a_new_one()
    {
        var first = RunTasks(3).GetProperty("tasks")[0].Text("taskArn")!;
        Assert.Single(RunTasks(1).GetProperty("failures").EnumerateArray());

        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = first });
        _world.AdvanceUntil(w => !w.Tasks[first].IsAlive, TimeSpan.FromMinutes(2));

        var again = RunTasks(1);
        Assert.Single(again.GetProperty("tasks").EnumerateArray());
        Assert.Empty(again.GetProperty("failures").EnumerateArray());
    }

    [Fact]
    public void A_service_stops_placing_tasks_at_the_quota_and_says_so_in_its_events()
    {
        RunTasks(1);
        var definition = _world.Engine.World.TaskDefinitions.Values.Single();
        _world.Ecs("CreateService", ServiceTestSupport.FargateService("web", definition, desiredCount: 4));

        _world.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(2, _world.TasksOf("web").Count(t => t.IsAlive));
        var messages = _world.Describe("web").Messages();
        Assert.Contains("(service web) was unable to place a task. Reason: You've reached the limit on the number of tasks you can run concurrently. " +
                        "For more information, see the Troubleshooting section.", messages);
        Assert.Equal(3, _world.Engine.World.Tasks.Values.Count(t => t.IsAlive));
    }

    [Fact]
    public void Without_quotas_a_learner_runs_as_many_tasks_as_ecs_allows()
    {
        using var unlimited = new SimulatedWorld();
        unlimited.WithFargateFamily();

        for (var i = 0; i < 3; i++)
        {
            var response = unlimited.Ecs("RunTask", new
            {
                cluster = TaskTestSupport.Cluster, taskDefinition = "web", count = 10, launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network,
            });
            Assert.Empty(response.GetProperty("failures").EnumerateArray());
        }
        Assert.Equal(30, unlimited.Engine.World.Tasks.Count);
    }

    public void Dispose() => _world.Dispose();
}
