using EcsWorkshop.Aws.AutoScaling;
using EcsWorkshop.Aws.AutoScaling.Model;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.AutoScaling;

/// <summary>Our Application Auto Scaling client against the simulator and moto: an ECS service as a scalable target with a target tracking policy.</summary>
public sealed class ServiceAutoScalingTests(Backends backends) : BackendTests(backends)
{
    private const string Namespace = ApplicationAutoScalingClient.EcsNamespace;
    private const string Dimension = ApplicationAutoScalingClient.DesiredCount;

    private async Task<string> CreateServiceAsync(string backend)
    {
        var ecs = On(backend).Ecs;
        var cluster = UniqueNames.Next("cluster");
        var family = UniqueNames.Next("web");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster });
        await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family));
        await ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = cluster,
            ServiceName = "web",
            TaskDefinition = family,
            DesiredCount = 1,
            LaunchType = LaunchTypes.Fargate,
            NetworkConfiguration = await Backends.NetworkOf(backend),
        });
        return ApplicationAutoScalingClient.ServiceResourceId(cluster, "web");
    }

    private static PutScalingPolicyRequest CpuPolicy(string resourceId) => new()
    {
        PolicyName = "cpu50",
        ServiceNamespace = Namespace,
        ResourceId = resourceId,
        ScalableDimension = Dimension,
        PolicyType = "TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration = new()
        {
            TargetValue = 50,
            PredefinedMetricSpecification = new() { PredefinedMetricType = "ECSServiceAverageCPUUtilization" },
            ScaleInCooldown = 120,
        },
    };

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_service_is_registered_given_a_target_tracking_policy_and_removed_again(string backend)
    {
        var scaling = On(backend).AutoScaling;
        var resourceId = await CreateServiceAsync(backend);

        await scaling.RegisterScalableTargetAsync(new()
        {
            ServiceNamespace = Namespace, ResourceId = resourceId, ScalableDimension = Dimension, MinCapacity = 1, MaxCapacity = 6,
        });
        var target = Assert.Single((await scaling.DescribeScalableTargetsAsync(new() { ServiceNamespace = Namespace, ResourceIds = [resourceId] })).ScalableTargets);
        var put = await scaling.PutScalingPolicyAsync(CpuPolicy(resourceId));
        var policy = Assert.Single((await scaling.DescribeScalingPoliciesAsync(new() { ServiceNamespace = Namespace, ResourceId = resourceId })).ScalingPolicies);

        Assert.Equal((1, 6, Dimension), (target.MinCapacity, target.MaxCapacity, target.ScalableDimension));
        Assert.NotNull(target.CreationTime);
        Assert.Collection(put.Alarms,
            high => Assert.StartsWith($"TargetTracking-{resourceId}-AlarmHigh-", high.AlarmName),
            low => Assert.StartsWith($"TargetTracking-{resourceId}-AlarmLow-", low.AlarmName));
        Assert.EndsWith($":resource/ecs/{resourceId}:policyName/cpu50", put.PolicyARN);
        Assert.Equal(put.PolicyARN, policy.PolicyARN);
        Assert.Equal((50d, "ECSServiceAverageCPUUtilization", 120),
            (policy.TargetTrackingScalingPolicyConfiguration!.TargetValue, policy.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification!.PredefinedMetricType,
             policy.TargetTrackingScalingPolicyConfiguration.ScaleInCooldown));

        await scaling.DeleteScalingPolicyAsync(new() { PolicyName = "cpu50", ServiceNamespace = Namespace, ResourceId = resourceId, ScalableDimension = Dimension });
        await scaling.DeregisterScalableTargetAsync(new() { ServiceNamespace = Namespace, ResourceId = resourceId, ScalableDimension = Dimension });
        Assert.Empty((await scaling.DescribeScalableTargetsAsync(new() { ServiceNamespace = Namespace, ResourceIds = [resourceId] })).ScalableTargets);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Registering_a_service_that_does_not_exist_is_a_ValidationException(string backend)
    {
        var cluster = UniqueNames.Next("cluster");
        await On(backend).Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => On(backend).AutoScaling.RegisterScalableTargetAsync(new()
        {
            ServiceNamespace = Namespace, ResourceId = $"service/{cluster}/nothing", ScalableDimension = Dimension, MinCapacity = 1, MaxCapacity = 2,
        }));

        Assert.Equal(("ValidationException", "application-autoscaling"), (error.ErrorCode, error.Service));
        Assert.StartsWith("ECS service doesn't exist", error.ErrorMessage);
    }

    [Fact]
    public async Task The_simulator_answers_the_scalable_target_ARN()
    {
        var resourceId = await CreateServiceAsync(Backends.Simulator);

        var registered = await Simulator.AutoScaling.RegisterScalableTargetAsync(new()
        {
            ServiceNamespace = Namespace, ResourceId = resourceId, ScalableDimension = Dimension, MinCapacity = 1, MaxCapacity = 2,
        });

        Assert.StartsWith($"arn:aws:application-autoscaling:{Backends.Region}:123456789012:scalable-target/", registered.ScalableTargetARN);
    }

    [Fact]
    public async Task The_simulator_refuses_a_policy_before_the_registration_as_AWS_does_and_moto_accepts_it()
    {
        var simulated = await CreateServiceAsync(Backends.Simulator);
        var mocked = await CreateServiceAsync(Backends.Moto);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Simulator.AutoScaling.PutScalingPolicyAsync(CpuPolicy(simulated)));
        var accepted = await Moto.AutoScaling.PutScalingPolicyAsync(CpuPolicy(mocked));

        Assert.Equal("ObjectNotFoundException", error.ErrorCode);
        Assert.Equal($"No scalable target registered for service namespace: ecs, resource ID: {simulated}, scalable dimension: {Dimension}", error.ErrorMessage);
        Assert.NotNull(accepted.PolicyARN);
    }

    [Fact]
    public async Task The_simulator_describes_no_activities_for_a_service_that_never_scaled()
    {
        var resourceId = await CreateServiceAsync(Backends.Simulator);

        var activities = await Simulator.AutoScaling.DescribeScalingActivitiesAsync(new() { ServiceNamespace = Namespace, ResourceId = resourceId });

        Assert.Empty(activities.ScalingActivities);
        Assert.Null(activities.NextToken);
    }
}
