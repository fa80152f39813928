using EcsWorkshop.Simulator.Errors;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tasks;

/// <summary>RunTask refuses what ECS refuses, with ECS's codes and words, and starts nothing when it does.</summary>
public sealed class RunTaskValidationTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    public RunTaskValidationTests()
    {
        _world.WithFargateFamily();
        TestTaskDefinitions.PutEc2Bridge(_world.Engine, _world.Arns, "legacy");
    }

    [Fact]
    public void A_missing_task_definition_is_refused()
    {
        var error = Refused(new { cluster = TaskTestSupport.Cluster, launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network });

        Assert.Equal(("InvalidParameterException", "taskDefinition can not be blank."), (error.Code, error.Message));
    }

    [Fact]
    public void An_unknown_task_definition_is_ClientException()
    {
        var error = Refused(Fargate(taskDefinition: "nothing-here"));

        Assert.Equal(("ClientException", "Unable to describe task definition."), (error.Code, error.Message));
    }

    [Fact]
    public void A_missing_cluster_is_ClusterNotFoundException()
    {
        var error = Refused(new { cluster = "ghost", taskDefinition = "web", launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network });

        Assert.Equal(("ClusterNotFoundException", "Cluster not found."), (error.Code, error.Message));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void A_count_outside_1_to_10_is_refused(int count)
    {
        var error = Refused(new { cluster = TaskTestSupport.Cluster, taskDefinition = "web", count, launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains("10", error.Message);
    }

    [Fact]
    public void An_unknown_launch_type_names_the_allowed_values()
    {
        var error = Refused(Fargate(launchType: "LAMBDA"));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains("Value 'LAMBDA' at 'launchType' failed to satisfy constraint", error.Message);
        Assert.Contains("[EC2, FARGATE, EXTERNAL]", error.Message);
    }

    [Fact]
    public void A_launch_type_and_a_capacity_provider_strategy_together_are_refused()
    {
        var error = Refused(new
        {
            cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network,
            capacityProviderStrategy = new[] { new { capacityProvider = "FARGATE", weight = 1 } },
        });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.StartsWith("Specifying both a launch type and capacity provider strategy is not supported.", error.Message);
    }

    [Fact]
    public void A_capacity_provider_the_cluster_does_not_have_is_refused()
    {
        var error = Refused(new
        {
            cluster = TaskTestSupport.Cluster, taskDefinition = "web", networkConfiguration = TaskTestSupport.Network,
            capacityProviderStrategy = new[] { new { capacityProvider = "FARGATE_SPOT", weight = 1 } },
        });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains("not associated with the cluster", error.Message);
    }

    [Fact]
    public void An_ec2_only_task_definition_cannot_run_on_fargate()
    {
        var error = Refused(OnNetwork(null, taskDefinition: "legacy"));

        Assert.Equal(("InvalidParameterException", "Task definition does not support launch_type FARGATE."), (error.Code, error.Message));
    }

    [Fact]
    public void An_awsvpc_task_needs_a_network_configuration()
    {
        var error = Refused(OnNetwork(null));

        Assert.Equal(("InvalidParameterException", "Network Configuration must be provided when networkMode 'awsvpc' is specified."), (error.Code, error.Message));
    }

    [Fact]
    public void The_subnet_list_may_not_be_empty()
    {
        var error = Refused(OnNetwork(new { awsvpcConfiguration = new { subnets = Array.Empty<string>() } }));

        Assert.Equal(("InvalidParameterException", "subnets can not be empty."), (error.Code, error.Message));
    }

    [Fact]
    public void A_subnet_id_that_is_not_a_subnet_id_does_not_exist()
    {
        var error = Refused(OnNetwork(new { awsvpcConfiguration = new { subnets = new[] { "my-subnet" } } }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("Error retrieving subnet information for [my-subnet]: The subnet ID 'my-subnet' does not exist (ErrorCode: InvalidSubnetID.NotFound)", error.Message);
    }

    [Fact]
    public void A_security_group_id_that_is_not_a_security_group_id_does_not_exist()
    {
        var error = Refused(OnNetwork(new { awsvpcConfiguration = new { subnets = new[] { TaskTestSupport.Subnet }, securityGroups = new[] { "default" } } }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.StartsWith("Error retrieving security group information for [default]", error.Message);
    }

    [Fact]
    public void Assign_public_ip_must_be_enabled_or_disabled()
    {
        var error = Refused(OnNetwork(new { awsvpcConfiguration = new { subnets = new[] { TaskTestSupport.Subnet }, assignPublicIp = "YES" } }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains("[ENABLED, DISABLED]", error.Message);
    }

    [Fact]
    public void A_public_ip_is_only_for_fargate()
    {
        var error = Refused(Fargate(launchType: "EC2"));

        Assert.Equal(("InvalidParameterException", "Assign public IP is not supported for this launch type."), (error.Code, error.Message));
    }

    [Fact]
    public void A_bridge_task_definition_refuses_a_network_configuration()
    {
        var error = Refused(new { cluster = TaskTestSupport.Cluster, taskDefinition = "legacy", launchType = "EC2", networkConfiguration = TaskTestSupport.Network });

        Assert.Equal("Network Configuration is not valid for the given networkMode of this task definition.", error.Message);
    }

    [Fact]
    public void An_unknown_fargate_platform_version_is_PlatformUnknownException()
    {
        var error = Refused(new { cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", platformVersion = "1.9.9", networkConfiguration = TaskTestSupport.Network });

        Assert.Equal("PlatformUnknownException", error.Code);
        Assert.Contains("1.9.9", error.Message);
    }

    [Fact]
    public void The_ec2_launch_type_fails_because_the_cluster_has_no_container_instances()
    {
        var error = Refused(new { cluster = TaskTestSupport.Cluster, taskDefinition = "legacy", launchType = "EC2" });

        Assert.Equal(("InvalidParameterException", "No Container Instances were found in your cluster."), (error.Code, error.Message));
    }

    [Fact]
    public void Without_a_launch_type_or_capacity_provider_ecs_uses_ec2_and_finds_no_instances()
    {
        var privateNetwork = new { awsvpcConfiguration = new { subnets = new[] { TaskTestSupport.Subnet } } };

        var error = Refused(new { cluster = TaskTestSupport.Cluster, taskDefinition = "web", networkConfiguration = privateNetwork });

        Assert.Equal("No Container Instances were found in your cluster.", error.Message);
    }

    [Fact]
    public void An_override_for_a_container_the_task_definition_lacks_is_refused()
    {
        var error = Refused(Fargate(overrides: new { containerOverrides = new[] { new { name = "api", command = new[] { "echo" } } } }));

        Assert.Equal(("InvalidParameterException", "Override for container named api is not a container in the TaskDefinition."), (error.Code, error.Message));
    }

    [Fact]
    public void Container_overrides_longer_than_8192_characters_are_refused()
    {
        var error = Refused(Fargate(overrides: new { containerOverrides = new[] { new { name = "web", command = new[] { new string('x', 8200) } } } }));

        Assert.Equal(("InvalidParameterException", "Container Overrides length must be at most 8192"), (error.Code, error.Message));
    }

    [Fact]
    public void Started_by_longer_than_128_characters_is_refused()
    {
        var error = Refused(new { cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network, startedBy = new string('a', 129) });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains("startedBy", error.Message);
    }

    [Fact]
    public void Tags_with_the_reserved_aws_prefix_are_refused()
    {
        var error = Refused(new
        {
            cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", networkConfiguration = TaskTestSupport.Network,
            tags = new[] { new { key = "aws:owner", value = "me" } },
        });

        Assert.Equal("InvalidParameterException", error.Code);
    }

    /// <summary>A Fargate RunTask with the tests' network configuration.</summary>
    private static object Fargate(string taskDefinition = "web", string launchType = "FARGATE", object? overrides = null) =>
        OnNetwork(TaskTestSupport.Network, taskDefinition, launchType, overrides);

    /// <summary>A Fargate RunTask with the given network configuration (null: none).</summary>
    private static object OnNetwork(object? network, string taskDefinition = "web", string launchType = "FARGATE", object? overrides = null) => new
    {
        cluster = TaskTestSupport.Cluster,
        taskDefinition,
        launchType,
        networkConfiguration = network,
        overrides,
    };

    /// <summary>Runs a RunTask that must fail, and checks that it left no task behind.</summary>
    private DomainError Refused(object request)
    {
        var error = _world.EcsFails("RunTask", request);
        Assert.Empty(_world.Engine.World.Tasks);
        return error;
    }

    public void Dispose() => _world.Dispose();
}
