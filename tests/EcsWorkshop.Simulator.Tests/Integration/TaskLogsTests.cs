using System.Text.Json;
using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Tests.Support;
using EcsWorkshop.Simulator.Tests.TaskDefinitions;

namespace EcsWorkshop.Simulator.Tests.Integration;

/// <summary>The awslogs driver: tasks write what happened to their containers into CloudWatch Logs.</summary>
public sealed class TaskLogsTests : IDisposable
{
    private readonly SimulatedWorld _world = SimulatedWorld.WithEcrAndLogs();

    private string RunWithLogs(bool createGroup)
    {
        var request = TaskDefinitionSamples.Fargate("logged");
        request["executionRoleArn"] = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
        var options = new JsonObject { ["awslogs-group"] = "/ecs/logged", ["awslogs-region"] = SimulatedWorld.Region, ["awslogs-stream-prefix"] = "ecs" };
        if (createGroup) options["awslogs-create-group"] = "true";
        request.Web()["logConfiguration"] = new JsonObject { ["logDriver"] = "awslogs", ["options"] = options };
        _world.Register(request);
        _world.Ecs("CreateCluster", new { clusterName = TaskTestSupport.Cluster });
        return _world.RunFargateTask("logged");
    }

    private List<string> Messages(string stream) =>
        [.. _world.Logs("GetLogEvents", new { logGroupName = "/ecs/logged", logStreamName = stream, startFromHead = true })
            .GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!)];

    [Fact]
    public void A_task_writes_its_container_start_stop_and_exit_to_prefix_container_task_id()
    {
        _world.Logs("CreateLogGroup", new { logGroupName = "/ecs/logged" });
        var task = RunWithLogs(createGroup: false);
        _world.Advance(TimeSpan.FromMinutes(1));
        _world.Ecs("StopTask", new { cluster = TaskTestSupport.Cluster, task, reason = "done for today" });
        _world.Advance(TimeSpan.FromMinutes(1));

        var messages = Messages($"ecs/web/{task[(task.LastIndexOf('/') + 1)..]}");

        Assert.Equal(3, messages.Count);
        Assert.StartsWith("[ecs-workshop] Container web started from image public.ecr.aws/nginx/nginx:latest", messages[0]);
        Assert.Equal("[ecs-workshop] Received SIGTERM: done for today", messages[1]);
        Assert.Equal("[ecs-workshop] Container web exited with code 0.", messages[2]);
    }

    [Fact]
    public void Log_events_carry_the_times_the_task_changed()
    {
        _world.Logs("CreateLogGroup", new { logGroupName = "/ecs/logged" });
        var task = RunWithLogs(createGroup: false);
        _world.Advance(TimeSpan.FromMinutes(1));

        var started = _world.DescribeTask(task).GetProperty("startedAt").GetDouble();
        var logged = _world.Logs("GetLogEvents", new { logGroupName = "/ecs/logged", logStreamName = $"ecs/web/{task[(task.LastIndexOf('/') + 1)..]}", startFromHead = true })
            .GetProperty("events")[0].GetProperty("timestamp").GetInt64();

        Assert.Equal((long)Math.Round(started * 1000), logged);
    }

    [Fact]
    public void A_missing_log_group_stops_the_task_with_ResourceInitializationError()
    {
        var task = RunWithLogs(createGroup: false);

        _world.Advance(TimeSpan.FromMinutes(1));

        var described = _world.DescribeTask(task);
        Assert.Equal("STOPPED", described.GetProperty("lastStatus").GetString());
        Assert.Equal("TaskFailedToStart", described.GetProperty("stopCode").GetString());
        Assert.StartsWith("ResourceInitializationError: failed to validate logger args:", described.GetProperty("stoppedReason").GetString());
        Assert.Contains("The specified log group does not exist.", described.GetProperty("stoppedReason").GetString());
    }

    [Fact]
    public void Awslogs_create_group_creates_the_group_on_first_use()
    {
        var task = RunWithLogs(createGroup: true);

        _world.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("RUNNING", _world.LastStatus(task));
        var groups = _world.Logs("DescribeLogGroups", new { logGroupNamePrefix = "/ecs/" }).GetProperty("logGroups");
        Assert.Equal("/ecs/logged", groups[0].GetProperty("logGroupName").GetString());
        Assert.Single(Messages($"ecs/web/{task[(task.LastIndexOf('/') + 1)..]}"));
    }

    [Fact]
    public void A_simulated_crash_logs_the_exit_code()
    {
        _world.Logs("CreateLogGroup", new { logGroupName = "/ecs/logged" });
        var task = RunWithLogsAndCrash();

        _world.Advance(TimeSpan.FromMinutes(2));

        var messages = Messages($"ecs/web/{task[(task.LastIndexOf('/') + 1)..]}");
        Assert.Equal("[ecs-workshop] Container web exited with code 3.", messages[^1]);
        Assert.DoesNotContain(messages, m => m.Contains("SIGTERM", StringComparison.Ordinal));
    }

    private string RunWithLogsAndCrash()
    {
        var request = TaskDefinitionSamples.Fargate("logged");
        request["executionRoleArn"] = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
        request.Web()["logConfiguration"] = new JsonObject
        {
            ["logDriver"] = "awslogs",
            ["options"] = new JsonObject { ["awslogs-group"] = "/ecs/logged", ["awslogs-region"] = SimulatedWorld.Region, ["awslogs-stream-prefix"] = "ecs" },
        };
        request.Web()["environment"] = new JsonArray(
            new JsonObject { ["name"] = "WORKSHOP_SIMULATE_EXIT_CODE", ["value"] = "3" },
            new JsonObject { ["name"] = "WORKSHOP_SIMULATE_EXIT_AFTER", ["value"] = "10" });
        _world.Register(request);
        _world.Ecs("CreateCluster", new { clusterName = TaskTestSupport.Cluster });
        return _world.RunFargateTask("logged");
    }

    public void Dispose() => _world.Dispose();
}
