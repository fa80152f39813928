using EcsWorkshop.Aws.AutoScaling;
using EcsWorkshop.Aws.AutoScaling.Model;
using EcsWorkshop.Steps;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Cleanup;

public sealed class ScalableTargetCleanupTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Cleanup_deregisters_the_scalable_target_of_a_session_service_with_its_policy()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4", AwsLogs = false });
        await workshop.CreateServiceAsync(cluster, "scaled", family);
        await workshop.RegisterScalableTargetAsync("scaled", 1, 6, cluster);
        await workshop.PutCpuTargetTrackingPolicyAsync("scaled", 50, cluster: cluster);
        var resourceId = ApplicationAutoScalingClient.ServiceResourceId(cluster, "scaled");

        var report = await workshop.CleanupAsync();

        Assert.Contains(report.Value.Commands, c => c.Contains("application-autoscaling deregister-scalable-target", StringComparison.Ordinal)
            && c.Contains(resourceId, StringComparison.Ordinal));
        var targets = await workshop.Aws.AutoScaling.DescribeScalableTargetsAsync(new DescribeScalableTargetsRequest
        {
            ServiceNamespace = ApplicationAutoScalingClient.EcsNamespace,
            ResourceIds = [resourceId],
        });
        Assert.Empty(targets.ScalableTargets);
        var policies = await workshop.Aws.AutoScaling.DescribeScalingPoliciesAsync(new DescribeScalingPoliciesRequest
        {
            ServiceNamespace = ApplicationAutoScalingClient.EcsNamespace,
            ResourceId = resourceId,
        });
        Assert.Empty(policies.ScalingPolicies);
    }
}
