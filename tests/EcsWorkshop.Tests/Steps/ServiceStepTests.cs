using EcsWorkshop.Display.Views;
using EcsWorkshop.Errors;
using EcsWorkshop.Steps;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Steps;

public sealed class ServiceStepTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private async Task<(Workshop Workshop, string Cluster, string Family)> ClusterWithTaskDefinitionAsync(FargateTaskDefinition? definition = null)
    {
        var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("cluster");
        var family = definition?.Family ?? Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(definition ?? new FargateTaskDefinition { Family = family, Image = "httpd:2.4" });
        return (workshop, cluster, family);
    }

    [Fact]
    public async Task A_service_reaches_a_steady_state_and_reports_each_change()
    {
        var (workshop, cluster, family) = await ClusterWithTaskDefinitionAsync();
        await using var _ = workshop;
        var created = await workshop.CreateServiceAsync(cluster, "web", family, desiredCount: 2, enableExecuteCommand: true);
        var seen = new List<ServiceView>();

        var steady = await workshop.WaitForSteadyStateAsync("web", new SynchronousProgress<ServiceView>(seen.Add), TimeSpan.FromSeconds(30), cluster);

        Assert.Contains("subnets=[subnet-abcd1234],securityGroups=[sg-abcd1234]", created.CommandLine);
        Assert.Contains("--enable-execute-command", created.CommandLine);
        Assert.Equal(2, steady.Value.RunningCount);
        Assert.True(seen.Count >= 2);
        Assert.Equal(2, seen[^1].RunningCount);
        Assert.Contains("services-stable", steady.CommandLine);
    }

    [Fact]
    public async Task Without_a_progress_the_wait_prints_a_line_per_change()
    {
        var output = new StringWriter();
        await using var workshop = await simulator.NewWorkshopAsync(output);
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4" });
        await workshop.CreateServiceAsync(cluster, "web", family);

        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(30), cluster: cluster);

        Assert.Contains("web: 実行中 1 / 必要数 1", output.ToString());
    }

    [Fact]
    public async Task Scaling_and_deploying_a_new_revision_end_steady_on_the_new_revision()
    {
        var (workshop, cluster, family) = await ClusterWithTaskDefinitionAsync();
        await using var _ = workshop;
        await workshop.CreateServiceAsync(cluster, "web", family);
        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(30), cluster: cluster);

        var scaled = await workshop.ScaleAsync("web", 3, cluster);
        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(30), cluster: cluster);
        var revision2 = await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4-alpine" });
        var deploying = await workshop.DeployAsync("web", revision2.Value.FamilyRevision, cluster);
        var steady = await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(60), cluster: cluster);

        Assert.Equal(3, scaled.Value.DesiredCount);
        Assert.Equal(2, deploying.Value.Deployments.Length);
        Assert.EndsWith($"{family}:2", steady.Value.TaskDefinition);
        var tasks = await workshop.ListTasksAsync("web", cluster);
        Assert.Equal(3, tasks.Value.Length);
        Assert.All(tasks.Value, t => Assert.EndsWith($"{family}:2", t.TaskDefinition));
        var described = await workshop.DescribeServiceAsync("web", cluster);
        Assert.Contains(described.Value.Events, e => e.Message.Contains("steady state"));
    }

    [Fact]
    public async Task A_standalone_task_runs_stops_and_its_logs_and_stop_reason_are_read()
    {
        var (workshop, cluster, family) = await ClusterWithTaskDefinitionAsync();
        await using var _ = workshop;

        var run = await workshop.RunTaskAsync(family, cluster);
        var id = run.Value.Single().Id;
        await Until(async () => (await workshop.ListTasksAsync(cluster: cluster)).Value.Any(t => t.Id == id && t.LastStatus == "RUNNING"));
        await workshop.StopTaskAsync(id, cluster, "done");
        await Until(async () => (await workshop.ListTasksAsync(cluster: cluster, stopped: true)).Value.Any(t => t.Id == id && t.LastStatus == "STOPPED"));
        var logs = await workshop.TaskLogsAsync(id, cluster);
        var why = await workshop.ExplainStoppedTaskAsync(id, cluster);

        Assert.Contains(logs.Value.Lines, l => l.Message.StartsWith("[ecs-workshop]", StringComparison.Ordinal));
        Assert.Equal($"ecs/{family}/{id}", logs.Value.LogStream);
        Assert.Equal("UserInitiated", why.Value.Code);
        Assert.False(why.Value.IsFallback);
    }

    [Fact]
    public async Task A_failing_container_makes_the_wait_fail_with_the_stop_reason_explained()
    {
        var family = Unique.Name("failing");
        var (workshop, cluster, _) = await ClusterWithTaskDefinitionAsync(new FargateTaskDefinition
        {
            Family = family,
            Image = "httpd:2.4",
            Environment = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("WORKSHOP_SIMULATE_EXIT_CODE", "1"),
        });
        await using var __ = workshop;
        await workshop.CreateServiceAsync(cluster, "web", family);

        var error = await Assert.ThrowsAsync<WorkshopStepException>(() =>
            workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(4), cluster: cluster));

        Assert.Equal("EssentialContainerExited", error.Explanation.Code);
        Assert.False(error.Explanation.IsFallback);
    }

    [Fact]
    public async Task The_cluster_picture_shows_the_service_and_its_tasks_as_svg()
    {
        var (workshop, cluster, family) = await ClusterWithTaskDefinitionAsync();
        await using var _ = workshop;
        await workshop.CreateServiceAsync(cluster, "web", family, desiredCount: 2);
        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(30), cluster: cluster);

        var picture = await workshop.ClusterPictureAsync(cluster);

        Assert.Single(picture.Value.Services);
        Assert.Equal(2, picture.Value.Tasks.Length);
        Assert.Contains("<svg", EcsWorkshop.Display.Formatting.WorkshopFormatters.ToHtml(picture));
    }

    [Fact]
    public async Task A_service_on_a_missing_cluster_is_a_japanese_error()
    {
        await using var workshop = await simulator.NewWorkshopAsync();

        var error = await Assert.ThrowsAsync<WorkshopStepException>(() => workshop.CreateServiceAsync(Unique.Name("missing"), "web", "nothing:1"));

        Assert.Equal("ClusterNotFoundException", error.AwsError!.ErrorCode);
        Assert.False(error.Explanation.IsFallback);
    }

    internal static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}

/// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
