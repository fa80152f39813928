using System.Collections.Immutable;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tasks;

public sealed class ListTasksTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    public ListTasksTests()
    {
        _world.WithFargateFamily("web");
        TestTaskDefinitions.PutFargate(_world.Engine, _world.Arns, "worker");
    }

    [Fact]
    public void By_default_only_tasks_desired_running_are_listed_starting_ones_included()
    {
        var running = _world.RunFargateTask();
        _world.Advance(TimeSpan.FromSeconds(30));
        var starting = _world.RunFargateTask();
        var stopped = _world.RunFargateTask();
        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = stopped });

        Assert.Equal(Sorted(running, starting), List(new { cluster = TaskTestSupport.Cluster }));
    }

    [Fact]
    public void Desired_status_stopped_lists_the_tasks_being_stopped_and_stopped()
    {
        var kept = _world.RunFargateTask();
        var stopping = _world.RunFargateTask();
        var stopped = _world.RunFargateTask();
        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = stopped });
        _world.Advance(TimeSpan.FromSeconds(30));
        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task = stopping });

        Assert.Equal(Sorted(stopping, stopped), List(new { cluster = TaskTestSupport.Cluster, desiredStatus = "STOPPED" }));
        Assert.DoesNotContain(kept, List(new { cluster = TaskTestSupport.Cluster, desiredStatus = "STOPPED" }));
    }

    [Fact]
    public void Desired_status_pending_never_matches()
    {
        _world.RunFargateTask();

        Assert.Empty(List(new { cluster = TaskTestSupport.Cluster, desiredStatus = "PENDING" }));
    }

    [Fact]
    public void Tasks_can_be_filtered_by_family_and_by_who_started_them()
    {
        var web = _world.RunFargateTask("web");
        var worker = _world.RunFargateTask("worker");
        var byLesson = _world.Ecs("RunTask", new
        {
            cluster = TaskTestSupport.Cluster, taskDefinition = "worker", launchType = "FARGATE",
            networkConfiguration = TaskTestSupport.Network, startedBy = "lesson-4",
        }).GetProperty("tasks")[0].Text("taskArn")!;

        Assert.Equal([web], List(new { cluster = TaskTestSupport.Cluster, family = "web" }));
        Assert.Equal(Sorted(worker, byLesson), List(new { cluster = TaskTestSupport.Cluster, family = "worker" }));
        Assert.Equal([byLesson], List(new { cluster = TaskTestSupport.Cluster, startedBy = "lesson-4" }));
    }

    [Fact]
    public void Tasks_can_be_filtered_by_launch_type()
    {
        var arn = _world.RunFargateTask();

        Assert.Equal([arn], List(new { cluster = TaskTestSupport.Cluster, launchType = "FARGATE" }));
        Assert.Empty(List(new { cluster = TaskTestSupport.Cluster, launchType = "EC2" }));
    }

    [Fact]
    public void Tasks_can_be_filtered_by_the_service_that_started_them()
    {
        _world.RunFargateTask();
        var serviceTask = LaunchForService("api");

        Assert.Equal([serviceTask], List(new { cluster = TaskTestSupport.Cluster, serviceName = "api" }));
    }

    [Fact]
    public void An_unknown_service_is_ServiceNotFoundException()
    {
        var error = _world.EcsFails("ListTasks", new { cluster = TaskTestSupport.Cluster, serviceName = "nope" });

        Assert.Equal(("ServiceNotFoundException", "Service not found."), (error.Code, error.Message));
    }

    [Fact]
    public void A_missing_cluster_is_ClusterNotFoundException()
    {
        Assert.Equal("ClusterNotFoundException", _world.EcsFails("ListTasks", new { cluster = "ghost" }).Code);
    }

    [Fact]
    public void Tasks_are_listed_in_pages()
    {
        _world.Ecs("RunTask", new { cluster = TaskTestSupport.Cluster, taskDefinition = "web", count = 5, launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network });

        var first = _world.Ecs("ListTasks", new { cluster = TaskTestSupport.Cluster, maxResults = 3 });
        var second = _world.Ecs("ListTasks", new { cluster = TaskTestSupport.Cluster, maxResults = 3, nextToken = first.Text("nextToken") });

        Assert.Equal(3, first.GetProperty("taskArns").GetArrayLength());
        Assert.Equal(2, second.GetProperty("taskArns").GetArrayLength());
        Assert.False(second.TryGetProperty("nextToken", out _));
    }

    private List<string> List(object request) =>
        [.. _world.Ecs("ListTasks", request).GetProperty("taskArns").EnumerateArray().Select(a => a.GetString()!)];

    private static List<string> Sorted(params string[] arns) => [.. arns.Order(StringComparer.Ordinal)];

    /// <summary>Starts a task the way the service scheduler does, for a service put into the world by hand.</summary>
    private string LaunchForService(string name) => _world.Engine.Mutate(tx =>
    {
        var cluster = ClusterCommands.RequireActive(tx.World, _world.Arns.Cluster(TaskTestSupport.Cluster));
        var definition = TaskDefinitionLookup.RequireActive(tx.World, _world.Arns, "web");
        var network = new NetworkConfiguration([TaskTestSupport.Subnet], [TaskTestSupport.SecurityGroup], false);
        var service = new Service(
            _world.Arns.Service(TaskTestSupport.Cluster, name), name, cluster.Arn, ServiceStatus.Active, 1, definition.Arn,
            LaunchType.Fargate, [], "LATEST", null, network, DeploymentConfiguration.Default, "ECS", "REPLICA",
            false, false, null, null, null, [], [], tx.Now, null, []);
        tx.Put(service);
        return TaskLauncher.Launch(tx, new TaskLaunchRequest(
            cluster, definition, LaunchType.Fargate, "LATEST", network, $"service:{name}", tx.Ids.DeploymentId(), service.Arn,
            false, ImmutableArray<Ecs.Domain.Tags.Tag>.Empty, TaskOverrides.None)).Arn;
    });

    public void Dispose() => _world.Dispose();
}
