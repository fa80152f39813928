using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

public sealed class CreateServiceTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void A_new_service_starts_its_desired_tasks_and_reaches_a_steady_state()
    {
        var definition = Prepare(_world);

        var created = _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 2)).GetProperty("service");
        Assert.Equal(0, created.Int("runningCount"));
        Assert.Empty(created.Messages());

        _world.AdvanceUntil(w => _world.Describe("web").Int("runningCount") == 2, Patience);
        _world.AdvanceUntilSteady("web");

        var service = _world.Describe("web");
        var messages = service.Messages();
        var started = Assert.Single(messages, m => m.StartsWith("(service web) has started", StringComparison.Ordinal));
        var taskIds = _world.TasksOf("web").Select(t => t.Id).ToList();
        Assert.Equal($"(service web) has started 2 tasks: (task {taskIds[0]}) (task {taskIds[1]}).".Length, started.Length);
        Assert.All(taskIds, id => Assert.Contains($"(task {id})", started));
        Assert.Equal("(service web) has reached a steady state.", messages[0]);
        var deployment = Assert.Single(service.GetProperty("deployments").EnumerateArray());
        Assert.Equal($"(service web) (deployment {deployment.Str("id")}) deployment completed.", messages[1]);
        Assert.Equal("COMPLETED", deployment.Str("rolloutState"));
        Assert.Equal($"ECS deployment {deployment.Str("id")} completed.", deployment.Str("rolloutStateReason"));
        Assert.Equal(2, deployment.Int("runningCount"));
        Assert.Equal(0, service.Int("pendingCount"));
    }

    [Fact]
    public void Service_tasks_belong_to_the_deployment_and_the_service()
    {
        var definition = Prepare(_world);
        var created = _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 1)).GetProperty("service");
        var deploymentId = created.GetProperty("deployments")[0].Str("id");

        _world.AdvanceUntilSteady("web");

        Assert.Matches(new Regex("^ecs-svc/[0-9]{19}$"), deploymentId);
        var task = Assert.Single(_world.TasksOf("web"));
        Assert.Equal("service:web", task.Group);
        Assert.Equal(deploymentId, task.StartedBy);
        Assert.Equal(_world.Arns.Service("workshop", "web"), task.ServiceArn);
        Assert.Equal(LaunchType.Fargate, task.LaunchType);
        Assert.Equal("1.4.0", task.PlatformVersion);
        Assert.Equal(definition.Arn, task.TaskDefinitionArn);
        Assert.Equal(EcsTaskStatus.Running, task.LastStatus);
    }

    [Fact]
    public void The_created_service_is_described_with_everything_ECS_returns()
    {
        var definition = Prepare(_world);

        var service = _world.Ecs("CreateService", FargateService("web", definition, desiredCount: 1)).GetProperty("service");

        Assert.Equal("arn:aws:ecs:ap-northeast-1:123456789012:service/workshop/web", service.Str("serviceArn"));
        Assert.Equal("web", service.Str("serviceName"));
        Assert.Equal("arn:aws:ecs:ap-northeast-1:123456789012:cluster/workshop", service.Str("clusterArn"));
        Assert.Equal("ACTIVE", service.Str("status"));
        Assert.Equal(1, service.Int("desiredCount"));
        Assert.Equal(0, service.Int("pendingCount"));
        Assert.Equal("FARGATE", service.Str("launchType"));
        Assert.Equal("LATEST", service.Str("platformVersion"));
        Assert.Equal("Linux", service.Str("platformFamily"));
        Assert.Equal(definition.Arn, service.Str("taskDefinition"));
        var configuration = service.GetProperty("deploymentConfiguration");
        Assert.Equal(200, configuration.Int("maximumPercent"));
        Assert.Equal(100, configuration.Int("minimumHealthyPercent"));
        Assert.False(configuration.GetProperty("deploymentCircuitBreaker").GetProperty("enable").GetBoolean());
        Assert.Equal("ECS", service.GetProperty("deploymentController").Str("type"));
        Assert.Equal("REPLICA", service.Str("schedulingStrategy"));
        Assert.Equal("NONE", service.Str("propagateTags"));
        Assert.False(service.GetProperty("enableECSManagedTags").GetBoolean());
        Assert.False(service.GetProperty("enableExecuteCommand").GetBoolean());
        Assert.Equal(0, service.Int("healthCheckGracePeriodSeconds"));
        Assert.Empty(service.GetProperty("placementConstraints").EnumerateArray());
        Assert.Empty(service.GetProperty("placementStrategy").EnumerateArray());
        Assert.Empty(service.GetProperty("loadBalancers").EnumerateArray());
        Assert.Equal("arn:aws:iam::123456789012:root", service.Str("createdBy"));
        Assert.EndsWith(":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS", service.Str("roleArn"));
        Assert.True(service.GetProperty("createdAt").GetDouble() > 0);
        var vpc = service.GetProperty("networkConfiguration").GetProperty("awsvpcConfiguration");
        Assert.Equal(Subnet, vpc.GetProperty("subnets")[0].GetString());
        Assert.Equal(SecurityGroup, vpc.GetProperty("securityGroups")[0].GetString());
        Assert.Equal("ENABLED", vpc.Str("assignPublicIp"));

        var deployment = Assert.Single(service.GetProperty("deployments").EnumerateArray());
        Assert.Equal("PRIMARY", deployment.Str("status"));
        Assert.Equal(definition.Arn, deployment.Str("taskDefinition"));
        Assert.Equal(1, deployment.Int("desiredCount"));
        Assert.Equal(0, deployment.Int("failedTasks"));
        Assert.Equal("FARGATE", deployment.Str("launchType"));
        Assert.Equal("1.4.0", deployment.Str("platformVersion"));
        Assert.Equal("Linux", deployment.Str("platformFamily"));
        Assert.Equal("IN_PROGRESS", deployment.Str("rolloutState"));
        Assert.Equal($"ECS deployment {deployment.Str("id")} in progress.", deployment.Str("rolloutStateReason"));
        Assert.Equal(Subnet, deployment.GetProperty("networkConfiguration").GetProperty("awsvpcConfiguration").GetProperty("subnets")[0].GetString());
    }

    [Fact]
    public void The_steady_state_is_reported_once_and_again_after_six_hours()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition));
        _world.AdvanceUntilSteady("web");

        _world.Advance(TimeSpan.FromMinutes(30));
        Assert.Single(_world.Describe("web").Messages(), m => m.EndsWith("has reached a steady state.", StringComparison.Ordinal));

        _world.Advance(TimeSpan.FromHours(6), tick: TimeSpan.FromMinutes(1));
        Assert.Equal(2, _world.Describe("web").Messages().Count(m => m.EndsWith("has reached a steady state.", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_scheduler_tick_with_nothing_to_do_writes_nothing()
    {
        var definition = Prepare(_world);
        _world.Ecs("CreateService", FargateService("web", definition));
        _world.AdvanceUntilSteady("web");
        var before = _world.Engine.World;

        _world.Clock.Advance(TimeSpan.FromSeconds(1));
        var changes = _world.Engine.Advance();

        Assert.Equal(0, changes);
        Assert.Same(before.Services, _world.Engine.World.Services);
    }

    [Fact]
    public void Tags_propagate_from_the_service_and_ECS_adds_its_managed_tags()
    {
        var definition = Prepare(_world);
        var request = FargateService("web", definition);
        request["tags"] = new[] { new { key = "team", value = "platform" } };
        request["propagateTags"] = "SERVICE";
        request["enableECSManagedTags"] = true;

        _world.Ecs("CreateService", request);
        _world.AdvanceUntil(w => _world.TasksOf("web").Count == 1, Patience);

        var tags = Assert.Single(_world.TasksOf("web")).Tags;
        Assert.Contains(new Tag("team", "platform"), tags);
        Assert.Contains(new Tag("aws:ecs:serviceName", "web"), tags);
        Assert.Contains(new Tag("aws:ecs:clusterName", "workshop"), tags);
        Assert.Equal("platform", _world.Describe("web").GetProperty("tags")[0].Str("value"));
    }

    [Fact]
    public void Tags_propagate_from_the_task_definition_when_asked()
    {
        _world.Ecs("CreateCluster", new { clusterName = "workshop" });
        var definition = ServiceTestTaskDefinitions.PutTaggedFargate(_world.Engine, _world.Arns, "api", new Tag("app", "api"));
        var request = FargateService("api", definition);
        request["propagateTags"] = "TASK_DEFINITION";

        _world.Ecs("CreateService", request);
        _world.AdvanceUntil(w => _world.TasksOf("api").Count == 1, Patience);

        Assert.Equal(new Tag("app", "api"), Assert.Single(_world.TasksOf("api")[0].Tags));
    }

    [Fact]
    public void Retrying_a_create_with_the_same_client_token_returns_the_same_service()
    {
        var definition = Prepare(_world);
        var request = FargateService("web", definition);
        request["clientToken"] = "retry-1";

        var first = _world.Ecs("CreateService", request).GetProperty("service");
        var second = _world.Ecs("CreateService", request).GetProperty("service");

        Assert.Equal(first.Str("serviceArn"), second.Str("serviceArn"));
        Assert.Equal(first.GetProperty("deployments")[0].Str("id"), second.GetProperty("deployments")[0].Str("id"));
        Assert.Single(_world.Engine.World.Services);
    }

    [Fact]
    public void A_service_can_start_on_the_cluster_default_capacity_provider_strategy()
    {
        _world.Ecs("CreateCluster", new
        {
            clusterName = "workshop",
            capacityProviders = new[] { "FARGATE", "FARGATE_SPOT" },
            defaultCapacityProviderStrategy = new[] { new { capacityProvider = "FARGATE_SPOT", weight = 1 } },
        });
        var definition = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns);
        var request = FargateService("web", definition, desiredCount: 2);
        request.Remove("launchType");

        var service = _world.Ecs("CreateService", request).GetProperty("service");
        _world.AdvanceUntil(w => _world.TasksOf("web").Count == 2, Patience);

        Assert.False(service.TryGetProperty("launchType", out _));
        Assert.Equal("FARGATE_SPOT", service.GetProperty("capacityProviderStrategy")[0].Str("capacityProvider"));
        Assert.All(_world.TasksOf("web"), t => Assert.Equal("FARGATE_SPOT", t.CapacityProviderName));
        Assert.All(_world.TasksOf("web"), t => Assert.Equal(LaunchType.Fargate, t.LaunchType));
    }

    [Fact]
    public void The_service_remembers_the_request_it_was_created_with()
    {
        var definition = Prepare(_world);

        _world.Ecs("CreateService", FargateService("web", definition));

        var service = _world.Service("web");
        Assert.Equal(ServiceStatus.Active, service.Status);
        Assert.NotNull(service.RequestFingerprint);
    }

    public void Dispose() => _world.Dispose();
}
