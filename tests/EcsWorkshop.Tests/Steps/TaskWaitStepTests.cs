using System.Collections.Immutable;
using EcsWorkshop.Errors;
using EcsWorkshop.Steps;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Steps;

public sealed class TaskWaitStepTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private async Task<(Workshop Workshop, string Cluster, string Family, StringWriter Output)> ClusterWithTaskDefinitionAsync(
        ImmutableDictionary<string, string>? environment = null)
    {
        var output = new StringWriter();
        var workshop = await simulator.NewWorkshopAsync(output);
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition
        {
            Family = family,
            Image = "httpd:2.4",
            Environment = environment ?? ImmutableDictionary<string, string>.Empty,
        });
        return (workshop, cluster, family, output);
    }

    [Fact]
    public async Task Waiting_for_RUNNING_prints_each_status_the_task_passes_and_ends_running()
    {
        var (workshop, cluster, family, output) = await ClusterWithTaskDefinitionAsync();
        await using var _ = workshop;
        var task = (await workshop.RunTaskAsync(family, cluster)).Value.Single();

        var running = await workshop.WaitForTaskAsync(task.Id, cluster: cluster, timeout: TimeSpan.FromSeconds(30));

        Assert.Equal("RUNNING", running.Value.LastStatus);
        Assert.Contains("tasks-running", running.CommandLine);
        Assert.Contains($"タスク {task.Id}: RUNNING", output.ToString());
    }

    [Fact]
    public async Task Waiting_for_STOPPED_returns_the_stop_reason_of_a_container_that_exits()
    {
        var (workshop, cluster, family, _) = await ClusterWithTaskDefinitionAsync(ImmutableDictionary<string, string>.Empty
            .Add("WORKSHOP_SIMULATE_EXIT_CODE", "3").Add("WORKSHOP_SIMULATE_EXIT_AFTER", "5"));
        await using var __ = workshop;
        var task = (await workshop.RunTaskAsync(family, cluster)).Value.Single();

        var stopped = await workshop.WaitForTaskAsync(task.Id, "STOPPED", TimeSpan.FromSeconds(60), cluster);

        Assert.Equal("EssentialContainerExited", stopped.Value.StopCode);
        Assert.Equal(3, stopped.Value.Containers.Single().ExitCode);
        Assert.Contains("tasks-stopped", stopped.CommandLine);
    }

    [Fact]
    public async Task Waiting_for_RUNNING_fails_in_Japanese_when_the_task_stops_instead()
    {
        var (workshop, cluster, family, _) = await ClusterWithTaskDefinitionAsync(ImmutableDictionary<string, string>.Empty
            .Add("WORKSHOP_SIMULATE_EXIT_CODE", "1"));
        await using var __ = workshop;
        var task = (await workshop.RunTaskAsync(family, cluster)).Value.Single();
        await workshop.WaitForTaskAsync(task.Id, "STOPPED", TimeSpan.FromSeconds(60), cluster);

        var error = await Assert.ThrowsAsync<WorkshopStepException>(() => workshop.WaitForTaskAsync(task.Id, cluster: cluster));

        Assert.Equal("EssentialContainerExited", error.Explanation.Code);
        Assert.Contains("RUNNING にならずに止まりました", error.Message);
    }

    [Fact]
    public async Task Only_RUNNING_and_STOPPED_can_be_waited_for()
    {
        var (workshop, cluster, family, _) = await ClusterWithTaskDefinitionAsync();
        await using var _ = workshop;
        var task = (await workshop.RunTaskAsync(family, cluster)).Value.Single();

        await Assert.ThrowsAsync<ArgumentException>(() => workshop.WaitForTaskAsync(task.Id, "PENDING", cluster: cluster));
    }
}
