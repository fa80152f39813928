using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

public sealed class ServiceValidationTests : IDisposable
{
    private readonly SimulatedWorld _world = new();
    private readonly Ecs.Domain.TaskDefinitions.TaskDefinition _definition;

    public ServiceValidationTests() => _definition = Prepare(_world);

    private Dictionary<string, object?> Request(Action<Dictionary<string, object?>> change)
    {
        var request = FargateService("web", _definition);
        change(request);
        return request;
    }

    private void AssertRefused(string code, string message, Dictionary<string, object?> request)
    {
        var error = _world.EcsFails("CreateService", request);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Empty(_world.Engine.World.Services);
    }

    [Fact]
    public void A_missing_cluster_is_ClusterNotFoundException() =>
        AssertRefused("ClusterNotFoundException", "Cluster not found.", Request(r => r["cluster"] = "nowhere"));

    [Theory]
    [InlineData("bad name!")]
    [InlineData("dots.are.not.allowed")]
    public void Service_names_outside_letters_digits_hyphens_and_underscores_are_refused(string name) =>
        AssertRefused("InvalidParameterException", $"Service name must match ^[a-zA-Z0-9\\-_]{{1,255}}$, but was {name}", Request(r => r["serviceName"] = name));

    [Fact]
    public void An_unknown_task_definition_is_refused() =>
        AssertRefused("ClientException", "Unable to describe task definition.", Request(r => r["taskDefinition"] = "nothing:1"));

    [Fact]
    public void An_inactive_task_definition_is_refused()
    {
        ServiceTestTaskDefinitions.Deregister(_world.Engine, _definition);
        AssertRefused("ClientException", "TaskDefinition is inactive (web:1).", Request(_ => { }));
    }

    [Fact]
    public void An_EC2_only_task_definition_cannot_run_on_Fargate()
    {
        var legacy = ServiceTestTaskDefinitions.PutEc2Bridge(_world.Engine, _world.Arns);
        AssertRefused("InvalidParameterException", "Task definition does not support launch_type FARGATE.",
            Request(r => { r["taskDefinition"] = legacy.FamilyRevision; r.Remove("networkConfiguration"); }));
    }

    [Fact]
    public void An_awsvpc_task_definition_needs_a_network_configuration() =>
        AssertRefused("InvalidParameterException", "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
            Request(r => r.Remove("networkConfiguration")));

    [Fact]
    public void Subnets_must_be_subnet_ids() =>
        AssertRefused("InvalidParameterException",
            "Error retrieving subnet information for [my-subnet]: The subnet ID 'my-subnet' does not exist (ErrorCode: InvalidSubnetID.NotFound)",
            Request(r => r["networkConfiguration"] = new { awsvpcConfiguration = new { subnets = new[] { "my-subnet" } } }));

    [Fact]
    public void Subnets_cannot_be_empty() =>
        AssertRefused("InvalidParameterException", "subnets can not be empty.",
            Request(r => r["networkConfiguration"] = new { awsvpcConfiguration = new { subnets = Array.Empty<string>() } }));

    [Fact]
    public void Security_groups_must_be_security_group_ids() =>
        AssertRefused("InvalidParameterException",
            "Error retrieving security group information for [default]: The security group 'default' does not exist (ErrorCode: InvalidGroup.NotFound)",
            Request(r => r["networkConfiguration"] = new { awsvpcConfiguration = new { subnets = new[] { Subnet }, securityGroups = new[] { "default" } } }));

    [Fact]
    public void Assign_public_ip_is_ENABLED_or_DISABLED()
    {
        var error = _world.EcsFails("CreateService", Request(r => r["networkConfiguration"] = Network(assignPublicIp: "YES")));
        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains("Member must satisfy enum value set: [ENABLED, DISABLED]", error.Message);
    }

    [Fact]
    public void An_unknown_platform_version_is_PlatformUnknownException() =>
        AssertRefused("PlatformUnknownException", "The specified platform version does not exist: 9.9.9.", Request(r => r["platformVersion"] = "9.9.9"));

    [Fact]
    public void A_platform_version_is_only_for_Fargate()
    {
        var legacy = ServiceTestTaskDefinitions.PutEc2Bridge(_world.Engine, _world.Arns);
        AssertRefused("InvalidParameterException", "The platform version must be null when specifying an EC2 launch type.",
            Request(r => { r["taskDefinition"] = legacy.FamilyRevision; r["launchType"] = "EC2"; r["platformVersion"] = "1.4.0"; r.Remove("networkConfiguration"); }));
    }

    [Fact]
    public void An_unknown_launch_type_is_refused_with_the_allowed_values()
    {
        var error = _world.EcsFails("CreateService", Request(r => r["launchType"] = "LAMBDA"));
        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains("[EC2, FARGATE, EXTERNAL]", error.Message);
    }

    [Fact]
    public void A_negative_desired_count_is_refused() =>
        AssertRefused("InvalidParameterException", "desiredCount must be at least 0.", Request(r => r["desiredCount"] = -1));

    [Fact]
    public void Minimum_healthy_percent_is_0_to_100() =>
        AssertRefused("InvalidParameterException", "deploymentConfiguration.minimumHealthyPercent must be between 0 and 100.",
            Request(r => r["deploymentConfiguration"] = new { minimumHealthyPercent = 150 }));

    [Fact]
    public void Maximum_percent_is_at_least_100() =>
        AssertRefused("InvalidParameterException", "deploymentConfiguration.maximumPercent must be at least 100.",
            Request(r => r["deploymentConfiguration"] = new { maximumPercent = 50 }));

    [Fact]
    public void The_circuit_breaker_needs_both_enable_and_rollback() =>
        AssertRefused("InvalidParameterException", "deploymentConfiguration.deploymentCircuitBreaker.rollback can not be blank.",
            Request(r => r["deploymentConfiguration"] = new { deploymentCircuitBreaker = new { enable = true } }));

    [Theory]
    [InlineData("CODE_DEPLOY")]
    [InlineData("EXTERNAL")]
    public void Only_the_ECS_deployment_controller_is_simulated(string controller)
    {
        var error = _world.EcsFails("CreateService", Request(r => r["deploymentController"] = new { type = controller }));
        Assert.Equal("UnsupportedFeatureException", error.Code);
        Assert.Contains(controller, error.Message);
    }

    [Fact]
    public void Fargate_does_not_run_daemon_services() =>
        AssertRefused("InvalidParameterException",
            "The daemon scheduling strategy does not support the FARGATE launch type. Change the launch type and try again",
            Request(r => { r["schedulingStrategy"] = "DAEMON"; r.Remove("desiredCount"); }));

    [Fact]
    public void A_daemon_service_takes_no_desired_count()
    {
        var legacy = ServiceTestTaskDefinitions.PutEc2Bridge(_world.Engine, _world.Arns);
        AssertRefused("InvalidParameterException",
            "The daemon scheduling strategy does not support a desired count for services. Remove the desired count value and try again",
            Request(r => { r["schedulingStrategy"] = "DAEMON"; r["launchType"] = "EC2"; r["taskDefinition"] = legacy.FamilyRevision; r.Remove("networkConfiguration"); }));
    }

    [Fact]
    public void A_launch_type_and_a_capacity_provider_strategy_exclude_each_other() =>
        AssertRefused("InvalidParameterException",
            "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.",
            Request(r => r["capacityProviderStrategy"] = new[] { new { capacityProvider = "FARGATE", weight = 1 } }));

    [Fact]
    public void A_capacity_provider_must_be_associated_with_the_cluster() =>
        AssertRefused("InvalidParameterException",
            "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. " +
            "Associate the capacity provider with the cluster or specify a valid capacity provider and try again.",
            Request(r => { r.Remove("launchType"); r["capacityProviderStrategy"] = new[] { new { capacityProvider = "FARGATE", weight = 1 } }; }));

    [Fact]
    public void A_Classic_Load_Balancer_by_name_is_not_simulated()
    {
        var error = _world.EcsFails("CreateService", Request(r => r["loadBalancers"] = new[]
        {
            new { loadBalancerName = "classic-web", containerName = "web", containerPort = 80 },
        }));
        Assert.Equal("UnsupportedFeatureException", error.Code);
        Assert.Contains("loadBalancers.loadBalancerName", error.Message);
    }

    [Fact]
    public void A_target_group_that_does_not_exist_is_refused()
    {
        var error = _world.EcsFails("CreateService", Request(r => r["loadBalancers"] = new[]
        {
            new { targetGroupArn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web/0123456789abcdef", containerName = "web", containerPort = 80 },
        }));
        Assert.Equal("InvalidParameterException", error.Code);
        Assert.StartsWith("Unable to assume role and validate the specified targetGroupArn.", error.Message);
        Assert.Empty(_world.Engine.World.Services);
    }

    [Fact]
    public void A_second_service_of_the_same_name_is_not_idempotent()
    {
        _world.Ecs("CreateService", Request(_ => { }));

        var error = _world.EcsFails("CreateService", Request(r => r["desiredCount"] = 2));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("Creation of service was not idempotent.", error.Message);
        Assert.Equal(1, _world.Service("web").DesiredCount);
    }

    [Fact]
    public void The_same_client_token_with_a_different_request_is_not_idempotent()
    {
        _world.Ecs("CreateService", Request(r => r["clientToken"] = "token-1"));

        var error = _world.EcsFails("CreateService", Request(r => { r["clientToken"] = "token-1"; r["desiredCount"] = 3; }));

        Assert.Equal("Creation of service was not idempotent.", error.Message);
    }

    [Fact]
    public void The_same_name_in_another_cluster_is_a_different_service()
    {
        _world.Ecs("CreateService", Request(_ => { }));
        _world.Ecs("CreateCluster", new { clusterName = "other" });

        _world.Ecs("CreateService", Request(r => r["cluster"] = "other"));

        Assert.Equal(2, _world.Engine.World.Services.Count);
    }

    [Fact]
    public void Updating_an_unknown_service_is_ServiceNotFoundException()
    {
        var error = _world.EcsFails("UpdateService", new { cluster = "workshop", service = "ghost", desiredCount = 1 });
        Assert.Equal("ServiceNotFoundException", error.Code);
    }

    [Fact]
    public void An_update_to_an_invalid_configuration_changes_nothing()
    {
        _world.Ecs("CreateService", Request(_ => { }));
        var before = _world.Service("web");

        var error = _world.EcsFails("UpdateService", new
        {
            cluster = "workshop", service = "web", desiredCount = 5,
            deploymentConfiguration = new { minimumHealthyPercent = 101 },
        });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Same(before, _world.Service("web"));
    }

    [Fact]
    public void An_update_to_an_inactive_task_definition_is_refused()
    {
        _world.Ecs("CreateService", Request(_ => { }));
        var revision2 = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns);
        ServiceTestTaskDefinitions.Deregister(_world.Engine, revision2);

        var error = _world.EcsFails("UpdateService", new { cluster = "workshop", service = "web", taskDefinition = "web:2" });

        Assert.Equal("ClientException", error.Code);
        Assert.Single(_world.Service("web").Deployments);
    }

    [Fact]
    public void A_service_keeps_running_its_task_definition_after_it_is_deregistered()
    {
        _world.Ecs("CreateService", Request(r => r["desiredCount"] = 1));
        _world.AdvanceUntilSteady("web");
        ServiceTestTaskDefinitions.Deregister(_world.Engine, _definition);

        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", desiredCount = 2 });
        _world.AdvanceUntilSteady("web");

        Assert.Equal(2, _world.Describe("web").Int("runningCount"));
    }

    public void Dispose() => _world.Dispose();
}
