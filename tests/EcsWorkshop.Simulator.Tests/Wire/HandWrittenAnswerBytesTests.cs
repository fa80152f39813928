using System.Text.Json;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Wire;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Wire;

/// <summary>
/// Real answers of a simulated world — services with a load balancer, a capacity provider strategy, tags in
/// Japanese and with characters that need escaping, a rolling update in flight, events, missing names; tasks
/// running and stopped, with overrides — written by the hand-written writers are the general serializer's bytes.
/// </summary>
public sealed class HandWrittenAnswerBytesTests : IDisposable
{
    // Tags allow letters, digits, spaces and + - = . _ : / @ (TagRules): non-ASCII, '+' and U+2028 are escaped by the encoder.
    private const string EscapedTagValue = "開発 チーム+運用=a/b@c:d\u3000\u2028";

    private readonly SimulatedWorld _world = new();
    private readonly AwsJsonService _ecs;
    private readonly TaskDefinition _definition;

    public HandWrittenAnswerBytesTests()
    {
        _ecs = new EcsApi(_world.Engine).CreateService();
        _world.Ecs("CreateCluster", new { clusterName = "workshop", capacityProviders = new[] { "FARGATE", "FARGATE_SPOT" } });
        _definition = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns, "web", ("GREETING", "こんにちは <世界> & \"quotes\""));
    }

    [Fact]
    public void DescribeServices_of_services_in_every_state_is_the_serializers_bytes()
    {
        CreateServices();
        using var created = Compare("DescribeServices", new { cluster = "workshop", services = new[] { "web", "spot", "idle", "missing" }, include = new[] { "TAGS" } });

        _world.Advance(TimeSpan.FromMilliseconds(1_250));
        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", desiredCount = 3, forceNewDeployment = true });
        _world.Advance(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(375));
        using var rolling = Compare("DescribeServices", new { cluster = "workshop", services = new[] { "web", "spot", "idle" }, include = new[] { "TAGS" } });
        Assert.Equal(2, rolling.RootElement.GetProperty("services")[0].GetProperty("deployments").GetArrayLength());

        _world.AdvanceUntilSteady("web");
        using var steady = Compare("DescribeServices", new { cluster = "workshop", services = new[] { "web", "spot", "idle", "gone" } });
        Assert.False(steady.RootElement.GetProperty("services")[0].TryGetProperty("tags", out _));
        Assert.Equal("MISSING", steady.RootElement.GetProperty("failures")[0].Str("reason"));
    }

    [Fact]
    public void The_services_answer_covers_what_the_comparison_claims()
    {
        CreateServices();

        using var answer = Compare("DescribeServices", new { cluster = "workshop", services = new[] { "web", "spot" }, include = new[] { "TAGS" } });

        var web = answer.RootElement.GetProperty("services")[0];
        Assert.Equal(EscapedTagValue, web.GetProperty("tags")[0].Str("value"));
        Assert.Equal(80, web.GetProperty("loadBalancers")[0].Int("containerPort"));
        Assert.NotEmpty(web.GetProperty("events").EnumerateArray());
        Assert.Equal(2, answer.RootElement.GetProperty("services")[1].GetProperty("capacityProviderStrategy").GetArrayLength());
        Assert.Contains(".125", answer.RootElement.GetProperty("services")[1].GetProperty("createdAt").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeTasks_and_ListTasks_of_running_and_stopped_tasks_are_the_serializers_bytes()
    {
        CreateServices();
        _world.Advance(TimeSpan.FromMilliseconds(125));
        var run = _world.Ecs("RunTask", new
        {
            cluster = "workshop", taskDefinition = "web", launchType = "FARGATE", networkConfiguration = Network(),
            tags = new[] { new { key = "目的", value = EscapedTagValue } },
            overrides = new
            {
                containerOverrides = new[]
                {
                    new { name = "web", command = new[] { "nginx", "-g", "daemon off;" }, environment = new[] { new { name = "挨拶", value = "やあ\u2028" } }, memory = 256 },
                },
                cpu = "512",
                memory = "1024",
            },
        });
        var oneOff = run.GetProperty("tasks")[0].Str("taskArn");
        _world.Advance(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250));
        _world.Ecs("StopTask", new { cluster = "workshop", task = oneOff, reason = "止めます: \"テスト\" <終わり>" });
        _world.Advance(TimeSpan.FromSeconds(40));

        var running = _world.Ecs("ListTasks", new { cluster = "workshop" }).GetProperty("taskArns").EnumerateArray().Select(a => a.GetString()!).ToList();
        Compare("ListTasks", new { cluster = "workshop", maxResults = 2 }).Dispose();
        Compare("ListTasks", new { cluster = "workshop", desiredStatus = "STOPPED" }).Dispose();
        Compare("ListTasks", new { cluster = "workshop", serviceName = "idle" }).Dispose();
        using var described = Compare("DescribeTasks", new { cluster = "workshop", tasks = running.Append(oneOff).Append("0123456789abcdef0123456789abcdef"), include = new[] { "TAGS" } });
        Compare("DescribeTasks", new { cluster = "workshop", tasks = running }).Dispose();

        var stopped = described.RootElement.GetProperty("tasks").EnumerateArray().Single(t => t.Str("taskArn") == oneOff);
        Assert.Equal("STOPPED", stopped.Str("lastStatus"));
        Assert.Equal("daemon off;", stopped.GetProperty("overrides").GetProperty("containerOverrides")[0].GetProperty("command")[2].GetString());
        Assert.Single(described.RootElement.GetProperty("failures").EnumerateArray());
    }

    private void CreateServices()
    {
        var targetGroup = _world.CreateTargetGroup();
        var web = FargateService("web", _definition, desiredCount: 2);
        web["loadBalancers"] = new[] { new { targetGroupArn = targetGroup, containerName = "web", containerPort = 80 } };
        web["tags"] = new[] { new { key = "チーム", value = EscapedTagValue }, new { key = "env", value = "" } };
        web["deploymentConfiguration"] = new { deploymentCircuitBreaker = new { enable = true, rollback = true }, maximumPercent = 200, minimumHealthyPercent = 50 };
        web["enableExecuteCommand"] = true;
        web["enableECSManagedTags"] = true;
        web["propagateTags"] = "SERVICE";
        web["healthCheckGracePeriodSeconds"] = 30;
        _world.Ecs("CreateService", web);

        _world.Advance(TimeSpan.FromMilliseconds(125));
        var spot = FargateService("spot", _definition, desiredCount: 2);
        spot.Remove("launchType");
        spot["capacityProviderStrategy"] = new object[] { new { capacityProvider = "FARGATE", weight = 1, @base = 1 }, new { capacityProvider = "FARGATE_SPOT", weight = 3 } };
        _world.Ecs("CreateService", spot);

        var idle = FargateService("idle", _definition, desiredCount: 0);
        idle["networkConfiguration"] = Network(assignPublicIp: "DISABLED");
        _world.Ecs("CreateService", idle);

        _world.AdvanceUntilSteady("spot");
        _world.AdvanceUntilSteady("web");
    }

    /// <summary>Calls the operation and asserts its answer is written by hand, with the serializer's bytes; returns the answer.</summary>
    private JsonDocument Compare(string operation, object request)
    {
        var answer = _ecs.InvokeAsync(operation, RequestContext.For(SimulatedWorld.Region), JsonSerializer.SerializeToElement(request)).GetAwaiter().GetResult();
        Assert.Contains(answer.GetType(), _ecs.HandWrittenAnswers);
        var handWritten = AnswerBytes.AsAnswered(_ecs, answer);
        Assert.Equal(AnswerBytes.AsSerialized(_ecs, answer), handWritten);
        return JsonDocument.Parse(handWritten);
    }

    public void Dispose() => _world.Dispose();
}
