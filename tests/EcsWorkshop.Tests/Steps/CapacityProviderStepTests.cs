using EcsWorkshop.Errors;
using EcsWorkshop.Steps;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Steps;

/// <summary>The helper steps of the capacity provider half of the auto scaling lesson, on the simulator.</summary>
public sealed class CapacityProviderStepTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private async Task<(Workshop Workshop, string Cluster)> ServiceOfFourAsync()
    {
        var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.UseFargateCapacityProvidersAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4" });
        await workshop.CreateServiceAsync(cluster, "web", family, desiredCount: 4);
        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(30), cluster: cluster);
        return (workshop, cluster);
    }

    [Fact]
    public async Task A_service_split_one_base_on_fargate_and_weight_three_on_spot_runs_one_and_three()
    {
        var (workshop, cluster) = await ServiceOfFourAsync();
        await using var _ = workshop;

        var updated = await workshop.UpdateServiceCapacityAsync("web", onDemandBase: 1, onDemandWeight: 0, spotWeight: 3, cluster);
        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(60), cluster: cluster);

        Assert.Contains("--force-new-deployment", updated.CommandLine);
        Assert.Contains("FARGATE_SPOT", updated.CommandLine);
        Assert.Equal(2, updated.Value.Deployments.Length);
        var tasks = (await workshop.ListTasksAsync("web", cluster)).Value;
        Assert.Equal(1, tasks.Count(t => t.CapacityProviderName == "FARGATE"));
        Assert.Equal(3, tasks.Count(t => t.CapacityProviderName == "FARGATE_SPOT"));
    }

    [Fact]
    public async Task An_interrupted_spot_task_shows_the_warning_and_is_replaced_on_spot()
    {
        var (workshop, cluster) = await ServiceOfFourAsync();
        await using var _ = workshop;
        await workshop.UpdateServiceCapacityAsync("web", onDemandBase: 1, onDemandWeight: 0, spotWeight: 3, cluster);
        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(60), cluster: cluster);
        var spot = (await workshop.ListTasksAsync("web", cluster)).Value.First(t => t.CapacityProviderName == "FARGATE_SPOT");

        var interrupted = await workshop.InterruptSpotTaskAsync(spot.Id, cluster);
        await workshop.WaitForTaskAsync(spot.Id, "STOPPED", TimeSpan.FromSeconds(30), cluster);
        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(60), cluster: cluster);

        Assert.Equal("STOPPED", interrupted.Value.DesiredStatus);
        Assert.Equal("SpotInterruption", interrupted.Value.StopCode);
        Assert.Equal("Your Spot Task was interrupted.", interrupted.Value.StoppedReason);
        var explained = await workshop.ExplainStoppedTaskAsync(spot.Id, cluster);
        Assert.Equal("stop-spot-interrupted", explained.Value.EntryId);
        var tasks = (await workshop.ListTasksAsync("web", cluster)).Value;
        Assert.Equal(4, tasks.Length);
        Assert.Equal(3, tasks.Count(t => t.CapacityProviderName == "FARGATE_SPOT"));
        Assert.DoesNotContain(tasks, t => t.Id == spot.Id);
    }

    [Fact]
    public async Task Interrupting_a_task_on_fargate_fails_with_the_simulator_s_explanation()
    {
        var (workshop, cluster) = await ServiceOfFourAsync();
        await using var _ = workshop;
        var onDemand = (await workshop.ListTasksAsync("web", cluster)).Value[0];

        var error = await Assert.ThrowsAsync<WorkshopStepException>(() => workshop.InterruptSpotTaskAsync(onDemand.Id, cluster));

        Assert.Equal("InvalidParameterException", error.Explanation.Code);
        Assert.Equal("spot-interruption-not-spot", error.Explanation.EntryId);
    }
}
