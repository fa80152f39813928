using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class FargateValidationTests : IDisposable
{
    private const string ExecutionRole = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";

    private readonly SimulatedWorld _world = new();

    [Theory]
    [InlineData("bridge")]
    [InlineData("host")]
    [InlineData(null)]
    public void Fargate_only_supports_awsvpc(string? networkMode)
    {
        var request = TaskDefinitionSamples.Fargate();
        if (networkMode is null) request.Remove("networkMode");
        else request["networkMode"] = networkMode;

        AssertRefused(request, "Fargate only supports network mode ‘awsvpc’.");
    }

    [Fact]
    public void Fargate_requires_task_level_cpu()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Remove("cpu");

        AssertRefused(request, "Fargate requires that 'cpu' be defined at the task level.");
    }

    [Fact]
    public void Fargate_requires_task_level_memory()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Remove("memory");

        AssertRefused(request, "Fargate requires that 'memory' be defined at the task level.");
    }

    [Fact]
    public void Fargate_needs_an_execution_role_for_the_awslogs_driver()
    {
        var request = WithAwsLogs(TaskDefinitionSamples.Fargate());

        AssertRefused(request, "Fargate requires task definition to have execution role ARN to support log driver awslogs.");
    }

    [Fact]
    public void Fargate_needs_an_awslogs_stream_prefix()
    {
        var request = WithAwsLogs(TaskDefinitionSamples.Fargate());
        request["executionRoleArn"] = ExecutionRole;
        request.Web()["logConfiguration"]!["options"]!.AsObject().Remove("awslogs-stream-prefix");

        AssertRefused(request, "Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs.");
    }

    [Fact]
    public void Fargate_accepts_awslogs_with_an_execution_role_and_a_stream_prefix()
    {
        var request = WithAwsLogs(TaskDefinitionSamples.Fargate());
        request["executionRoleArn"] = ExecutionRole;

        var registered = _world.Register(request);

        Assert.Equal("ecs", registered.GetProperty("containerDefinitions")[0].GetProperty("logConfiguration").GetProperty("options").GetProperty("awslogs-stream-prefix").GetString());
    }

    [Fact]
    public void Fargate_needs_an_execution_role_to_pull_private_ECR_images()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Web()["image"] = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/sample-app:1.0";

        AssertRefused(request, "Fargate requires task definition to have execution role ARN to support ECR images.");
    }

    [Fact]
    public void Public_images_need_no_execution_role()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Web()["image"] = "public.ecr.aws/docker/library/httpd:latest";

        Assert.Equal(1, _world.Register(request).GetProperty("revision").GetInt32());
    }

    [Fact]
    public void Fargate_does_not_support_ipc_mode()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["ipcMode"] = "task";

        AssertRefused(request, "Tasks using the Fargate launch type do not support ipcMode.");
    }

    [Fact]
    public void Fargate_does_not_support_host_pid_mode()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["pidMode"] = "host";

        AssertRefused(request, "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.");
    }

    [Fact]
    public void Fargate_accepts_task_pid_mode()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["pidMode"] = "task";

        Assert.Equal("task", _world.Register(request).GetProperty("pidMode").GetString());
    }

    [Fact]
    public void Fargate_does_not_support_privileged_containers()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Web()["privileged"] = true;

        var error = _world.RegisterFails(request);

        Assert.Equal("ClientException", error.Code);
        Assert.Contains("privileged", error.Message);
    }

    [Fact]
    public void Fargate_does_not_support_the_json_file_log_driver()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Web()["logConfiguration"] = new JsonObject { ["logDriver"] = "json-file" };

        var error = _world.RegisterFails(request);

        Assert.Equal("ClientException", error.Code);
        Assert.Contains("json-file", error.Message);
    }

    [Fact]
    public void The_same_definitions_register_for_EC2_without_Fargate_compatibility()
    {
        var request = WithAwsLogs(TaskDefinitionSamples.Fargate());
        request["requiresCompatibilities"] = new JsonArray("EC2");
        request["ipcMode"] = "host";

        var registered = _world.Register(request);

        Assert.Equal(["EC2"], registered.GetProperty("compatibilities").Strings());
    }

    private static JsonObject WithAwsLogs(JsonObject request)
    {
        request.Web()["logConfiguration"] = new JsonObject
        {
            ["logDriver"] = "awslogs",
            ["options"] = new JsonObject
            {
                ["awslogs-group"] = "/ecs/sample-fargate",
                ["awslogs-region"] = "ap-northeast-1",
                ["awslogs-stream-prefix"] = "ecs",
            },
        };
        return request;
    }

    private void AssertRefused(JsonObject request, string message)
    {
        var error = _world.RegisterFails(request);

        Assert.Equal("ClientException", error.Code);
        Assert.Equal(message, error.Message);
        Assert.Empty(_world.Engine.World.TaskDefinitions);
    }

    public void Dispose() => _world.Dispose();
}
