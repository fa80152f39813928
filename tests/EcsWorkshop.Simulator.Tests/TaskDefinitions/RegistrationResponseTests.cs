using System.Text.Json;
using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class RegistrationResponseTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void Registration_echoes_the_input_with_arn_revision_status_and_who_registered_it_when()
    {
        var registered = _world.Register(TaskDefinitionSamples.Fargate());

        Assert.Equal(TaskDefinitionSamples.Arn("sample-fargate", 1), registered.GetProperty("taskDefinitionArn").GetString());
        Assert.Equal("sample-fargate", registered.GetProperty("family").GetString());
        Assert.Equal(1, registered.GetProperty("revision").GetInt32());
        Assert.Equal("ACTIVE", registered.GetProperty("status").GetString());
        Assert.Equal("awsvpc", registered.GetProperty("networkMode").GetString());
        Assert.Equal(["FARGATE"], registered.GetProperty("requiresCompatibilities").Strings());
        Assert.Equal("256", registered.GetProperty("cpu").GetString());
        Assert.Equal("512", registered.GetProperty("memory").GetString());
        Assert.Equal("arn:aws:iam::123456789012:root", registered.GetProperty("registeredBy").GetString());
        Assert.Equal(_world.Clock.GetUtcNow().ToUnixTimeSeconds(), registered.GetProperty("registeredAt").GetDouble());
        Assert.False(registered.TryGetProperty("deregisteredAt", out _));
    }

    [Fact]
    public void Container_defaults_are_filled_in_as_ECS_returns_them()
    {
        var web = _world.Register(TaskDefinitionSamples.Fargate()).GetProperty("containerDefinitions")[0];

        Assert.Equal(0, web.GetProperty("cpu").GetInt32());
        Assert.True(web.GetProperty("essential").GetBoolean());
        Assert.Empty(web.GetProperty("environment").EnumerateArray());
        Assert.Empty(web.GetProperty("mountPoints").EnumerateArray());
        Assert.Empty(web.GetProperty("volumesFrom").EnumerateArray());
        Assert.False(web.TryGetProperty("command", out _));
        Assert.False(web.TryGetProperty("memory", out _));
    }

    [Fact]
    public void Task_level_volumes_and_placement_constraints_default_to_empty_lists()
    {
        var registered = _world.Register(TaskDefinitionSamples.Fargate());

        Assert.Empty(registered.GetProperty("volumes").EnumerateArray());
        Assert.Empty(registered.GetProperty("placementConstraints").EnumerateArray());
    }

    [Fact]
    public void With_awsvpc_the_host_port_defaults_to_the_container_port_over_tcp()
    {
        var mapping = _world.Register(TaskDefinitionSamples.Fargate()).GetProperty("containerDefinitions")[0].GetProperty("portMappings")[0];

        Assert.Equal(80, mapping.GetProperty("containerPort").GetInt32());
        Assert.Equal(80, mapping.GetProperty("hostPort").GetInt32());
        Assert.Equal("tcp", mapping.GetProperty("protocol").GetString());
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("bridge", 0)]
    [InlineData("host", 80)]
    public void Without_awsvpc_the_host_port_is_dynamic_in_bridge_mode_and_the_container_port_in_host_mode(string? networkMode, int hostPort)
    {
        var request = TaskDefinitionSamples.Ec2();
        if (networkMode is not null) request["networkMode"] = networkMode;

        var mapping = _world.Register(request).GetProperty("containerDefinitions")[0].GetProperty("portMappings")[0];

        Assert.Equal(hostPort, mapping.GetProperty("hostPort").GetInt32());
    }

    [Fact]
    public void Members_the_simulator_does_not_model_are_given_back_unchanged()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["volumes"] = new JsonArray(new JsonObject { ["name"] = "scratch" });
        request["enableFaultInjection"] = false;
        request.Web()["linuxParameters"] = new JsonObject { ["initProcessEnabled"] = true };
        request.Web()["dockerLabels"] = new JsonObject { ["team"] = "workshop" };
        request.Web()["mountPoints"] = new JsonArray(new JsonObject { ["sourceVolume"] = "scratch", ["containerPath"] = "/scratch" });
        request.Web()["stopTimeout"] = 10;

        var registered = _world.Register(request);
        var web = registered.GetProperty("containerDefinitions")[0];

        Assert.Equal("scratch", registered.GetProperty("volumes")[0].GetProperty("name").GetString());
        Assert.False(registered.GetProperty("enableFaultInjection").GetBoolean());
        Assert.True(web.GetProperty("linuxParameters").GetProperty("initProcessEnabled").GetBoolean());
        Assert.Equal("workshop", web.GetProperty("dockerLabels").GetProperty("team").GetString());
        Assert.Equal("/scratch", web.GetProperty("mountPoints")[0].GetProperty("containerPath").GetString());
        Assert.Equal(10, web.GetProperty("stopTimeout").GetInt32());
    }

    [Fact]
    public void Members_ECS_computes_are_never_taken_from_the_request()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["revision"] = 99;
        request["status"] = "INACTIVE";

        var registered = _world.Register(request);

        Assert.Equal(1, registered.GetProperty("revision").GetInt32());
        Assert.Equal("ACTIVE", registered.GetProperty("status").GetString());
    }

    [Fact]
    public void A_valid_awsvpc_task_definition_with_a_task_size_is_compatible_with_EC2_and_Fargate()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Remove("requiresCompatibilities");

        Assert.Equal(["EC2", "FARGATE"], _world.Register(request).GetProperty("compatibilities").Strings());
    }

    [Fact]
    public void A_bridge_task_definition_is_compatible_with_External_and_EC2()
    {
        Assert.Equal(["EXTERNAL", "EC2"], _world.Register(TaskDefinitionSamples.Ec2()).GetProperty("compatibilities").Strings());
    }

    [Fact]
    public void An_awsvpc_task_definition_without_a_task_size_is_compatible_with_EC2_only()
    {
        var request = TaskDefinitionSamples.Ec2();
        request["networkMode"] = "awsvpc";

        Assert.Equal(["EC2"], _world.Register(request).GetProperty("compatibilities").Strings());
    }

    [Fact]
    public void An_EC2_task_definition_that_Fargate_could_not_run_does_not_claim_Fargate()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["requiresCompatibilities"] = new JsonArray("EC2");
        request.Web()["privileged"] = true;

        Assert.Equal(["EC2"], _world.Register(request).GetProperty("compatibilities").Strings());
    }

    [Fact]
    public void Required_attributes_name_the_agent_capabilities_the_definition_uses()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["executionRoleArn"] = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
        request.Web()["logConfiguration"] = new JsonObject
        {
            ["logDriver"] = "awslogs",
            ["options"] = new JsonObject { ["awslogs-group"] = "/ecs/sample", ["awslogs-region"] = "ap-northeast-1", ["awslogs-stream-prefix"] = "ecs" },
        };

        var attributes = _world.Register(request).GetProperty("requiresAttributes").EnumerateArray()
            .Select(a => a.GetProperty("name").GetString()).ToList();

        Assert.Contains("ecs.capability.task-eni", attributes);
        Assert.Contains("com.amazonaws.ecs.capability.logging-driver.awslogs", attributes);
        Assert.Contains("ecs.capability.execution-role-awslogs", attributes);
    }

    [Fact]
    public void Tags_are_kept_and_returned_beside_the_task_definition()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["tags"] = new JsonArray(new JsonObject { ["key"] = "env", ["value"] = "dev" });

        var response = _world.Ecs("RegisterTaskDefinition", request);

        var tag = response.GetProperty("tags")[0];
        Assert.Equal("env", tag.GetProperty("key").GetString());
        Assert.Equal("dev", tag.GetProperty("value").GetString());
        Assert.Equal("dev", _world.Engine.World.TaskDefinitions.Values.Single().Tags.Single().Value);
    }

    [Fact]
    public void Health_checks_get_ECS_default_timings()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Web()["healthCheck"] = new JsonObject { ["command"] = new JsonArray("CMD-SHELL", "curl -f http://localhost/ || exit 1") };

        var check = _world.Register(request).GetProperty("containerDefinitions")[0].GetProperty("healthCheck");

        Assert.Equal(30, check.GetProperty("interval").GetInt32());
        Assert.Equal(5, check.GetProperty("timeout").GetInt32());
        Assert.Equal(3, check.GetProperty("retries").GetInt32());
    }

    public void Dispose() => _world.Dispose();
}
