using System.Text.Json;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Elbv2;

/// <summary>
/// AWS's own CLI tutorial for an Application Load Balancer ("Create an Application Load Balancer using the AWS CLI"),
/// step by step against the simulator, with ip targets in the default VPC.
/// </summary>
public sealed class AlbTutorialTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private AwsCli Cli => simulator.Cli;

    [Fact]
    public async Task The_tutorial_creates_an_alb_forwards_to_targets_and_deletes_everything_in_order()
    {
        var subnets = await Cli.DefaultSubnetsAsync();
        var vpc = await Cli.DefaultVpcAsync();
        var group = (await Cli.RunAsync("ec2", "describe-security-groups", "--filters", $"Name=vpc-id,Values={vpc}", "Name=group-name,Values=default"))
            .Succeeded().Json.GetProperty("SecurityGroups")[0].Arn("GroupId");

        var created = (await Cli.RunAsync("elbv2", "create-load-balancer", "--name", "my-load-balancer",
            "--subnets", subnets[0], subnets[1], "--security-groups", group)).Succeeded().Json.GetProperty("LoadBalancers")[0];
        var loadBalancerArn = created.Arn("LoadBalancerArn");
        var targets = (await Cli.RunAsync("elbv2", "create-target-group", "--name", "my-targets", "--protocol", "HTTP", "--port", "80",
            "--vpc-id", vpc, "--target-type", "ip")).Succeeded().Json.GetProperty("TargetGroups")[0];
        var targetGroupArn = targets.Arn("TargetGroupArn");
        (await Cli.RunAsync("elbv2", "register-targets", "--target-group-arn", targetGroupArn, "--targets", "Id=172.31.0.10", "Id=172.31.16.20")).Succeeded();
        var listenerArn = await Cli.CreateListenerAsync(loadBalancerArn, targetGroupArn);
        var health = (await Cli.RunAsync("elbv2", "describe-target-health", "--target-group-arn", targetGroupArn)).Succeeded().Json;

        Assert.Matches(@"^arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/my-load-balancer/[0-9a-f]{16}$", loadBalancerArn);
        Assert.Matches(@"^my-load-balancer-\d{9,10}\.ap-northeast-1\.elb\.amazonaws\.com$", created.Arn("DNSName"));
        Assert.Equal("provisioning", created.GetProperty("State").GetProperty("Code").GetString());
        Assert.Equal(("internet-facing", "application", vpc), (created.Arn("Scheme"), created.Arn("Type"), created.Arn("VpcId")));
        Assert.Equal([group], created.GetProperty("SecurityGroups").EnumerateArray().Select(g => g.GetString()));
        Assert.Matches(@"^arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/my-targets/[0-9a-f]{16}$", targetGroupArn);
        Assert.StartsWith(loadBalancerArn.Replace(":loadbalancer/", ":listener/") + "/", listenerArn);
        Assert.Equal(["172.31.0.10", "172.31.16.20"], health.GetProperty("TargetHealthDescriptions").EnumerateArray().Select(t => t.GetProperty("Target").Arn("Id")));
        Assert.All(health.GetProperty("TargetHealthDescriptions").EnumerateArray(), t =>
        {
            Assert.Equal("initial", t.GetProperty("TargetHealth").Arn("State"));
            Assert.Equal("80", t.Arn("HealthCheckPort"));
        });

        (await Cli.RunAsync("elbv2", "delete-load-balancer", "--load-balancer-arn", loadBalancerArn)).Succeeded();
        (await Cli.RunAsync("elbv2", "delete-target-group", "--target-group-arn", targetGroupArn)).Succeeded();

        await Cli.FailsAsync("ListenerNotFound", "elbv2", "describe-listeners", "--listener-arns", listenerArn);
        await Cli.FailsAsync("LoadBalancerNotFound", "elbv2", "describe-load-balancers", "--names", "my-load-balancer");
        await Cli.FailsAsync("TargetGroupNotFound", "elbv2", "describe-target-groups", "--names", "my-targets");
    }

    [Fact]
    public async Task A_load_balancer_turns_active_on_the_simulated_clock()
    {
        var created = await Cli.CreateLoadBalancerAsync("turns-active");

        var waited = await Cli.RunAsync("elbv2", "wait", "load-balancer-available", "--load-balancer-arns", created.Arn("LoadBalancerArn"));
        var described = (await Cli.RunAsync("elbv2", "describe-load-balancers", "--names", "turns-active")).Succeeded().Json.GetProperty("LoadBalancers")[0];

        Assert.Equal(0, waited.ExitCode);
        Assert.Equal("active", described.GetProperty("State").GetProperty("Code").GetString());
    }

    [Fact]
    public async Task The_target_group_lists_the_load_balancer_its_listener_belongs_to()
    {
        var loadBalancer = await Cli.CreateLoadBalancerAsync("lists-lb");
        var group = await Cli.CreateTargetGroupAsync("listed-tg");
        var before = group.GetProperty("LoadBalancerArns").GetArrayLength();

        await Cli.CreateListenerAsync(loadBalancer.Arn("LoadBalancerArn"), group.Arn("TargetGroupArn"));
        var after = (await Cli.RunAsync("elbv2", "describe-target-groups", "--load-balancer-arn", loadBalancer.Arn("LoadBalancerArn"))).Succeeded().Json
            .GetProperty("TargetGroups")[0];

        Assert.Equal(0, before);
        Assert.Equal([loadBalancer.Arn("LoadBalancerArn")], after.GetProperty("LoadBalancerArns").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A_target_group_has_the_documented_health_check_defaults()
    {
        var group = await Cli.CreateTargetGroupAsync("defaults-tg");

        Assert.Equal(
            ("HTTP", "traffic-port", "/", 30, 5, 5, 2, "200", "ip"),
            (group.Arn("HealthCheckProtocol"), group.Arn("HealthCheckPort"), group.Arn("HealthCheckPath"),
             group.GetProperty("HealthCheckIntervalSeconds").GetInt32(), group.GetProperty("HealthCheckTimeoutSeconds").GetInt32(),
             group.GetProperty("HealthyThresholdCount").GetInt32(), group.GetProperty("UnhealthyThresholdCount").GetInt32(),
             group.GetProperty("Matcher").Arn("HttpCode"), group.Arn("TargetType")));
    }

    [Fact]
    public async Task Everything_survives_a_restart_of_the_simulator()
    {
        var loadBalancer = await Cli.CreateLoadBalancerAsync("survives");

        await simulator.RestartAsync();
        var described = (await Cli.RunAsync("elbv2", "describe-load-balancers", "--names", "survives")).Succeeded().Json.GetProperty("LoadBalancers")[0];

        Assert.Equal(loadBalancer.Arn("LoadBalancerArn"), described.Arn("LoadBalancerArn"));
        Assert.Equal(loadBalancer.Arn("DNSName"), described.Arn("DNSName"));
    }
}
