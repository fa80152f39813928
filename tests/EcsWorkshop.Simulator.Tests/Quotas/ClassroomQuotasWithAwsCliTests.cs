using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Quotas;
using EcsWorkshop.Simulator.Tests.Elbv2;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Quotas;

/// <summary>
/// A classroom server through the real AWS CLI, each learner signing with their own key pair: quotas count each
/// learner's own account (one learner at a quota leaves the other's untouched), and the room's memory is one budget
/// every learner's tasks draw on.
/// </summary>
public sealed class ClassroomQuotasWithAwsCliTests : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("ecs-workshop-classroom-quota-").FullName;
    private readonly Roster _roster = Roster.Generate(2);
    private SimulatorServer _server = null!;

    private Learner A => _roster.Learners[0];

    private Learner B => _roster.Learners[1];

    private AwsCli Cli(Learner learner) => new(_server.Endpoint, accessKeyId: learner.AccessKeyId, secretAccessKey: learner.SecretAccessKey);

    public async Task InitializeAsync() => _server = await SimulatorServer.StartAsync(new SimulatorOptions
    {
        Port = 0,
        StateDirectory = _state,
        Simulation = SimulationSettings.AtSpeed(20) with
        {
            Quotas = new AccountQuotas { Listeners = 1 },
            RoomMemory = new RoomMemoryBudget(1024),
        },
        TickInterval = TimeSpan.FromMilliseconds(50),
        Classroom = new ClassroomOptions(_roster, "test-host-token-0123456789abcdef0123"),
    });

    [Fact(Timeout = 180_000)]
    public async Task One_learner_at_the_listener_quota_leaves_the_other_learners_quota_untouched()
    {
        var a = Cli(A);
        var b = Cli(B);
        var loadBalancerOfA = (await a.CreateLoadBalancerAsync("lb")).Arn("LoadBalancerArn");
        var groupOfA = (await a.CreateTargetGroupAsync("tg")).Arn("TargetGroupArn");
        await a.CreateListenerAsync(loadBalancerOfA, groupOfA, 8081);

        await a.FailsAsync("TooManyListeners", "elbv2", "create-listener", "--load-balancer-arn", loadBalancerOfA,
            "--protocol", "HTTP", "--port", "8082", "--default-actions", $"Type=forward,TargetGroupArn={groupOfA}");

        var loadBalancerOfB = (await b.CreateLoadBalancerAsync("lb")).Arn("LoadBalancerArn");
        var listenerOfB = await b.CreateListenerAsync(loadBalancerOfB, (await b.CreateTargetGroupAsync("tg")).Arn("TargetGroupArn"), 8081);
        Assert.Contains($":{B.AccountId}:listener/app/lb/", listenerOfB);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_rooms_memory_is_shared_by_every_learners_tasks()
    {
        foreach (var learner in new[] { A, B })
        {
            var cli = Cli(learner);
            (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", "workshop")).Succeeded();
            (await cli.RunAsync("ecs", "register-task-definition", "--family", "web", "--requires-compatibilities", "FARGATE", "--network-mode", "awsvpc",
                "--cpu", "256", "--memory", "512", "--container-definitions", """[{"name":"web","image":"public.ecr.aws/nginx/nginx:latest","essential":true}]""")).Succeeded();
        }

        async Task<System.Text.Json.JsonElement> RunAsync(Learner learner)
        {
            var cli = Cli(learner);
            var subnet = (await cli.DefaultSubnetsAsync())[0];
            return (await cli.RunAsync("ecs", "run-task", "--cluster", "workshop", "--task-definition", "web", "--launch-type", "FARGATE",
                "--network-configuration", $"awsvpcConfiguration={{subnets=[{subnet}]}}")).Succeeded().Json;
        }

        Assert.Equal(1, (await RunAsync(A)).GetProperty("tasks").GetArrayLength());
        Assert.Equal(1, (await RunAsync(B)).GetProperty("tasks").GetArrayLength());

        foreach (var learner in new[] { A, B })
        {
            var refused = await RunAsync(learner);
            Assert.Equal(0, refused.GetProperty("tasks").GetArrayLength());
            Assert.Equal("Capacity is unavailable at this time. Please try again later or in a different availability zone",
                refused.GetProperty("failures")[0].GetProperty("reason").GetString());
        }
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }
}
