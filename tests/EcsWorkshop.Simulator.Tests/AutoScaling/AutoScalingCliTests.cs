using System.Net.Http.Json;
using System.Text.Json;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Tests.Elbv2;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.AutoScaling;

/// <summary>
/// <c>aws application-autoscaling …</c> from the real AWS CLI v2 against the simulator: the operations, AWS's
/// refusals, and a scale-out driven by the workshop load control, watched through describe-scaling-activities.
/// </summary>
public sealed class AutoScalingCliTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private const string Dimension = "ecs:service:DesiredCount";

    private AwsCli Cli => simulator.Cli;

    private async Task<string> PrepareServiceAsync(string cluster, int desiredCount = 1)
    {
        (await Cli.RunAsync("ecs", "create-cluster", "--cluster-name", cluster)).Succeeded();
        ServiceTestTaskDefinitions.PutFargate(simulator.Server.Engine, new EcsArns(SimulatedWorld.Region, SimulatedAccount.Id), cluster);
        (await Cli.RunAsync("ecs", "create-service", "--cluster", cluster, "--service-name", "web", "--task-definition", cluster,
            "--desired-count", desiredCount.ToString(), "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{Subnet}],securityGroups=[{SecurityGroup}],assignPublicIp=ENABLED}}")).Succeeded();
        return $"service/{cluster}/web";
    }

    private Task<CliResult> RegisterAsync(string resourceId, int min = 1, int max = 6) => Cli.RunAsync("application-autoscaling", "register-scalable-target",
        "--service-namespace", "ecs", "--resource-id", resourceId, "--scalable-dimension", Dimension,
        "--min-capacity", min.ToString(), "--max-capacity", max.ToString());

    private static string CpuPolicy(double target) =>
        $$$"""{"TargetValue":{{{target}}},"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"},"ScaleInCooldown":60}""";

    private Task<CliResult> PutPolicyAsync(string resourceId, string configuration, string name = "cpu50") => Cli.RunAsync("application-autoscaling",
        "put-scaling-policy", "--service-namespace", "ecs", "--resource-id", resourceId, "--scalable-dimension", Dimension,
        "--policy-name", name, "--policy-type", "TargetTrackingScaling", "--target-tracking-scaling-policy-configuration", configuration);

    [Fact]
    public async Task A_registered_service_is_described_with_the_service_linked_role()
    {
        var resourceId = await PrepareServiceAsync("aas-describe");

        // CLI 2.9's model predates ScalableTargetARN: it prints nothing for the answer (our own client reads the ARN).
        (await RegisterAsync(resourceId, 1, 4)).Succeeded();

        var targets = (await Cli.RunAsync("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs",
            "--resource-ids", resourceId)).Succeeded().Json.GetProperty("ScalableTargets");
        var target = Assert.Single(targets.EnumerateArray());
        Assert.Equal(1, target.GetProperty("MinCapacity").GetInt32());
        Assert.Equal(4, target.GetProperty("MaxCapacity").GetInt32());
        Assert.Equal(Dimension, target.GetProperty("ScalableDimension").GetString());
        Assert.Equal(
            "arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService",
            target.GetProperty("RoleARN").GetString());
        Assert.False(target.GetProperty("SuspendedState").GetProperty("DynamicScalingInSuspended").GetBoolean());
    }

    [Fact]
    public async Task A_target_tracking_policy_gets_its_two_alarms_and_is_deleted_with_them()
    {
        var resourceId = await PrepareServiceAsync("aas-policy");
        (await RegisterAsync(resourceId)).Succeeded();

        var put = (await PutPolicyAsync(resourceId, CpuPolicy(50))).Succeeded().Json;

        Assert.Matches(@"^arn:aws:autoscaling:ap-northeast-1:123456789012:scalingPolicy:[0-9a-f-]{36}:resource/ecs/service/aas-policy/web:policyName/cpu50$",
            put.GetProperty("PolicyARN").GetString());
        var names = put.GetProperty("Alarms").EnumerateArray().Select(a => a.GetProperty("AlarmName").GetString()!).ToList();
        Assert.Collection(names,
            high => Assert.StartsWith("TargetTracking-service/aas-policy/web-AlarmHigh-", high),
            low => Assert.StartsWith("TargetTracking-service/aas-policy/web-AlarmLow-", low));
        var policy = (await Cli.RunAsync("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs", "--resource-id", resourceId))
            .Succeeded().Json.GetProperty("ScalingPolicies")[0];
        Assert.Equal("TargetTrackingScaling", policy.GetProperty("PolicyType").GetString());
        var configuration = policy.GetProperty("TargetTrackingScalingPolicyConfiguration");
        Assert.Equal(50, configuration.GetProperty("TargetValue").GetDouble());
        Assert.Equal(60, configuration.GetProperty("ScaleInCooldown").GetInt32());

        (await Cli.RunAsync("application-autoscaling", "delete-scaling-policy", "--service-namespace", "ecs", "--resource-id", resourceId,
            "--scalable-dimension", Dimension, "--policy-name", "cpu50")).Succeeded();
        Assert.Empty((await Cli.RunAsync("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs", "--resource-id", resourceId))
            .Succeeded().Json.GetProperty("ScalingPolicies").EnumerateArray());
    }

    [Fact]
    public async Task A_policy_for_an_unregistered_service_is_refused_in_AWS_words()
    {
        var resourceId = await PrepareServiceAsync("aas-unregistered");

        var error = await Cli.FailsAsync("ObjectNotFoundException", "application-autoscaling", "put-scaling-policy", "--service-namespace", "ecs",
            "--resource-id", resourceId, "--scalable-dimension", Dimension, "--policy-name", "cpu50", "--policy-type", "TargetTrackingScaling",
            "--target-tracking-scaling-policy-configuration", CpuPolicy(50));

        Assert.Contains(
            "No scalable target registered for service namespace: ecs, resource ID: service/aas-unregistered/web, scalable dimension: ecs:service:DesiredCount",
            error);
    }

    [Fact]
    public async Task A_missing_service_a_reversed_range_and_an_unknown_dimension_are_validation_errors()
    {
        await PrepareServiceAsync("aas-invalid");

        Assert.Contains("ECS service doesn't exist: service/aas-invalid/nothing", await Cli.FailsAsync("ValidationException",
            "application-autoscaling", "register-scalable-target", "--service-namespace", "ecs", "--resource-id", "service/aas-invalid/nothing",
            "--scalable-dimension", Dimension, "--min-capacity", "1", "--max-capacity", "2"));
        Assert.Contains("Minimum capacity cannot be greater than maximum capacity", await Cli.FailsAsync("ValidationException",
            "application-autoscaling", "register-scalable-target", "--service-namespace", "ecs", "--resource-id", "service/aas-invalid/web",
            "--scalable-dimension", Dimension, "--min-capacity", "5", "--max-capacity", "2"));
        Assert.Contains("Value 'ecs:service:Count' at 'scalableDimension' failed to satisfy constraint: Member must satisfy enum value set: [ecs:service:DesiredCount,",
            await Cli.FailsAsync("ValidationException", "application-autoscaling", "register-scalable-target", "--service-namespace", "ecs",
                "--resource-id", "service/aas-invalid/web", "--scalable-dimension", "ecs:service:Count", "--min-capacity", "1", "--max-capacity", "2"));
        Assert.Empty((await Cli.RunAsync("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs",
            "--resource-ids", "service/aas-invalid/web")).Succeeded().Json.GetProperty("ScalableTargets").EnumerateArray());
    }

    [Fact]
    public async Task Deleting_what_is_not_there_is_ObjectNotFoundException()
    {
        var resourceId = await PrepareServiceAsync("aas-missing");

        await Cli.FailsAsync("ObjectNotFoundException", "application-autoscaling", "deregister-scalable-target", "--service-namespace", "ecs",
            "--resource-id", resourceId, "--scalable-dimension", Dimension);
        (await RegisterAsync(resourceId)).Succeeded();
        await Cli.FailsAsync("ObjectNotFoundException", "application-autoscaling", "delete-scaling-policy", "--service-namespace", "ecs",
            "--resource-id", resourceId, "--scalable-dimension", Dimension, "--policy-name", "nothing");
    }

    [Fact]
    public async Task ALBRequestCountPerTarget_needs_the_label_of_the_services_target_group()
    {
        var resourceId = await PrepareServiceAsync("aas-alb");
        (await RegisterAsync(resourceId)).Succeeded();

        Assert.Contains("A ResourceLabel is required for the predefined metric type ALBRequestCountPerTarget", await Cli.FailsAsync("ValidationException",
            "application-autoscaling", "put-scaling-policy", "--service-namespace", "ecs", "--resource-id", resourceId, "--scalable-dimension", Dimension,
            "--policy-name", "requests", "--policy-type", "TargetTrackingScaling", "--target-tracking-scaling-policy-configuration",
            """{"TargetValue":100,"PredefinedMetricSpecification":{"PredefinedMetricType":"ALBRequestCountPerTarget"}}"""));
        var loadBalancer = await Cli.CreateLoadBalancerAsync("aas-alb-lb");
        var group = await Cli.CreateTargetGroupAsync("aas-alb-tg");
        await Cli.CreateListenerAsync(loadBalancer.Arn("LoadBalancerArn"), group.Arn("TargetGroupArn"));
        var label = string.Join('/', loadBalancer.Arn("LoadBalancerArn").Split(":loadbalancer/")[1], group.Arn("TargetGroupArn").Split(':')[^1]);

        // The service has no load balancer: its label names a target group that is not the service's.
        Assert.Contains("is not attached to the ECS service service/aas-alb/web", await Cli.FailsAsync("ValidationException",
            "application-autoscaling", "put-scaling-policy", "--service-namespace", "ecs", "--resource-id", resourceId, "--scalable-dimension", Dimension,
            "--policy-name", "requests", "--policy-type", "TargetTrackingScaling", "--target-tracking-scaling-policy-configuration",
            $$$"""{"TargetValue":100,"PredefinedMetricSpecification":{"PredefinedMetricType":"ALBRequestCountPerTarget","ResourceLabel":"{{{label}}}"}}"""));
    }

    [Fact]
    public async Task Load_on_the_service_scales_it_out_and_the_activity_says_so()
    {
        var resourceId = await PrepareServiceAsync("aas-load");
        (await RegisterAsync(resourceId, 1, 3)).Succeeded();
        (await PutPolicyAsync(resourceId, CpuPolicy(50))).Succeeded();
        await WaitAsync(() => simulator.Server.Engine.World.Services.Values.Single(s => s.Name == "web" && s.ClusterArn.EndsWith("/aas-load")) is var s
            && Ecs.Domain.Services.ServiceCounts.Of(simulator.Server.Engine.World, s).Total.Running == 1);

        using var http = new HttpClient { BaseAddress = simulator.Server.Endpoint };
        var set = await http.PostAsJsonAsync("/_workshop/load", new { cluster = "aas-load", service = "web", cpuPercent = 90, region = SimulatedWorld.Region });
        Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());

        // Speed 20: three one-minute datapoints take 9 seconds.
        JsonElement activity = default;
        await WaitAsync(async () =>
        {
            var activities = (await Cli.RunAsync("application-autoscaling", "describe-scaling-activities", "--service-namespace", "ecs",
                "--resource-id", resourceId)).Succeeded().Json.GetProperty("ScalingActivities");
            if (activities.GetArrayLength() == 0) return false;
            activity = activities[0];
            return true;
        });
        Assert.Equal("Setting desired count to 2.", activity.GetProperty("Description").GetString());
        Assert.Matches(@"^monitor alarm TargetTracking-service/aas-load/web-AlarmHigh-[0-9a-f-]{36} in state ALARM triggered policy cpu50$",
            activity.GetProperty("Cause").GetString());
        var service = (await Cli.RunAsync("ecs", "describe-services", "--cluster", "aas-load", "--services", "web")).Succeeded().Json.GetProperty("services")[0];
        Assert.Equal(2, service.GetProperty("desiredCount").GetInt32());
    }

    [Fact]
    public async Task The_load_control_refuses_a_percent_out_of_range_in_AWS_error_shape()
    {
        await PrepareServiceAsync("aas-refused");
        using var http = new HttpClient { BaseAddress = simulator.Server.Endpoint };

        var response = await http.PostAsJsonAsync("/_workshop/load", new { cluster = "aas-refused", service = "web", cpuPercent = 1200, region = SimulatedWorld.Region });

        Assert.Equal(400, (int)response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ValidationException", body.GetProperty("__type").GetString());
        Assert.Equal("1 validation error detected: Value '1200' at 'cpuPercent' failed to satisfy constraint: Member must have value between 0 and 1000",
            body.GetProperty("message").GetString());
        var missing = await http.PostAsJsonAsync("/_workshop/load", new { cluster = "aas-refused", service = "nothing", cpuPercent = 50, region = SimulatedWorld.Region });
        Assert.Equal("ServiceNotFoundException", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("__type").GetString());
    }

    private static Task WaitAsync(Func<bool> condition) => WaitAsync(() => Task.FromResult(condition()));

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 90 s.");
            await Task.Delay(250);
        }
    }
}
