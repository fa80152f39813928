using EcsWorkshop.Steps;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Steps;

/// <summary>The Service Auto Scaling steps on the simulator: register, a CPU target tracking policy, load, and the scale-out it causes.</summary>
public sealed class AutoScalingStepTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Load_above_the_target_scales_the_service_out_and_the_activity_shows_it()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4" });
        await workshop.CreateServiceAsync(cluster, "web", family);
        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(30), cluster: cluster);

        var target = await workshop.RegisterScalableTargetAsync("web", 1, 6, cluster);
        var policy = await workshop.PutCpuTargetTrackingPolicyAsync("web", 50, cluster: cluster);
        var load = await workshop.SetServiceLoadAsync("web", cpuPercent: 90, cluster: cluster);

        Assert.Equal((1, 6), (target.Value.MinCapacity, target.Value.MaxCapacity));
        Assert.Contains("--min-capacity 1", target.CommandLine);
        Assert.Equal(2, policy.Value.Alarms.Count);
        Assert.Contains("\"PredefinedMetricType\":\"ECSServiceAverageCPUUtilization\"", policy.CommandLine);
        Assert.Equal((1, 90d), (load.Value.RunningCount, load.Value.CpuPercent));

        // Speed 20: three one-minute datapoints above 50 % take 9 seconds; ceil(1 × 90 / 50) = 2.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        IReadOnlyList<Aws.AutoScaling.Model.ScalingActivity> activities = [];
        while (activities.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            activities = (await workshop.DescribeScalingActivitiesAsync("web", cluster)).Value;
        }
        Assert.Equal("Setting desired count to 2.", Assert.Single(activities).Description);
    }

    [Fact]
    public async Task The_load_of_a_service_that_does_not_exist_is_refused_as_ECS_refuses_it()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("cluster");
        await workshop.CreateClusterAsync(cluster);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => workshop.SetServiceLoadAsync("nothing", cpuPercent: 50, cluster: cluster));

        Assert.Contains("ServiceNotFoundException", error.ToString());
    }
}
