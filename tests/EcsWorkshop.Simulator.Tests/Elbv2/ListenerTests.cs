using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Elbv2;

/// <summary>Listeners: one per port, forwarding to a target group of one load balancer.</summary>
public sealed class ListenerTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private AwsCli Cli => simulator.Cli;

    [Fact]
    public async Task A_second_listener_on_the_port_with_another_target_group_is_DuplicateListener()
    {
        var loadBalancer = (await Cli.CreateLoadBalancerAsync("port-lb")).Arn("LoadBalancerArn");
        await Cli.CreateListenerAsync(loadBalancer, (await Cli.CreateTargetGroupAsync("port-tg-1")).Arn("TargetGroupArn"));
        var other = (await Cli.CreateTargetGroupAsync("port-tg-2")).Arn("TargetGroupArn");

        var error = await Cli.FailsAsync("DuplicateListener", "elbv2", "create-listener", "--load-balancer-arn", loadBalancer, "--protocol", "HTTP", "--port", "80",
            "--default-actions", $"Type=forward,TargetGroupArn={other}");

        Assert.Contains($"A listener already exists on this port for this load balancer '{loadBalancer}'", error);
    }

    [Fact]
    public async Task A_target_group_serves_only_one_load_balancer()
    {
        var group = (await Cli.CreateTargetGroupAsync("shared-tg")).Arn("TargetGroupArn");
        await Cli.CreateListenerAsync((await Cli.CreateLoadBalancerAsync("first-lb")).Arn("LoadBalancerArn"), group);

        var error = await Cli.FailsAsync("TargetGroupAssociationLimit", "elbv2", "create-listener", "--load-balancer-arn",
            (await Cli.CreateLoadBalancerAsync("second-lb")).Arn("LoadBalancerArn"), "--protocol", "HTTP", "--port", "80",
            "--default-actions", $"Type=forward,TargetGroupArn={group}");

        Assert.Contains(group, error);
    }

    [Fact]
    public async Task Listeners_are_described_by_load_balancer_and_deleted()
    {
        var loadBalancer = (await Cli.CreateLoadBalancerAsync("listed-lb")).Arn("LoadBalancerArn");
        var listener = await Cli.CreateListenerAsync(loadBalancer, (await Cli.CreateTargetGroupAsync("listed-lb-tg")).Arn("TargetGroupArn"), 8080);

        var described = (await Cli.RunAsync("elbv2", "describe-listeners", "--load-balancer-arn", loadBalancer)).Succeeded().Json.GetProperty("Listeners")[0];
        (await Cli.RunAsync("elbv2", "delete-listener", "--listener-arn", listener)).Succeeded();
        var error = await Cli.FailsAsync("ListenerNotFound", "elbv2", "delete-listener", "--listener-arn", listener);

        Assert.Equal((listener, 8080, "HTTP", "forward"), (described.Arn("ListenerArn"), described.GetProperty("Port").GetInt32(), described.Arn("Protocol"),
            described.GetProperty("DefaultActions")[0].Arn("Type")));
        Assert.Contains("One or more listeners not found", error);
    }

    [Fact]
    public async Task Actions_other_than_forward_are_not_simulated()
    {
        var loadBalancer = (await Cli.CreateLoadBalancerAsync("fixed-lb")).Arn("LoadBalancerArn");

        var error = await Cli.FailsAsync("InvalidLoadBalancerAction", "elbv2", "create-listener", "--load-balancer-arn", loadBalancer, "--protocol", "HTTP", "--port", "80",
            "--default-actions", "Type=fixed-response,FixedResponseConfig={StatusCode=200}");

        Assert.Contains("simulator", error);
    }
}
