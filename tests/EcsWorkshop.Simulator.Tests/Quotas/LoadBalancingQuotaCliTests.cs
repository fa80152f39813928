using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Quotas;
using EcsWorkshop.Simulator.Tests.Elbv2;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Quotas;

/// <summary>
/// A learner's load balancer, target group and listener quotas, as the real AWS CLI meets them: ELBv2's
/// <c>TooMany…</c> errors (HTTP 400, the Query XML envelope), and nothing created.
/// </summary>
public sealed class LoadBalancingQuotaCliTests : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("ecs-workshop-quota-test-").FullName;
    private SimulatorServer _server = null!;

    private AwsCli Cli => new(_server.Endpoint);

    public async Task InitializeAsync() => _server = await SimulatorServer.StartAsync(new SimulatorOptions
    {
        Port = 0,
        StateDirectory = _state,
        Simulation = SimulationSettings.AtSpeed(20) with { Quotas = new AccountQuotas { LoadBalancers = 2, TargetGroups = 2, Listeners = 3 } },
        TickInterval = TimeSpan.FromMilliseconds(50),
    });

    [Fact]
    public async Task The_fourth_listener_over_a_quota_of_three_is_TooManyListeners_and_is_not_created()
    {
        var loadBalancer = (await Cli.CreateLoadBalancerAsync("quota-lb")).Arn("LoadBalancerArn");
        var group = (await Cli.CreateTargetGroupAsync("quota-tg")).Arn("TargetGroupArn");
        foreach (var port in new[] { 8081, 8082, 8083 }) await Cli.CreateListenerAsync(loadBalancer, group, port);

        var error = await Cli.FailsAsync("TooManyListeners", "elbv2", "create-listener", "--load-balancer-arn", loadBalancer,
            "--protocol", "HTTP", "--port", "8084", "--default-actions", $"Type=forward,TargetGroupArn={group}");

        Assert.Contains("when calling the CreateListener operation: You've reached the limit on the number of listeners", error);
        var listeners = (await Cli.RunAsync("elbv2", "describe-listeners", "--load-balancer-arn", loadBalancer)).Succeeded().Json.GetProperty("Listeners");
        Assert.Equal([8081, 8082, 8083], listeners.EnumerateArray().Select(l => l.GetProperty("Port").GetInt32()).Order());
    }

    [Fact]
    public async Task The_load_balancer_and_target_group_over_their_quotas_are_TooManyLoadBalancers_and_TooManyTargetGroups()
    {
        await Cli.CreateLoadBalancerAsync("first-lb");
        await Cli.CreateLoadBalancerAsync("second-lb");
        await Cli.CreateTargetGroupAsync("first-tg");
        await Cli.CreateTargetGroupAsync("second-tg");
        var subnets = await Cli.DefaultSubnetsAsync();

        var loadBalancerError = await Cli.FailsAsync("TooManyLoadBalancers", "elbv2", "create-load-balancer", "--name", "third-lb", "--subnets", subnets[0], subnets[1]);
        var targetGroupError = await Cli.FailsAsync("TooManyTargetGroups", "elbv2", "create-target-group", "--name", "third-tg", "--protocol", "HTTP", "--port", "80",
            "--vpc-id", await Cli.DefaultVpcAsync(), "--target-type", "ip");

        Assert.Contains("You've reached the limit on the number of load balancers for your Amazon Web Services account.", loadBalancerError);
        Assert.Contains("You've reached the limit on the number of target groups for your Amazon Web Services account.", targetGroupError);
        var names = (await Cli.RunAsync("elbv2", "describe-load-balancers")).Succeeded().Json.GetProperty("LoadBalancers")
            .EnumerateArray().Select(l => l.GetProperty("LoadBalancerName").GetString()).Order();
        Assert.Equal(["first-lb", "second-lb"], names);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }
}
